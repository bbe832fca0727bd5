package io.pappus.testing;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Pair;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operator of the public API on one engine, checked against the obvious Java-streams
 * program on the same data. A backend reuses it by subclassing (through planner's test-jar):
 *
 * <pre>{@code
 * class JvmOperatorTest extends OperatorSuite {
 *     protected Engine engine() { return Engines.local(Target.JVM); }
 * }
 * }</pre>
 *
 * <p>Float comparisons allow {@link #ulps()} units in the last place for element-wise results.
 * Sums are checked against bounds that hold for every summation order (see
 * {@link #sumOfFiniteDoublesIsWithinTheReorderingBound}); sums of integer-valued doubles below
 * 2^53 are exact in any order and compared exactly. Order is ignored only after group, join
 * and distinct, where the API defines none.
 */
public abstract class OperatorSuite {
    private static final double UNIT_ROUNDOFF = 0x1p-53;

    /** @return the engine under test */
    protected abstract Engine engine();

    /** @return the allowed distance of element-wise float results from Java's; 0 = bit-exact */
    protected int ulps() {
        return 0;
    }

    private <T> DataSet<T> on(DataSet<T> d) {
        return d.on(engine());
    }

    private void same(Object expected, Object actual) {
        Results.assertSameOrdered(expected, actual, ulps());
    }

    private void sameUnordered(List<?> expected, List<?> actual) {
        Results.assertSameUnordered(expected, actual, ulps());
    }

    @Provide
    Arbitrary<List<Double>> doubles() {
        return Gen.doubles().list().ofMaxSize(200);
    }

    @Provide
    Arbitrary<List<Integer>> ints() {
        return Gen.ints().list().ofMaxSize(200);
    }

    @Provide
    Arbitrary<List<Long>> longs() {
        return Gen.longs().list().ofMaxSize(200);
    }

    @Provide
    Arbitrary<List<Float>> floats() {
        return Gen.floats().list().ofMaxSize(200);
    }

    @Provide
    Arbitrary<List<Point>> points() {
        return Gen.points().list().ofMaxSize(100);
    }

    @Provide
    Arbitrary<List<Order>> orders() {
        return Gen.orders(120);
    }

    // ------------------------------------------------------------------ sources

    @Property(tries = 50)
    void fromDoublesKeepsEveryValueAndItsOrder(@ForAll("doubles") List<Double> xs) {
        same(xs, on(DataSet.from(Gen.doubleArray(xs))).toList());
    }

    @Property(tries = 50)
    void fromFloatsMapsInFloatArithmetic(@ForAll("floats") List<Float> xs) {
        List<Float> expected = xs.stream().map(x -> x * 1.5f + 2f).toList();
        same(expected, on(DataSet.from(Gen.floatArray(xs))).map(x -> x * 1.5f + 2f).toList());
    }

    @Property(tries = 50)
    void fromIntsMapsWithWrappingArithmetic(@ForAll("ints") List<Integer> xs) {
        List<Integer> expected = xs.stream().map(x -> x * 3 + 7).toList();
        same(expected, on(DataSet.from(Gen.intArray(xs))).map(x -> x * 3 + 7).toList());
    }

    @Property(tries = 50)
    void fromLongsMapsWithWrappingArithmetic(@ForAll("longs") List<Long> xs) {
        List<Long> expected = xs.stream().map(x -> x * 31L - (x >>> 3)).toList();
        same(expected, on(DataSet.from(Gen.longArray(xs))).map(x -> x * 31L - (x >>> 3)).toList());
    }

    @Property(tries = 50)
    void fromBoxedIntegersFilters(@ForAll("ints") List<Integer> xs) {
        Integer[] boxed = xs.toArray(new Integer[0]);
        List<Integer> expected = xs.stream().filter(x -> x % 2 == 0).toList();
        same(expected, on(DataSet.from(boxed)).filter(x -> x % 2 == 0).toList());
    }

    @Property(tries = 50)
    void fromRecordArrayMapsToRecords(@ForAll("points") List<Point> ps) {
        Point[] arr = ps.toArray(new Point[0]);
        List<Point> expected = ps.stream().map(p -> new Point(p.y(), p.x() + 1)).toList();
        same(expected, on(DataSet.from(arr)).map(p -> new Point(p.y(), p.x() + 1)).toList());
    }

    @Property(tries = 50)
    void fromNestedRecordsReadsInnerComponents(@ForAll("points") List<Point> ps) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i + 1 < ps.size(); i += 2) {
            lines.add(new Line(ps.get(i), ps.get(i + 1)));
        }
        List<Point> expected = lines.stream().map(l -> new Point(l.a().x() + l.b().x(), l.a().y() * l.b().y())).toList();
        same(expected, on(DataSet.from(lines)).map(l -> new Point(l.a().x() + l.b().x(), l.a().y() * l.b().y())).toList());
        List<Line> flipped = lines.stream().map(l -> new Line(l.b(), new Point(l.a().x(), -l.a().y()))).toList();
        same(flipped, on(DataSet.from(lines)).map(l -> new Line(l.b(), new Point(l.a().x(), -l.a().y()))).toList());
    }

    @Property(tries = 50)
    void fromCollectionOfRecordsFiltersAndProjects(@ForAll("orders") List<Order> os) {
        List<Integer> expected = os.stream().filter(o -> o.amount() > 0).map(o -> o.id()).toList();
        same(expected, on(DataSet.from(os)).filter(o -> o.amount() > 0).map(o -> o.id()).toList());
    }

    @Property(tries = 50)
    void fromStringsMapsAndFilters(@ForAll @Size(max = 50) List<@StringLength(max = 6) String> ss) {
        String[] arr = ss.toArray(new String[0]);
        same(ss.stream().map(String::length).toList(), on(DataSet.from(arr)).map(String::length).toList());
        same(ss.stream().filter(s -> s.length() > 2).toList(), on(DataSet.from(ss)).filter(s -> s.length() > 2).toList());
    }

    @Example
    void fromBooleansAndChars() {
        Boolean[] bs = {true, false, true, true};
        assertEquals(3L, on(DataSet.from(bs)).filter(b -> b).count());
        same(List.of(false, true, false, false), on(DataSet.from(bs)).map(b -> !b).toList());
        Character[] cs = {'a', 'Z', '0'};
        same(List.of(98, 91, 49), on(DataSet.from(cs)).map(c -> c + 1).toList());
    }

    @Property(tries = 50)
    void rangeCountsFromStartToEnd(@ForAll @IntRange(min = -50, max = 50) int start,
                                   @ForAll @IntRange(min = -50, max = 250) int end) {
        List<Integer> expected = IntStream.range(start, end).map(i -> i * i).boxed().toList();
        same(expected, on(DataSet.range(start, end)).map(i -> i * i).toList());
    }

    @Example
    void rangeAtTheEdgesOfInt() {
        same(List.of(Integer.MAX_VALUE - 2, Integer.MAX_VALUE - 1),
                on(DataSet.range(Integer.MAX_VALUE - 2, Integer.MAX_VALUE)).toList());
        same(List.of(Integer.MIN_VALUE, Integer.MIN_VALUE + 1), on(DataSet.range(Integer.MIN_VALUE, Integer.MIN_VALUE + 2)).toList());
        assertEquals(0L, on(DataSet.range(5, 5)).count());
        assertEquals(0L, on(DataSet.range(5, -5)).count());
        same(List.of(Integer.MAX_VALUE, Integer.MIN_VALUE), on(DataSet.range(Integer.MIN_VALUE, Integer.MIN_VALUE + 5)).take(2)
                .map(i -> i - 1).toList());
    }

    @Example
    void rangeOfMoreThanIntMaxElementsIsRefusedOrCorrect() {
        // 2^32 - 1 elements: their count does not fit an int. Refusing at range() is fine; a wrong range is not.
        DataSet<Integer> all;
        try {
            all = DataSet.range(Integer.MIN_VALUE, Integer.MAX_VALUE);
        } catch (IllegalArgumentException refused) {
            return;
        }
        same(List.of(Integer.MIN_VALUE, Integer.MIN_VALUE + 1), on(all).take(2).toList());
    }

    @Example
    void emptyAndSingleElementSources() {
        same(List.of(), on(DataSet.from(new double[0])).map(x -> x + 1).toList());
        same(List.of(), on(DataSet.from(new int[0])).filter(x -> x > 0).toList());
        same(List.of(), on(DataSet.from(List.<Point>of())).map(p -> p.x()).toList());
        same(List.of(3.0), on(DataSet.from(new double[]{2.0})).map(x -> x + 1).toList());
        same(List.of(new Point(1, 2)), on(DataSet.from(new Point(1, 2))).toList());
    }

    // ----------------------------------------------------------- transformations

    @Property(tries = 50)
    void mapDoublesFollowsJavaArithmetic(@ForAll("doubles") List<Double> xs) {
        double[] a = Gen.doubleArray(xs);
        same(xs.stream().map(x -> x * 2.5 + 1.0).toList(), on(DataSet.from(a)).map(x -> x * 2.5 + 1.0).toList());
        same(xs.stream().map(x -> Math.sqrt(Math.abs(x))).toList(), on(DataSet.from(a)).map(x -> Math.sqrt(Math.abs(x))).toList());
        same(xs.stream().map(x -> x > 0.5 ? x / 3.0 : -x).toList(), on(DataSet.from(a)).map(x -> x > 0.5 ? x / 3.0 : -x).toList());
        same(xs.stream().map(x -> Math.max(x, 0.0) - Math.min(x, -0.0)).toList(),
                on(DataSet.from(a)).map(x -> Math.max(x, 0.0) - Math.min(x, -0.0)).toList());
    }

    @Property(tries = 50)
    void castsFromDoubleSaturateAsInJava(@ForAll("doubles") List<Double> xs) {
        double[] a = Gen.doubleArray(xs);
        same(xs.stream().map(x -> (int) (x * 1e4)).toList(), on(DataSet.from(a)).map(x -> (int) (x * 1e4)).toList());
        same(xs.stream().map(x -> (long) (x * 1e15)).toList(), on(DataSet.from(a)).map(x -> (long) (x * 1e15)).toList());
        same(xs.stream().map(x -> x.floatValue()).toList(), on(DataSet.from(a)).map(x -> (float) (double) x).toList());
    }

    @Property(tries = 50)
    void intOperatorsWrapAndTruncateAsInJava(@ForAll("ints") List<Integer> xs) {
        int[] a = Gen.intArray(xs);
        same(xs.stream().map(x -> -x).toList(), on(DataSet.from(a)).map(x -> -x).toList());
        same(xs.stream().map(x -> Math.abs(x)).toList(), on(DataSet.from(a)).map(x -> Math.abs(x)).toList());
        same(xs.stream().map(x -> x / 7 + x % 7).toList(), on(DataSet.from(a)).map(x -> x / 7 + x % 7).toList());
        same(xs.stream().map(x -> x / -1).toList(), on(DataSet.from(a)).map(x -> x / -1).toList());
        same(xs.stream().map(x -> (x << 33) ^ (x >> 31) ^ (x >>> 28)).toList(),
                on(DataSet.from(a)).map(x -> (x << 33) ^ (x >> 31) ^ (x >>> 28)).toList());
        same(xs.stream().map(x -> (long) x * x).toList(), on(DataSet.from(a)).map(x -> (long) x * x).toList());
        same(xs.stream().map(x -> (double) x / 3).toList(), on(DataSet.from(a)).map(x -> (double) x / 3).toList());
    }

    @Example
    void intOverflowWraps() {
        int[] a = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1};
        same(List.of(Integer.MIN_VALUE, Integer.MIN_VALUE + 1, 0), on(DataSet.from(a)).map(x -> x + 1).toList());
        same(List.of(Integer.MIN_VALUE), on(DataSet.from(new int[]{Integer.MIN_VALUE})).map(x -> x / -1).toList());
        assertEquals(-2, on(DataSet.from(a)).reduce(0, Integer::sum).intValue());
    }

    @Property(tries = 50)
    void filterWithCapturedConstant(@ForAll("doubles") List<Double> xs, @ForAll @IntRange(min = -3, max = 3) int k) {
        double c = k * 0.5;
        same(xs.stream().filter(x -> x > c).toList(), on(DataSet.from(Gen.doubleArray(xs))).filter(x -> x > c).toList());
        same(xs.stream().filter(x -> !(x <= c)).toList(), on(DataSet.from(Gen.doubleArray(xs))).filter(x -> !(x <= c)).toList());
        same(xs.stream().filter(x -> x.isNaN()).toList(), on(DataSet.from(Gen.doubleArray(xs))).filter(x -> Double.isNaN(x)).toList());
    }

    @Property(tries = 50)
    void flatMapKeepsOrder(@ForAll("ints") List<Integer> xs) {
        List<Integer> expected = xs.stream().flatMap(x -> x % 3 == 0 ? List.<Integer>of().stream() : List.of(x, x * 2).stream()).toList();
        same(expected, on(DataSet.from(Gen.intArray(xs))).flatMap(x -> x % 3 == 0 ? List.<Integer>of() : List.of(x, x * 2)).toList());
    }

    @Property(tries = 50)
    void groupByCountPutsEqualKeysTogether(@ForAll("ints") List<Integer> xs, @ForAll("doubles") List<Double> ds) {
        sameUnordered(groups(xs, x -> x % 5, Collectors.counting()),
                on(DataSet.from(Gen.intArray(xs))).groupBy(x -> x % 5).count().toList());
        // Double keys: equal by equals(), so all NaNs are one group and -0.0 is not 0.0.
        sameUnordered(groups(ds, x -> x, Collectors.counting()), on(DataSet.from(Gen.doubleArray(ds))).groupBy(x -> x).count().toList());
    }

    @Example
    void groupByDoubleKeysFollowsEquals() {
        double[] a = {0.0, -0.0, Double.NaN, 0.0 / 0.0, 1.0, -0.0, Double.NaN};
        Results.assertSameUnordered(List.of(Pair.of(0.0, 1L), Pair.of(-0.0, 2L), Pair.of(Double.NaN, 3L), Pair.of(1.0, 1L)),
                on(DataSet.from(a)).groupBy(x -> x).count().toList(), 0);
    }

    @Property(tries = 50)
    void groupByReduce(@ForAll("ints") List<Integer> xs, @ForAll("doubles") List<Double> ds) {
        sameUnordered(groups(xs, x -> x & 7, Collectors.reducing(0, Integer::sum)),
                on(DataSet.from(Gen.intArray(xs))).groupBy(x -> x & 7).reduce(Integer::sum).toList());
        // Math.max is exactly associative and commutative (NaN wins, 0.0 beats -0.0): no reordering slack.
        Map<Boolean, Optional<Double>> m = ds.stream().collect(Collectors.groupingBy(x -> x > 0, LinkedHashMap::new,
                Collectors.reducing(Math::max)));
        List<Pair<Boolean, Double>> expected = m.entrySet().stream().map(e -> Pair.of(e.getKey(), e.getValue().get())).toList();
        sameUnordered(expected, on(DataSet.from(Gen.doubleArray(ds))).groupBy(x -> x > 0).reduce(Math::max).toList());
    }

    @Property(tries = 50)
    void groupByAggregateOfRecords(@ForAll("orders") List<Order> os) {
        sameUnordered(groups(os, Order::city, Collectors.summingLong(o -> o.id())),
                on(DataSet.from(os)).groupBy(o -> o.city()).aggregate(0L, (acc, o) -> acc + o.id(), Long::sum).toList());
        // A record accumulator; the amounts are small integers or NaN, so the sums are exact.
        List<Pair<String, Point>> expected = new ArrayList<>();
        groups(os, Order::city, Collectors.toList()).forEach(g -> expected.add(Pair.of(g.first(),
                new Point(g.second().size(), g.second().stream().mapToDouble(o -> Math.floor(o.amount())).reduce(0, Double::sum)))));
        sameUnordered(expected, on(DataSet.from(os)).groupBy(o -> o.city())
                .aggregate(new Point(0, 0), (acc, o) -> new Point(acc.x() + 1, acc.y() + Math.floor(o.amount())),
                        (p, q) -> new Point(p.x() + q.x(), p.y() + q.y())).toList());
    }

    private static <T, K, V> List<Pair<K, V>> groups(List<T> xs, Function<T, K> key, java.util.stream.Collector<T, ?, V> agg) {
        Map<K, V> m = xs.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, agg));
        return m.entrySet().stream().map(e -> Pair.of(e.getKey(), e.getValue())).toList();
    }

    @Property(tries = 50)
    void joinPairsEveryMatch(@ForAll("ints") List<Integer> xs, @ForAll("ints") List<Integer> ys) {
        List<Integer> left = xs.subList(0, Math.min(60, xs.size()));
        List<Integer> right = ys.subList(0, Math.min(60, ys.size()));
        List<Long> expected = new ArrayList<>();
        for (int x : left) {
            for (int y : right) {
                if (Math.floorMod(x, 4) == Math.floorMod(y, 4)) {
                    expected.add((long) x * 100_000L + y);
                }
            }
        }
        sameUnordered(expected, on(DataSet.from(Gen.intArray(left))).join(DataSet.from(Gen.intArray(right)),
                x -> Math.floorMod(x, 4), y -> Math.floorMod(y, 4), (x, y) -> (long) x * 100_000L + y).toList());
    }

    @Property(tries = 50)
    void joinRecordsOnStringKeys(@ForAll("orders") List<Order> os) {
        List<City> cities = List.of(new City("Oslo", 700), new City("Lima", 10_000), new City("Oslo", 1), new City("Rome", 3));
        List<Pair<Integer, Integer>> expected = new ArrayList<>();
        for (Order o : os) {
            for (City c : cities) {
                if (o.city().equals(c.name())) {
                    expected.add(Pair.of(o.id(), c.population()));
                }
            }
        }
        sameUnordered(expected, on(DataSet.from(os)).join(DataSet.from(cities), o -> o.city(), c -> c.name(),
                (o, c) -> Pair.of(o.id(), c.population())).toList());
    }

    @Property(tries = 50)
    void zipStopsAtTheShorterInput(@ForAll("doubles") List<Double> xs, @ForAll("ints") List<Integer> ys) {
        int n = Math.min(xs.size(), ys.size());
        List<Double> expected = IntStream.range(0, n).mapToObj(i -> xs.get(i) + ys.get(i) * 0.5).toList();
        same(expected, on(DataSet.from(Gen.doubleArray(xs))).zip(DataSet.from(Gen.intArray(ys)), (x, y) -> x + y * 0.5).toList());
        List<Pair<Integer, Double>> pairs = IntStream.range(0, n).mapToObj(i -> Pair.of(ys.get(i), xs.get(i))).toList();
        same(pairs, on(DataSet.from(Gen.intArray(ys))).zip(DataSet.from(Gen.doubleArray(xs)), (y, x) -> Pair.of(y, x)).toList());
    }

    @Property(tries = 50)
    void orderByIsStableAndUsesCompareTo(@ForAll("orders") List<Order> os, @ForAll("doubles") List<Double> xs) {
        same(os.stream().sorted(Comparator.comparing(Order::city)).toList(), on(DataSet.from(os)).orderBy(o -> o.city()).toList());
        same(os.stream().sorted(Comparator.comparing(Order::amount)).toList(), on(DataSet.from(os)).orderBy(o -> o.amount()).toList());
        // Double.compareTo: -0.0 before 0.0, NaN after +Infinity.
        same(xs.stream().sorted().toList(), on(DataSet.from(Gen.doubleArray(xs))).orderBy(x -> x).toList());
    }

    @Property(tries = 50)
    void orderByDescendingKeepsTiesInInputOrder(@ForAll("orders") List<Order> os, @ForAll("ints") List<Integer> xs) {
        same(os.stream().sorted(Comparator.comparing(Order::amount).reversed()).toList(),
                on(DataSet.from(os)).orderByDescending(o -> o.amount()).toList());
        same(os.stream().sorted(Comparator.comparing(Order::city).reversed()).toList(),
                on(DataSet.from(os)).orderByDescending(o -> o.city()).toList());
        same(xs.stream().sorted(Comparator.comparing((Integer x) -> x % 3).reversed()).toList(),
                on(DataSet.from(Gen.intArray(xs))).orderByDescending(x -> x % 3).toList());
    }

    @Example
    void orderByTiesAndSpecials() {
        double[] a = {Double.NaN, 0.0, -0.0, Double.NEGATIVE_INFINITY, 1.0, Double.POSITIVE_INFINITY, -0.0};
        Results.assertSameOrdered(List.of(Double.NEGATIVE_INFINITY, -0.0, -0.0, 0.0, 1.0, Double.POSITIVE_INFINITY, Double.NaN),
                on(DataSet.from(a)).orderBy(x -> x).toList(), 0);
        Order[] os = {new Order(0, "b", 1), new Order(1, "a", 1), new Order(2, "b", 0), new Order(3, "a", 1)};
        same(List.of(os[1], os[3], os[0], os[2]), on(DataSet.from(os)).orderBy(o -> o.city()).toList());
        same(List.of(os[0], os[1], os[3], os[2]), on(DataSet.from(os)).orderByDescending(o -> o.amount()).toList());
    }

    @Property(tries = 50)
    void distinctDropsLaterEquals(@ForAll("doubles") List<Double> xs, @ForAll("points") List<Point> ps) {
        sameUnordered(xs.stream().distinct().toList(), on(DataSet.from(Gen.doubleArray(xs))).distinct().toList());
        List<Point> dup = new ArrayList<>(ps);
        dup.addAll(ps.subList(0, ps.size() / 2));
        sameUnordered(dup.stream().distinct().toList(), on(DataSet.from(dup)).distinct().toList());
        sameUnordered(dup.stream().map(p -> Math.floor(p.x())).distinct().toList(), on(DataSet.from(dup)).map(p -> Math.floor(p.x())).distinct().toList());
    }

    @Example
    void distinctFollowsEquals() {
        double[] a = {0.0, -0.0, Double.NaN, 0.0 / 0.0, 0.0};
        Results.assertSameUnordered(List.of(0.0, -0.0, Double.NaN), on(DataSet.from(a)).distinct().toList(), 0);
    }

    @Property(tries = 50)
    void takeKeepsTheFirstElements(@ForAll("ints") List<Integer> xs, @ForAll @IntRange(max = 250) int n) {
        int[] a = Gen.intArray(xs);
        same(xs.stream().limit(n).toList(), on(DataSet.from(a)).take(n).toList());
        same(xs.stream().filter(x -> x > 0).limit(n).toList(), on(DataSet.from(a)).filter(x -> x > 0).take(n).toList());
        same(xs.stream().sorted().limit(n).toList(), on(DataSet.from(a)).orderBy(x -> x).take(n).toList());
        same(xs.stream().limit(n).map(x -> x + 1).toList(), on(DataSet.from(a)).take(n).map(x -> x + 1).toList());
    }

    @Example
    void takeEdges() {
        int[] a = {5, 6, 7};
        same(List.of(), on(DataSet.from(a)).take(0).toList());
        same(List.of(5, 6, 7), on(DataSet.from(a)).take(Long.MAX_VALUE).toList());
        assertThrows(IllegalArgumentException.class, () -> DataSet.from(a).on(engine()).take(-1));
    }

    @Property(tries = 30)
    void cacheReusedAcrossQueries(@ForAll("doubles") List<Double> xs) {
        double[] a = Gen.doubleArray(xs);
        DataSet<Double> cached = on(DataSet.from(a)).map(x -> x * 3.0).cache();
        List<Double> expected = xs.stream().map(x -> x * 3.0).toList();
        same(expected, cached.toList());
        same(expected.stream().filter(x -> x > 1).toList(), cached.filter(x -> x > 1).toList());
        assertEquals((long) xs.size(), cached.count());
        same(expected, cached.toList());
    }

    @Example
    void cacheMaterialisesOnceWhileTheSourceIsReadPerQuery() {
        double[] a = {1, 2, 3};
        DataSet<Double> plain = on(DataSet.from(a)).map(x -> x + 1);
        DataSet<Double> cached = plain.cache();
        same(List.of(2.0, 3.0, 4.0), cached.toList());
        a[0] = 100;
        same(List.of(101.0, 3.0, 4.0), plain.toList());
        same(List.of(2.0, 3.0, 4.0), cached.toList());
    }

    // ------------------------------------------------------------------- actions

    @Property(tries = 50)
    void reduceWithIdentity(@ForAll("ints") List<Integer> xs, @ForAll("doubles") List<Double> ds) {
        assertEquals(xs.stream().reduce(0, Integer::sum), on(DataSet.from(Gen.intArray(xs))).reduce(0, Integer::sum));
        same(ds.stream().reduce(Double.NEGATIVE_INFINITY, Math::max), on(DataSet.from(Gen.doubleArray(ds))).reduce(Double.NEGATIVE_INFINITY, Math::max));
        same(ds.stream().reduce(Double.POSITIVE_INFINITY, (p, q) -> Math.min(p, q)),
                on(DataSet.from(Gen.doubleArray(ds))).reduce(Double.POSITIVE_INFINITY, (p, q) -> Math.min(p, q)));
    }

    @Property(tries = 50)
    void reduceWithoutIdentity(@ForAll("ints") List<Integer> xs, @ForAll("points") List<Point> ps) {
        same(xs.stream().reduce(Integer::max), on(DataSet.from(Gen.intArray(xs))).reduce(Integer::max));
        same(xs.stream().reduce((x, y) -> x ^ y), on(DataSet.from(Gen.intArray(xs))).reduce((x, y) -> x ^ y));
        same(ps.stream().reduce((p, q) -> new Point(Math.max(p.x(), q.x()), Math.min(p.y(), q.y()))),
                on(DataSet.from(ps)).reduce((p, q) -> new Point(Math.max(p.x(), q.x()), Math.min(p.y(), q.y()))));
    }

    @Example
    void reduceOfEmpty() {
        same(Optional.empty(), on(DataSet.from(new int[0])).reduce(Integer::sum));
        same(7, on(DataSet.from(new int[0])).reduce(7, Integer::sum));
        same(Optional.of(4), on(DataSet.from(new int[]{4})).reduce(Integer::sum));
    }

    @Property(tries = 50)
    void aggregateIntoAnotherType(@ForAll("ints") List<Integer> xs, @ForAll("doubles") List<Double> ds) {
        assertEquals(xs.stream().mapToLong(x -> x).sum(),
                on(DataSet.from(Gen.intArray(xs))).aggregate(0L, (acc, x) -> acc + x, Long::sum).longValue());
        assertEquals((int) ds.stream().filter(x -> x > 0.5).count(),
                on(DataSet.from(Gen.doubleArray(ds))).aggregate(0, (n, x) -> x > 0.5 ? n + 1 : n, Integer::sum).intValue());
    }

    @Property(tries = 50)
    void countAfterFilter(@ForAll("doubles") List<Double> xs) {
        assertEquals(xs.size(), on(DataSet.from(Gen.doubleArray(xs))).count());
        assertEquals(xs.stream().filter(x -> x < 1).count(), on(DataSet.from(Gen.doubleArray(xs))).filter(x -> x < 1).count());
    }

    @Property(tries = 50)
    void sumOfIntegralDoublesIsExact(@ForAll @Size(max = 1000) List<@From("integralDoubles") Double> xs) {
        // |x| <= 2^20 and n <= 1000: every partial sum is an integer below 2^30, exact in any order.
        assertEquals(xs.stream().mapToDouble(x -> x).sum(), on(DataSet.from(Gen.doubleArray(xs))).sum(x -> x));
        assertEquals(xs.stream().mapToDouble(x -> x * 2).sum(), on(DataSet.from(xs)).sum(x -> x * 2));
        List<Order> os = IntStream.range(0, xs.size()).mapToObj(i -> new Order(i, "c", xs.get(i))).toList();
        assertEquals(os.stream().mapToDouble(o -> o.amount() - o.id()).sum(), on(DataSet.from(os)).sum(o -> o.amount() - o.id()));
    }

    @Provide
    Arbitrary<Double> integralDoubles() {
        return Gen.integralDoubles();
    }

    @Provide
    Arbitrary<List<Double>> finiteDoubles() {
        return Gen.finiteDoubles().list().ofMaxSize(1000);
    }

    /**
     * Any summation order (sequential, pairwise, per-thread partials, compensated) of n terms
     * is within gamma_n * sum|x_i| of the exact sum, gamma_n = n*u/(1-n*u), u = 2^-53
     * (Higham, Accuracy and Stability of Numerical Algorithms, 4.2). The exact sum comes from
     * BigDecimal; the data is finite and far from overflow, so the bound is the whole story.
     */
    @Property(tries = 50)
    void sumOfFiniteDoublesIsWithinTheReorderingBound(@ForAll("finiteDoubles") List<Double> xs) {
        double actual = on(DataSet.from(Gen.doubleArray(xs))).sum(x -> x);
        assertWithinReorderingBound(xs, xs.size(), actual, 1, "sum");
        if (!xs.isEmpty()) {
            double mean = on(DataSet.from(Gen.doubleArray(xs))).average(x -> x);
            assertWithinReorderingBound(xs, xs.size() + 1, mean, xs.size(), "average");
        }
    }

    private static void assertWithinReorderingBound(List<Double> xs, int n, double actual, int divisor, String what) {
        BigDecimal exact = BigDecimal.ZERO;
        double abs = 0;
        for (double x : xs) {
            exact = exact.add(new BigDecimal(x));
            abs += Math.abs(x);
        }
        double gamma = n * UNIT_ROUNDOFF / (1 - n * UNIT_ROUNDOFF);
        // abs itself was summed in floating point: (1 + gamma) covers its own rounding.
        // Gradual underflow adds an absolute error of at most half the smallest subnormal per
        // rounding (Higham 2.1: fl(x op y) = (x op y)(1 + d) + e, |e| <= MIN_VALUE / 2); the
        // average's final division is one more rounding, so allow one MIN_VALUE for the quotient.
        double bound = gamma * abs * (1 + gamma) / divisor + (divisor > 1 ? Double.MIN_VALUE : 0.0);
        double error = new BigDecimal(actual).subtract(exact.divide(BigDecimal.valueOf(divisor), java.math.MathContext.DECIMAL128)).abs().doubleValue();
        assertTrue(error <= bound, what + " of " + xs.size() + " values: " + actual + " is " + error
                + " from the exact " + exact + "/" + divisor + ", more than the reordering bound " + bound);
    }

    @Example
    void sumAndAverageOfSpecials() {
        assertEquals(0.0, on(DataSet.from(new double[0])).sum(x -> x));
        assertTrue(Double.isNaN(on(DataSet.from(new double[]{1, Double.NaN, 2})).sum(x -> x)));
        assertTrue(Double.isNaN(on(DataSet.from(new double[]{Double.POSITIVE_INFINITY, 1, Double.NEGATIVE_INFINITY})).sum(x -> x)));
        assertEquals(Double.POSITIVE_INFINITY, on(DataSet.from(new double[]{Double.POSITIVE_INFINITY, -1e300})).sum(x -> x));
        assertEquals(2.5, on(DataSet.from(new int[]{1, 2, 3, 4})).average(x -> x));
        assertEquals(Integer.MAX_VALUE * 2.0, on(DataSet.from(new int[]{Integer.MAX_VALUE, Integer.MAX_VALUE})).sum(x -> x));
        assertThrows(NoSuchElementException.class, () -> on(DataSet.from(new double[0])).average(x -> x));
        assertThrows(NoSuchElementException.class, () -> on(DataSet.from(new int[]{1, 2})).filter(x -> x > 5).average(x -> x));
    }

    @Property(tries = 50)
    void averageOfIntegralDoublesIsTheRoundedMean(@ForAll @Size(min = 1, max = 1000) List<@From("integralDoubles") Double> xs) {
        // The sum is exact (see sumOfIntegralDoublesIsExact), so the mean is one correctly rounded division.
        assertEquals(xs.stream().mapToDouble(x -> x).sum() / xs.size(), on(DataSet.from(Gen.doubleArray(xs))).average(x -> x));
    }

    @Property(tries = 50)
    void minByAndMaxByReturnTheFirstOnTies(@ForAll("orders") List<Order> os, @ForAll("doubles") List<Double> xs) {
        same(firstExtreme(os, Order::amount, false), on(DataSet.from(os)).minBy(o -> o.amount()));
        same(firstExtreme(os, Order::amount, true), on(DataSet.from(os)).maxBy(o -> o.amount()));
        same(firstExtreme(os, Order::city, false), on(DataSet.from(os)).minBy(o -> o.city()));
        same(firstExtreme(os, Order::city, true), on(DataSet.from(os)).maxBy(o -> o.city()));
        same(firstExtreme(xs, x -> x, true), on(DataSet.from(Gen.doubleArray(xs))).maxBy(x -> x));
        same(firstExtreme(xs, x -> -x, false), on(DataSet.from(Gen.doubleArray(xs))).minBy(x -> -x));
    }

    /** The obvious loop: the first element whose key is strictly better than all before it. */
    private static <T, K extends Comparable<? super K>> Optional<T> firstExtreme(List<T> xs, Function<T, K> key, boolean max) {
        T best = null;
        for (T x : xs) {
            if (best == null || (max ? key.apply(x).compareTo(key.apply(best)) > 0 : key.apply(x).compareTo(key.apply(best)) < 0)) {
                best = x;
            }
        }
        return Optional.ofNullable(best);
    }

    @Example
    void minByMaxByOfEmptyAndSpecials() {
        same(Optional.empty(), on(DataSet.from(new double[0])).minBy(x -> x));
        double[] a = {1.0, Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY};
        same(Optional.of(Double.NaN), on(DataSet.from(a)).maxBy(x -> x));
        same(Optional.of(Double.NEGATIVE_INFINITY), on(DataSet.from(a)).minBy(x -> x));
        Results.assertSameOrdered(Optional.of(-0.0), on(DataSet.from(new double[]{0.0, -0.0, 0.0})).minBy(x -> x), 0);
        Order[] os = {new Order(0, "x", 2), new Order(1, "y", 2), new Order(2, "z", 1), new Order(3, "w", 1)};
        same(Optional.of(os[0]), on(DataSet.from(os)).maxBy(o -> o.amount()));
        same(Optional.of(os[2]), on(DataSet.from(os)).minBy(o -> o.amount()));
    }

    @Property(tries = 30)
    void toListIsUnmodifiable(@ForAll("ints") List<Integer> xs) {
        List<Integer> out = on(DataSet.from(Gen.intArray(xs))).map(x -> x + 1).toList();
        assertThrows(UnsupportedOperationException.class, () -> out.add(1));
        if (!out.isEmpty()) {
            assertThrows(UnsupportedOperationException.class, () -> out.set(0, 1));
        }
    }

    @Property(tries = 50)
    void longerChainsOnRecords(@ForAll("orders") List<Order> os, @ForAll @IntRange(max = 40) int n) {
        List<String> expected = os.stream().filter(o -> o.amount() >= 0).sorted(Comparator.comparing(Order::amount).reversed())
                .limit(n).map(o -> o.city() + o.id()).toList();
        same(expected, on(DataSet.from(os)).filter(o -> o.amount() >= 0).orderByDescending(o -> o.amount())
                .take(n).map(o -> o.city() + o.id()).toList());
        assertEquals(os.stream().filter(o -> o.amount() >= 0).count(), on(DataSet.from(os)).filter(o -> o.amount() >= 0).count());
    }
}
