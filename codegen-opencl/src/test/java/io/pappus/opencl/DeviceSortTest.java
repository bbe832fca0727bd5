package io.pappus.opencl;

import io.pappus.ir.PrimKind;
import io.pappus.jvm.runtime.KeyOrder;
import io.pappus.opencl.codegen.ReduceOp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The device radix sort and the breakers on it against Java: a stable order by
 * {@code Double.compare}/{@code Long.compare} (NaN last, -0.0 before 0.0, ties in input order,
 * in both directions), first-occurrence distinct, and group folds exactly as a left fold in
 * input order. Sizes cross the sort's block (1024) and the scan's block boundaries.
 */
class DeviceSortTest {
    private static final double[] SPECIAL = {Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0,
            Double.longBitsToDouble(0x7ff0000000000123L), Double.longBitsToDouble(0xfff8000000000001L)};

    private final OclBreakers device = OclBreakers.on(OclTestDevice.get());

    @Test
    void doublesSortStablyAsDoubleCompareInBothDirections() {
        for (int n : new int[] {0, 1, 2, 17, 1024, 1025, 5000}) {
            double[] xs = doubles(n, new Random(n));
            for (boolean desc : new boolean[] {false, true}) {
                int[] expected = KeyOrder.stableOrder(KeyOrder.sortBits(xs, n), n, desc);
                OclResult r = device.orderBy(List.of(iota(n)), List.of(PrimKind.INT), xs, PrimKind.DOUBLE, desc);
                assertArrayEquals(expected, (int[]) r.columns().get(0), "n=" + n + " desc=" + desc);
            }
        }
    }

    @Test
    void intsLongsAndFloatsSortStably() {
        Random rnd = new Random(7);
        int n = 3000;
        int[] is = new int[n];
        long[] ls = new long[n];
        float[] fs = new float[n];
        for (int i = 0; i < n; i++) {
            is[i] = i % 3 == 0 ? rnd.nextInt() : rnd.nextInt(20) - 10;
            ls[i] = i % 3 == 0 ? rnd.nextLong() : rnd.nextInt(20) - 10L;
            fs[i] = i % 7 == 0 ? (float) SPECIAL[rnd.nextInt(SPECIAL.length)] : rnd.nextInt(20) - 10.5f;
        }
        is[0] = Integer.MIN_VALUE;
        is[1] = Integer.MAX_VALUE;
        ls[0] = Long.MIN_VALUE;
        ls[1] = Long.MAX_VALUE;
        int[] same = new int[n];
        java.util.Arrays.fill(same, -5);  // every pass skipped: the order stays the input's
        assertArrayEquals(iota(n), (int[]) device.orderBy(List.of(iota(n)), List.of(PrimKind.INT), same, PrimKind.INT, true)
                .columns().get(0));
        for (boolean desc : new boolean[] {false, true}) {
            assertArrayEquals(KeyOrder.stableOrder(KeyOrder.sortBits(is, n), n, desc),
                    (int[]) device.orderBy(List.of(iota(n)), List.of(PrimKind.INT), is, PrimKind.INT, desc).columns().get(0));
            assertArrayEquals(KeyOrder.stableOrder(KeyOrder.sortBits(ls, n), n, desc),
                    (int[]) device.orderBy(List.of(iota(n)), List.of(PrimKind.INT), ls, PrimKind.LONG, desc).columns().get(0));
            assertArrayEquals(KeyOrder.stableOrder(KeyOrder.sortBits(fs, n), n, desc),
                    (int[]) device.orderBy(List.of(iota(n)), List.of(PrimKind.INT), fs, PrimKind.FLOAT, desc).columns().get(0));
        }
    }

    @Test
    void distinctKeepsFirstOccurrencesInInputOrder() {
        double[] xs = doubles(4000, new Random(3));
        List<Object> expected = new ArrayList<>(new java.util.LinkedHashSet<>(boxed(xs)));
        OclResult r = device.distinct(xs, PrimKind.DOUBLE);
        assertEquals(expected, boxed((double[]) r.columns().get(0)));
    }

    @Test
    void groupCountAndSumFoldInInputOrder() {
        Random rnd = new Random(11);
        int n = 5000;
        int[] keys = new int[n];
        double[] vs = new double[n];
        for (int i = 0; i < n; i++) {
            keys[i] = rnd.nextInt(300) - 150;
            vs[i] = rnd.nextDouble() * 1e6 - 5e5;
        }
        Map<Integer, Double> sums = new LinkedHashMap<>();
        Map<Integer, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            sums.merge(keys[i], vs[i], Double::sum);
            counts.merge(keys[i], 1L, Long::sum);
        }
        OclResult s = device.group(keys, PrimKind.INT, vs, PrimKind.DOUBLE, ReduceOp.SUM);
        OclResult c = device.group(keys, PrimKind.INT, null, PrimKind.DOUBLE, ReduceOp.COUNT);
        assertEquals(new ArrayList<>(sums.keySet()), boxed((int[]) s.columns().get(0)));
        assertEquals(new ArrayList<>(sums.values()), boxed((double[]) s.columns().get(1)));  // bit-exact: same fold order
        assertEquals(new ArrayList<>(counts.values()), boxed((long[]) c.columns().get(1)));
    }

    private static double[] doubles(int n, Random rnd) {
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i % 5 == 0 ? SPECIAL[rnd.nextInt(SPECIAL.length)] : rnd.nextInt(50) - 25.0;
        }
        return xs;
    }

    /** @return 0, 1, ..., n-1 */
    static int[] iota(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** @return a primitive array's elements, boxed */
    static List<Object> boxed(Object array) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < java.lang.reflect.Array.getLength(array); i++) {
            out.add(java.lang.reflect.Array.get(array, i));
        }
        return out;
    }
}
