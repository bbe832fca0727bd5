package io.pappus.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Random test data for the suites: numbers weighted towards the values engines get wrong
 * (NaN, infinities, -0.0, Integer.MIN_VALUE, duplicates for grouping and sort ties).
 */
public final class Gen {
    /** The special doubles every double-valued property sees. */
    public static final double[] SPECIAL_DOUBLES = {Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1.0, -1.0};
    /** Cities of {@link Order}s: few, so that groups and sort ties are large. */
    public static final List<String> CITIES = List.of("Oslo", "Lima", "Pune", "Kyiv", "");

    private Gen() {
    }

    /** Doubles in [-1e6, 1e6], small integers (duplicates) and the specials; no overflow on sums. */
    public static Arbitrary<Double> doubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.doubles().between(-1e6, 1e6).ofScale(4)),
                Tuple.of(3, Arbitraries.integers().between(-5, 5).map(i -> (double) i)),
                Tuple.of(2, Arbitraries.of(boxed(SPECIAL_DOUBLES))));
    }

    /** Finite doubles of any sign and magnitude up to 1e6, for sums with a provable error bound. */
    public static Arbitrary<Double> finiteDoubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.doubles().between(-1e6, 1e6).ofScale(6)),
                Tuple.of(2, Arbitraries.doubles().between(-1e-3, 1e-3).ofScale(12)),
                Tuple.of(1, Arbitraries.of(-0.0, 0.0, Double.MIN_VALUE)));
    }

    /** Integer-valued doubles up to 2^20 in magnitude: every sum of 1000 of them is exact. */
    public static Arbitrary<Double> integralDoubles() {
        return Arbitraries.integers().between(-(1 << 20), 1 << 20).map(i -> (double) i);
    }

    /** Any int, weighted towards the extremes and small duplicates. */
    public static Arbitrary<Integer> ints() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers()),
                Tuple.of(4, Arbitraries.integers().between(-6, 6)),
                Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, -1, 0)));
    }

    /** Any long, weighted towards the extremes and small duplicates. */
    public static Arbitrary<Long> longs() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs()),
                Tuple.of(4, Arbitraries.longs().between(-6, 6)),
                Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L)));
    }

    /** Floats of all kinds, specials included. */
    public static Arbitrary<Float> floats() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.floats().between(-1e6f, 1e6f)),
                Tuple.of(3, Arbitraries.integers().between(-5, 5).map(i -> (float) i)),
                Tuple.of(2, Arbitraries.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                        -0.0f, 0.0f, Float.MIN_VALUE, Float.MAX_VALUE)));
    }

    /** Points whose coordinates are {@link #doubles()}. */
    public static Arbitrary<Point> points() {
        return Combinators.combine(doubles(), doubles()).as(Point::new);
    }

    /** Orders numbered by position (ids tell tied elements apart), few cities, repeated amounts. */
    public static Arbitrary<List<Order>> orders(int maxSize) {
        Arbitrary<Double> amount = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(-3, 3).map(i -> (double) i)),
                Tuple.of(3, Arbitraries.doubles().between(-1e3, 1e3)),
                Tuple.of(1, Arbitraries.of(Double.NaN, -0.0, Double.POSITIVE_INFINITY)));
        Arbitrary<Order> one = Combinators.combine(Arbitraries.of(CITIES), amount).as((c, a) -> new Order(0, c, a));
        return one.list().ofMaxSize(maxSize).map(os -> {
            List<Order> numbered = new ArrayList<>();
            for (Order o : os) {
                numbered.add(new Order(numbered.size(), o.city(), o.amount()));
            }
            return numbered;
        });
    }

    /** @return the values as a primitive array */
    public static double[] doubleArray(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** @return the values as a primitive array */
    public static int[] intArray(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return the values as a primitive array */
    public static long[] longArray(List<Long> xs) {
        return xs.stream().mapToLong(Long::longValue).toArray();
    }

    /** @return the values as a primitive array */
    public static float[] floatArray(List<Float> xs) {
        float[] a = new float[xs.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = xs.get(i);
        }
        return a;
    }

    private static Double[] boxed(double[] xs) {
        Double[] b = new Double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            b[i] = xs[i];
        }
        return b;
    }
}
