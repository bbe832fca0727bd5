package io.pappus.opencl.engine;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Pair;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.opencl.OclEngine;
import io.pappus.testing.Point;
import io.pappus.testing.Results;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * groupBy with record keys and record accumulators, and distinct over records, run on the
 * device (the run log's breaker counters move and explain says so) and give exactly the
 * reference's answer: groups in first-occurrence order, record sums bit for bit where a group
 * is one fold block (up to 1024 elements) and within the JVM backend's 4m-ulp bound for m
 * nonnegative terms where blocks are combined, integers exact, keys equal as a record's
 * {@code equals} (every NaN one key, -0.0 and 0.0 two). What stays on the JVM says why and
 * still answers right.
 */
class DeviceRecordKeyTest {
    private static final Pattern GROUP_ON_DEVICE = Pattern.compile("input: groupBy of fragment\\(s\\) \\d+ runs on OpenCL device");
    private static final Pattern DISTINCT_ON_DEVICE =
            Pattern.compile("input: distinct of fragment\\(s\\) \\d+ runs on OpenCL device");
    private static final double ODD_NAN = Double.longBitsToDouble(0x7ff8000000000abcL);

    private final Engine reference = Engines.local(Target.REFERENCE);
    private final OclEngine ocl = (OclEngine) Engines.local(Target.OPENCL);

    /** A TPC-H lineitem row, as Q1 reads it. */
    record Line(char flag, char status, double quantity, double price, double discount, double tax, int shipDate) {
    }

    /** Q1's running sums: five doubles and a count. */
    record Sums(double quantity, double basePrice, double discountedPrice, double charge, double discount, long count) {
    }

    /** A two-column key. */
    record FlagStatus(char flag, char status) {
    }

    /** A key with a double field, for NaN and signed zeros. */
    record Bucket(double x, int k) {
    }

    /** A key of every width: three sort words. */
    record Wide(boolean b, byte y, short s, long l, float f) {
    }

    /** A nested record accumulator: a range and a count. */
    record Range(double lo, double hi) {
    }

    /** Holds a {@link Range}. */
    record Spread(Range range, long n) {
    }

    /** A record ordered by its own compareTo: not a device sort key. */
    record Version(int major, int minor) implements Comparable<Version> {
        @Override
        public int compareTo(Version o) {
            return major != o.major ? Integer.compare(o.major, major) : Integer.compare(minor, o.minor);
        }
    }

    private static List<Line> lines(int n, long seed) {
        Random rnd = new Random(seed);
        char[] flags = {'A', 'N', 'R'};
        char[] statuses = {'F', 'O'};
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Line(flags[rnd.nextInt(3)], statuses[rnd.nextInt(2)], 1 + rnd.nextInt(50),
                    900 + rnd.nextInt(10_000_000) / 100.0, rnd.nextInt(11) / 100.0, rnd.nextInt(9) / 100.0,
                    rnd.nextInt(2500)));
        }
        return out;
    }

    private static DataSet<Pair<Integer, Sums>> q1(DataSet<Line> lines) {
        int cutoff = 2400;
        return lines.filter(l -> l.shipDate() <= cutoff)
                .groupBy(l -> l.flag() << 8 | l.status())
                .aggregate(new Sums(0, 0, 0, 0, 0, 0),
                        (s, l) -> new Sums(s.quantity() + l.quantity(), s.basePrice() + l.price(),
                                s.discountedPrice() + l.price() * (1 - l.discount()),
                                s.charge() + l.price() * (1 - l.discount()) * (1 + l.tax()),
                                s.discount() + l.discount(), s.count() + 1),
                        (a, b) -> new Sums(a.quantity() + b.quantity(), a.basePrice() + b.basePrice(),
                                a.discountedPrice() + b.discountedPrice(), a.charge() + b.charge(),
                                a.discount() + b.discount(), a.count() + b.count()));
    }

    @Test
    void q1RecordAccumulatorRunsOnTheDevice() {
        long before = ocl.runLog().breakerRuns("groupBy");
        DataSet<Pair<Integer, Sums>> q = q1(DataSet.from(lines(20_000, 1)));
        List<Pair<Integer, Sums>> want = q.on(reference).toList();
        assertEquals(6, want.size());
        // ~3,200 rows a group fold in blocks of 1024, combined: sums of m = 20,000 nonnegative terms at most,
        // within 4m ulps of the in-order sum (the JVM backend's bound for chunked groups); the count exact
        Results.assertSameOrdered(want, q.on(ocl).toList(), 4 * 20_000);
        assertEquals(1, ocl.runLog().breakerRuns("groupBy") - before);
        String explain = ocl.explain(q.node(), new Terminal.ToList<>());
        assertTrue(GROUP_ON_DEVICE.matcher(explain).find(), explain);
        assertTrue(explain.contains("combined in block order by the reduce op or the combine lambda"), explain);
    }

    @Test
    void compositeKeysCountAndAggregateOnTheDevice() {
        long before = ocl.runLog().breakerRuns("groupBy");
        DataSet<Line> lines = DataSet.from(lines(5000, 2));
        DataSet<Pair<FlagStatus, Long>> counts = lines.groupBy(l -> new FlagStatus(l.flag(), l.status())).count();
        DataSet<Pair<FlagStatus, Sums>> sums = lines.groupBy(l -> new FlagStatus(l.status(), l.flag()))
                .aggregate(new Sums(0, 0, 0, 0, 0, 7),
                        (s, l) -> new Sums(s.quantity() + l.quantity(), s.basePrice() + l.price(), s.discountedPrice(),
                                s.charge() - l.tax(), Math.max(s.discount(), l.discount()), s.count() + l.shipDate()),
                        (a, b) -> a);
        DataSet<Pair<FlagStatus, Double>> reduced = lines.map(l -> l.price())
                .groupBy(p -> new FlagStatus((char) ('a' + (int) (p % 3)), 'z')).reduce(Double::sum);
        assertEquals(counts.on(reference).toList(), counts.on(ocl).toList());
        assertEquals(sums.on(reference).toList(), sums.on(ocl).toList());  // ~833 rows a group: one block, bit for bit
        // ~1,667 prices a group: two blocks, combined with the op; 5,000 nonnegative terms within 4m ulps
        Results.assertSameOrdered(reduced.on(reference).toList(), reduced.on(ocl).toList(), 4 * 5000);
        assertEquals(3, ocl.runLog().breakerRuns("groupBy") - before);
        assertTrue(GROUP_ON_DEVICE.matcher(ocl.explain(counts.node(), new Terminal.ToList<>())).find());
    }

    @Test
    void doubleKeyFieldsFollowRecordEquals() {
        double[] special = {Double.NaN, ODD_NAN, -0.0, 0.0, 1.5, -1.5, Double.POSITIVE_INFINITY};
        List<Point> ps = new ArrayList<>();
        Random rnd = new Random(3);
        for (int i = 0; i < 3000; i++) {
            ps.add(new Point(special[rnd.nextInt(special.length)], rnd.nextInt(4)));
        }
        long before = ocl.runLog().breakerRuns("groupBy");
        DataSet<Pair<Bucket, Long>> counts = DataSet.from(ps).groupBy(p -> new Bucket(p.x(), (int) p.y())).count();
        DataSet<Pair<Bucket, Point>> folds = DataSet.from(ps).groupBy(p -> new Bucket(p.x() * 2, 1))
                .aggregate(new Point(0, 1), (a, p) -> new Point(a.x() + p.y(), a.y() * 0.5 + p.x()), (a, b) -> a);
        List<Pair<Bucket, Long>> want = counts.on(reference).toList();
        assertEquals(6 * 4, want.size());  // both NaNs one key; -0.0 and 0.0 two
        assertEquals(want, counts.on(ocl).toList());
        assertEquals(folds.on(reference).toList(), folds.on(ocl).toList());
        assertEquals(2, ocl.runLog().breakerRuns("groupBy") - before);
    }

    @Test
    void distinctOverRecordsRunsOnTheDevice() {
        long before = ocl.runLog().breakerRuns("distinct");
        double[] special = {Double.NaN, ODD_NAN, -0.0, 0.0, 2.0};
        List<Point> ps = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ps.add(new Point(special[i % special.length], special[(i / 5) % special.length]));
        }
        DataSet<Point> dups = DataSet.from(ps).distinct();
        List<Point> want = dups.on(reference).toList();
        assertEquals(16, want.size());
        assertEquals(want, dups.on(ocl).toList());
        List<Wide> ws = new ArrayList<>();
        Random rnd = new Random(4);
        for (int i = 0; i < 3000; i++) {
            ws.add(new Wide(rnd.nextBoolean(), (byte) (rnd.nextInt(3) - 1), (short) rnd.nextInt(2),
                    rnd.nextBoolean() ? Long.MIN_VALUE : 1L, rnd.nextBoolean() ? -0.0f : 0.0f));
        }
        DataSet<Wide> wide = DataSet.from(ws).distinct();
        assertEquals(wide.on(reference).toList(), wide.on(ocl).toList());
        assertEquals(2, ocl.runLog().breakerRuns("distinct") - before);
        assertTrue(DISTINCT_ON_DEVICE.matcher(ocl.explain(dups.node(), new Terminal.ToList<>())).find());
    }

    @Test
    void emptyOneGroupAndAllDistinct() {
        DataSet<Line> none = DataSet.from(lines(100, 5)).filter(l -> l.shipDate() < 0);
        DataSet<Line> one = DataSet.from(lines(1000, 6)).map(l -> new Line('R', 'F', l.quantity(), l.price(),
                l.discount(), l.tax(), l.shipDate()));
        List<Point> all = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            all.add(new Point(i % 2 == 0 ? i : -i, i * 0.25));
        }
        for (DataSet<Line> ls : List.of(none, one)) {
            DataSet<Pair<FlagStatus, Sums>> g = ls.groupBy(l -> new FlagStatus(l.flag(), l.status()))
                    .aggregate(new Sums(1, 2, 3, 4, 5, 6), (s, l) -> new Sums(s.quantity() + l.quantity(),
                            s.basePrice(), s.discountedPrice(), s.charge(), s.discount(), s.count() + 1), (a, b) -> a);
            assertEquals(g.on(reference).toList(), g.on(ocl).toList());
            assertEquals(ls.distinct().on(reference).toList(), ls.distinct().on(ocl).toList());
        }
        DataSet<Pair<Point, Long>> each = DataSet.from(all).groupBy(p -> p).count();
        assertEquals(1500, each.on(ocl).toList().size());
        assertEquals(each.on(reference).toList(), each.on(ocl).toList());
        assertEquals(DataSet.from(all).distinct().on(reference).toList(), DataSet.from(all).distinct().on(ocl).toList());
    }

    @Test
    void nestedRecordAccumulatorAndCharKeysRunOnTheDevice() {
        long before = ocl.runLog().breakerRuns("groupBy");
        DataSet<Line> lines = DataSet.from(lines(4000, 7));
        DataSet<Pair<Wide, Spread>> q = lines.groupBy(l -> {
                    boolean returned = l.flag() == 'R';  // the lifter wants no branch between new and the constructor
                    return new Wide(returned, (byte) (l.shipDate() % 3), (short) -(l.shipDate() % 2), l.shipDate() % 5,
                            (float) l.discount());
                })
                .aggregate(new Spread(new Range(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY), 0),
                        (s, l) -> new Spread(new Range(Math.min(s.range().lo(), l.price()),
                                Math.max(s.range().hi(), l.price())), s.n() + 1),
                        (a, b) -> a);
        DataSet<Pair<Character, Long>> chars = lines.groupBy(l -> l.status()).count();
        assertEquals(q.on(reference).toList(), q.on(ocl).toList());
        assertEquals(chars.on(reference).toList(), chars.on(ocl).toList());
        assertEquals(2, ocl.runLog().breakerRuns("groupBy") - before);
        long sorts = ocl.runLog().breakerRuns("orderBy");
        DataSet<Line> byFlag = lines.orderByDescending(l -> l.flag());
        assertEquals(byFlag.on(reference).toList(), byFlag.on(ocl).toList());
        assertEquals(1, ocl.runLog().breakerRuns("orderBy") - sorts);  // a char key: packed, complemented
    }

    @Test
    void whatStaysOnTheJvmSaysWhyAndAnswersRight() {
        long groups = ocl.runLog().breakerRuns("groupBy");
        long sorts = ocl.runLog().breakerRuns("orderBy");
        double scale = 2.5;
        DataSet<Line> lines = DataSet.from(lines(500, 8));
        DataSet<Pair<FlagStatus, Sums>> captures = lines.groupBy(l -> new FlagStatus(l.flag(), l.status()))
                .aggregate(new Sums(0, 0, 0, 0, 0, 0), (s, l) -> new Sums(s.quantity() + l.quantity() * scale,
                        s.basePrice(), s.discountedPrice(), s.charge(), s.discount(), s.count() + 1), (a, b) -> a);
        DataSet<Line> versions = lines.orderBy(l -> new Version(l.shipDate() % 3, l.shipDate() % 7));
        assertEquals(captures.on(reference).toList(), captures.on(ocl).toList());
        assertEquals(versions.on(reference).toList(), versions.on(ocl).toList());
        assertEquals(0, ocl.runLog().breakerRuns("groupBy") - groups);
        assertEquals(0, ocl.runLog().breakerRuns("orderBy") - sorts);
        String e1 = ocl.explain(captures.node(), new Terminal.ToList<>());
        assertTrue(e1.contains("runs on the JVM: groupBy aggregate: group fold lambda at") && e1.contains("captures values"),
                e1);
        String e2 = ocl.explain(versions.node(), new Terminal.ToList<>());
        assertTrue(e2.contains("runs on the JVM: orderBy key of type Version{major:int,minor:int}: a record orders by"
                + " its own compareTo"), e2);
    }
}
