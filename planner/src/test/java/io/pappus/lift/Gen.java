package io.pappus.lift;

import io.pappus.api.Pair;

import java.util.List;
import java.util.Random;

/** Test inputs of one argument: edge values first, then random ones. */
interface Gen {
    Object next(Random r, int i);

    static Gen of(List<?> edges, java.util.function.Function<Random, Object> random) {
        return (r, i) -> i < edges.size() ? edges.get(i) : random.apply(r);
    }

    List<Double> DOUBLE_EDGES = List.of(0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 2.5, 3.0, 10.0, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            1e-300, 1e300, 1e18, -1e18);
    List<Integer> INT_EDGES = List.of(0, 1, -1, 2, 3, 5, 7, 31, 32, 33, -7, 100, Integer.MIN_VALUE, Integer.MAX_VALUE,
            Integer.MIN_VALUE + 1, 65535, -65536);

    Gen DOUBLE = of(DOUBLE_EDGES, r -> r.nextBoolean() ? (r.nextDouble() - 0.5) * 20 : r.nextGaussian() * 1e6);
    Gen INT = of(INT_EDGES, r -> r.nextBoolean() ? r.nextInt(41) - 20 : r.nextInt());
    Gen SMALL_INT = of(List.of(0, 1, -1, 2, 3, 10, 27, -5), r -> r.nextInt(60) - 10);
    Gen LONG = of(List.of(0L, 1L, -1L, 2L, 63L, 64L, Long.MIN_VALUE, Long.MAX_VALUE, (long) Integer.MAX_VALUE + 1),
            r -> r.nextBoolean() ? (long) r.nextInt(41) - 20 : r.nextLong());
    Gen FLOAT = of(List.of(0f, -0f, 1f, -1f, 0.5f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE, Float.MAX_VALUE, 3e9f), r -> (r.nextFloat() - 0.5f) * 100);
    Gen BOOLEAN = of(List.of(true, false), Random::nextBoolean);
    Gen CHAR = of(List.of('a', 'Z', '0', (char) 0, (char) 65535), r -> (char) r.nextInt(65536));
    Gen BYTE = of(List.of((byte) 0, (byte) -128, (byte) 127, (byte) -1), r -> (byte) r.nextInt());
    Gen SHORT = of(List.of((short) 0, Short.MIN_VALUE, Short.MAX_VALUE, (short) -1), r -> (short) r.nextInt());
    Gen POINT = (r, i) -> new Point((Double) DOUBLE.next(r, i), (Double) DOUBLE.next(r, i + 3));
    Gen SEG = (r, i) -> new Seg((Point) POINT.next(r, i), (Point) POINT.next(r, i + 5));
    Gen PAIR_DD = (r, i) -> new Pair<>((Double) DOUBLE.next(r, i), (Double) DOUBLE.next(r, i + 2));
}
