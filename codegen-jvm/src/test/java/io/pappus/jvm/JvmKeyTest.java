package io.pappus.jvm;

import io.pappus.api.DataSet;
import io.pappus.api.Engines;
import io.pappus.api.Pair;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.testing.City;
import io.pappus.testing.Order;
import io.pappus.testing.Point;
import org.junit.jupiter.api.Test;

import io.pappus.jvm.exec.BreakerCounters;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import static io.pappus.jvm.JvmNativeBreakerTest.sameNatively;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Native breakers on composite keys (records, {@code Pair}s, Strings, several primitive
 * columns) against the reference engine: NaN and -0.0 inside records, empty Strings,
 * many groups across chunks (merged in chunk order), and a Q1-shaped record accumulator.
 */
class JvmKeyTest {
    /** Q1's shape: two char flags, several sums and a count. */
    record Line(double qty, double price, double disc, char flag, char status) {
    }

    record Flags(char flag, char status) {
    }

    record Sums(double qty, double price, double charge, long count) {
    }

    record Named(String name, int n) {
    }

    /** A record with its own equals: not hashed column by column. */
    record Loose(int a, int b) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Loose l && l.a == a;
        }

        @Override
        public int hashCode() {
            return a;
        }
    }

    private static final double[] ODD = {0.0, -0.0, Double.NaN, 1.5, Double.longBitsToDouble(0x7ff8000000000123L)};

    static List<Line> lines(int n, long seed) {
        Random r = new Random(seed);
        List<Line> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Line(1 + r.nextInt(50), 1000 * r.nextDouble(), r.nextInt(11) / 100.0, "ANR".charAt(r.nextInt(3)),
                    "FO".charAt(r.nextInt(2))));
        }
        return out;
    }

    @Test
    void q1ShapedRecordKeyAndRecordAccumulatorAcrossChunks() {
        // ~40,000 nonnegative terms per group, merged from up to 8 chunks: within 2m ulps of Java's order
        List<Line> ls = lines(200_000, 1);
        sameNatively("groupBy", DataSet.from(ls).filter(l -> l.disc() < 0.09).groupBy(l -> new Flags(l.flag(), l.status()))
                .aggregate(new Sums(0, 0, 0, 0), (s, l) -> new Sums(s.qty() + l.qty(), s.price() + l.price(),
                        s.charge() + l.price() * (1 - l.disc()), s.count() + 1),
                        (a, b) -> new Sums(a.qty() + b.qty(), a.price() + b.price(), a.charge() + b.charge(),
                                a.count() + b.count())), false, 200_000);
        sameNatively("groupBy", DataSet.from(lines(5000, 2)).groupBy(l -> new Flags(l.flag(), l.status())).count(), false);
        String explain = DataSet.from(ls).filter(l -> l.disc() < 0.09).groupBy(l -> l.flag()).count()
                .on(Engines.local(Target.JVM)).explain();
        assertTrue(explain.contains("fused: its stages run inside the group loop of fragment 1"), explain);
        assertTrue(explain.contains("plan: input -> filter1 -> groupBy.count"), explain);
    }

    @Test
    void repeatedShapeRebindsCapturedValuesAndSeed() {
        List<Line> ls = lines(3000, 9);
        for (double c : new double[] {0.02, 0.05, 0.08}) {
            int shift = (int) (c * 100);
            sameNatively("groupBy", DataSet.from(ls).filter(l -> l.disc() < c)
                    .groupBy(l -> new Flags(l.flag(), (char) (l.status() + shift)))
                    .aggregate(new Sums(c, 0, 0, shift), (s, l) -> new Sums(s.qty() + l.qty(), s.price(), s.charge(),
                            s.count() + 1), (a, b) -> new Sums(a.qty() + b.qty(), 0, 0, a.count() + b.count())), false);
        }
    }

    @Test
    void groupByAfterZipReadsTheZippedColumns() {
        double[] a = new Random(7).doubles(40_000).toArray();
        double[] b = new Random(8).doubles(40_000).toArray();
        DataSet<Pair<Integer, Long>> q = DataSet.from(a).zip(DataSet.from(b), (x, y) -> new Point(x, y))
                .filter(p -> p.y() > 0.2).groupBy(p -> (int) (p.x() * 10))
                .aggregate(0L, (s, p) -> s + (long) (p.y() * 1000), Long::sum);
        long before = BreakerCounters.nativeRuns("groupBy");
        List<Pair<Integer, Long>> got = q.on(Engines.local(Target.JVM)).toList();
        assertTrue(BreakerCounters.nativeRuns("groupBy") > before);
        assertEquals(new HashSet<>(q.on(Engines.local(Target.REFERENCE)).toList()), new HashSet<>(got));
    }

    @Test
    void recordKeysFollowEqualsOfEachComponent() {
        List<Point> ps = new ArrayList<>();
        for (double x : ODD) {
            for (double y : ODD) {
                ps.add(new Point(x, y));
                ps.add(new Point(y, x));
            }
        }
        sameNatively("groupBy", DataSet.from(ps).groupBy(p -> p).count(), false);
        assertEquals(16, DataSet.from(ps).groupBy(p -> p).count().on(Engines.local(Target.JVM)).toList().size());
        sameNatively("groupBy", DataSet.from(ps).groupBy(p -> Pair.of(p.x() > 0, (long) p.y()))
                .reduce((a, b) -> new Point(Math.max(a.x(), b.x()), a.y() + b.y())), false);
    }

    @Test
    void stringAndPairKeysOverManyGroups() {
        Random r = new Random(3);
        List<Order> os = new ArrayList<>();
        for (int i = 0; i < 120_000; i++) {
            os.add(new Order(r.nextInt(300), "c" + r.nextInt(700), r.nextInt(1000)));
        }
        sameNatively("groupBy", DataSet.from(os).groupBy(o -> o.city()).aggregate(0L, (s, o) -> s + o.id(), Long::sum),
                false);
        // integer-valued doubles below 2^53: exact in any order
        sameNatively("groupBy", DataSet.from(os).groupBy(o -> Pair.of(o.city(), o.id() % 7))
                .aggregate(new Point(0, 0), (s, o) -> new Point(s.x() + o.amount(), s.y() + 1),
                        (a, b) -> new Point(a.x() + b.x(), a.y() + b.y())), false);
        sameNatively("groupBy", DataSet.from(os).groupBy(o -> Pair.of(o.id(), (long) o.amount() % 3)).count(), false);
        List<Named> named = List.of(new Named("", 1), new Named("a", 1), new Named("", 1), new Named("a", 2));
        sameNatively("groupBy", DataSet.from(named).groupBy(n -> n).count(), false);
    }

    @Test
    void intKeysInsideAndOutsideTheDirectMappedRange() {
        int[] xs = new Random(6).ints(150_000, -70_000, 140_000).toArray();
        sameNatively("groupBy", DataSet.from(xs).groupBy(x -> x / 3).count(), false);
        sameNatively("groupBy", DataSet.from(new int[] {0, 1, 0, 65_535, 65_536, -1, 65_535, 0}).groupBy(x -> x).count(),
                false);
        sameNatively("groupBy", DataSet.from(xs).groupBy(x -> (char) (x & 0xffff)).reduce(Math::max), false);
        sameNatively("groupBy", DataSet.from(xs).groupBy(x -> Short.valueOf((short) (x >> 2))).count(), false);
    }

    @Test
    void recordWithItsOwnEqualsStaysOnTheReferencePath() {
        List<Loose> ls = List.of(new Loose(1, 2), new Loose(1, 3), new Loose(2, 2));
        DataSet<Pair<Loose, Long>> q = DataSet.from(ls).groupBy(l -> l).count();
        assertTrue(Engines.local(Target.JVM).explain(q.node(), new Terminal.ToList<>()).contains("declares its own equals"));
        assertEquals(q.on(Engines.local(Target.REFERENCE)).toList(), q.on(Engines.local(Target.JVM)).toList());
    }

    @Test
    void joinOnRecordStringAndPairKeys() {
        Random r = new Random(4);
        List<Order> os = new ArrayList<>();
        List<City> cs = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            os.add(new Order(i, "c" + r.nextInt(300), r.nextInt(5)));
            cs.add(new City("c" + r.nextInt(400), i % 5));
        }
        sameNatively("join", DataSet.from(os).join(DataSet.from(cs), o -> o.city(), c -> c.name(),
                (o, c) -> new Order(o.id(), c.name(), c.population())), true);
        sameNatively("join", DataSet.from(os).join(DataSet.from(cs), o -> Pair.of(o.city(), (int) o.amount()),
                c -> Pair.of(c.name(), c.population()), (o, c) -> o.id()), true);
        List<Point> ps = List.of(new Point(0.0, Double.NaN), new Point(-0.0, 1), new Point(0.0, Double.NaN));
        sameNatively("join", DataSet.from(ps).join(DataSet.from(ps), p -> p, q -> q, (p, q) -> p.y() + q.x()), true);
    }

    @Test
    void distinctOnRecordsAndStrings() {
        List<Point> ps = new ArrayList<>();
        for (double x : ODD) {
            ps.add(new Point(x, -x));
            ps.add(new Point(x, -x));
        }
        sameNatively("distinct", DataSet.from(ps).distinct(), true);
        List<Order> os = List.of(new Order(1, "a", 1), new Order(1, "a", 1), new Order(1, "b", 1), new Order(1, "a", -0.0),
                new Order(1, "a", 0.0));
        sameNatively("distinct", DataSet.from(os).distinct(), true);
        sameNatively("distinct", DataSet.from(os).map(o -> o.city()).distinct(), true);
    }

    @Test
    void orderByStringsIsStableBothWays() {
        Random r = new Random(5);
        List<Order> os = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            os.add(new Order(i, "c" + r.nextInt(90) + (r.nextBoolean() ? "" : "\u00e9"), i));
        }
        sameNatively("orderBy", DataSet.from(os).orderBy(o -> o.city()), true);
        sameNatively("orderBy", DataSet.from(os).orderByDescending(o -> o.city()), true);
        sameNatively("orderBy", DataSet.from(os.subList(0, 0)).orderBy(o -> o.city()), true);
    }
}
