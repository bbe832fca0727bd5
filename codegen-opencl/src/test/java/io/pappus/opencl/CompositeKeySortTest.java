package io.pappus.opencl;

import io.pappus.ir.PrimKind;
import io.pappus.opencl.codegen.KeyPackWriter;
import io.pappus.opencl.codegen.ReduceOp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Keys of several columns on the device against Java: a stable lexicographic sort in which each
 * column compares as its boxed type's {@code compareTo} (false before true, signed bytes and
 * shorts, unsigned chars, NaN last and -0.0 before 0.0), in both directions, over keys of one,
 * two and three sort words; and groups whose keys are equal in every column, as a record's
 * {@code equals}. Sizes cross the sort's block (1024).
 */
class CompositeKeySortTest {
    private static final double[] SPECIAL = {Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.longBitsToDouble(0x7ff8000000000123L), -1.5, 1.5};

    private final OclBreakers device = OclBreakers.on(OclTestDevice.get());

    @Test
    void packingSharesWordsUntilSixtyFourBits() {
        assertEquals(List.of(32), KeyPackWriter.write(List.of(PrimKind.CHAR, PrimKind.CHAR), false).wordBits());
        assertEquals(List.of(25, 64, 32), KeyPackWriter.write(List.of(PrimKind.BOOLEAN, PrimKind.BYTE, PrimKind.SHORT,
                PrimKind.LONG, PrimKind.FLOAT), false).wordBits());
        assertEquals(List.of(64, 64), KeyPackWriter.write(List.of(PrimKind.INT, PrimKind.INT, PrimKind.DOUBLE), false)
                .wordBits());
    }

    @Test
    void mixedKeysSortLexicographicallyAndStablyInBothDirections() {
        for (int n : new int[] {0, 1, 2, 1025, 3000}) {
            Rows r = rows(n, new Random(n));
            for (boolean desc : new boolean[] {false, true}) {
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    expected.add(i);
                }
                Comparator<Integer> c = r.order();
                expected.sort(desc ? c.reversed() : c);  // List.sort is stable
                OclResult got = device.orderBy(List.of(DeviceSortTest.iota(n)), List.of(PrimKind.INT), r.columns(), Rows.KINDS, desc);
                assertEquals(expected, DeviceSortTest.boxed(got.columns().get(0)), "n=" + n + " desc=" + desc);
            }
        }
    }

    @Test
    void groupsCompareEveryColumnAndCountInFirstOccurrenceOrder() {
        int n = 4000;
        Rows r = rows(n, new Random(17));
        Map<List<Object>, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(r.key(i), 1L, Long::sum);
        }
        OclResult g = device.group(r.columns(), Rows.KINDS, null, PrimKind.LONG, ReduceOp.COUNT);
        List<List<Object>> keys = new ArrayList<>();
        for (int i = 0; i < g.count(); i++) {
            List<Object> k = new ArrayList<>();
            for (int c = 0; c < Rows.KINDS.size(); c++) {
                k.add(java.lang.reflect.Array.get(g.columns().get(c), i));
            }
            keys.add(k);
        }
        assertEquals(new ArrayList<>(counts.keySet()), keys);
        assertEquals(new ArrayList<>(counts.values()), DeviceSortTest.boxed(g.columns().get(Rows.KINDS.size())));
        OclResult d = device.distinct(r.columns(), Rows.KINDS);
        assertEquals(counts.size(), d.count());
    }

    /** Columns boolean (as bytes), byte, short, char, long, float, double: three sort words. */
    private record Rows(byte[] bools, byte[] bytes, short[] shorts, char[] chars, long[] longs, float[] floats,
                        double[] doubles) {
        static final List<PrimKind> KINDS = List.of(PrimKind.BOOLEAN, PrimKind.BYTE, PrimKind.SHORT, PrimKind.CHAR,
                PrimKind.LONG, PrimKind.FLOAT, PrimKind.DOUBLE);

        List<Object> columns() {
            return List.of(bools, bytes, shorts, chars, longs, floats, doubles);
        }

        List<Object> key(int i) {
            return List.of(bools[i] != 0, bytes[i], shorts[i], chars[i], longs[i], floats[i], doubles[i]);  // boxed equals: one NaN, -0.0 != 0.0
        }

        Comparator<Integer> order() {
            return Comparator.<Integer, Boolean>comparing(i -> bools[i] != 0).thenComparing(i -> bytes[i])
                    .thenComparing(i -> shorts[i]).thenComparing(i -> chars[i]).thenComparing(i -> longs[i])
                    .thenComparing(i -> floats[i]).thenComparing(i -> doubles[i]);
        }
    }

    /** Few distinct values per column, so rows repeat and ties reach the last column. */
    private static Rows rows(int n, Random rnd) {
        Rows r = new Rows(new byte[n], new byte[n], new short[n], new char[n], new long[n], new float[n], new double[n]);
        for (int i = 0; i < n; i++) {
            r.bools()[i] = (byte) rnd.nextInt(2);
            r.bytes()[i] = (byte) (rnd.nextBoolean() ? -128 + rnd.nextInt(2) : 127 - rnd.nextInt(2));
            r.shorts()[i] = (short) (rnd.nextInt(3) - 1);
            r.chars()[i] = rnd.nextBoolean() ? 'A' : '\uffff';
            r.longs()[i] = rnd.nextBoolean() ? Long.MIN_VALUE + rnd.nextInt(2) : rnd.nextInt(2);
            r.floats()[i] = (float) SPECIAL[rnd.nextInt(SPECIAL.length)];
            r.doubles()[i] = SPECIAL[rnd.nextInt(SPECIAL.length)];
        }
        return r;
    }
}
