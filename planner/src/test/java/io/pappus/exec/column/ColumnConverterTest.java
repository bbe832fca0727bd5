package io.pappus.exec.column;

import io.pappus.api.Pair;
import io.pappus.ir.Type;
import io.pappus.lift.JavaTypes;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed, parallel edge conversion against the per-element IR path it replaces: the same
 * columns, the same objects back, the same error for a bad element, on sizes that run
 * sequentially and in parallel chunks.
 */
class ColumnConverterTest {
    record Kinds(boolean z, byte b, short s, char c, int i, long l, float f, double d, String str, Integer boxed) {
    }

    private record Point(double x, double y) {
    }

    record Tagged(int id, Point at, Pair<Long, Point> extra) {
    }

    private static final int[] SIZES = {0, 1, 7, 20_000, 100_003};

    @Test
    void everyPrimitiveKindStringAndBoxedComponent() {
        check(i -> new Kinds(i % 3 == 0, (byte) i, (short) (i * 7), (char) ('a' + i % 26), i * 31, i * 1_000_003L,
                i / 3f, Math.sqrt(i), i % 5 == 0 ? null : "s" + i, i % 4 == 0 ? -i : i));
    }

    @Test
    void nestedPrivateAndGenericRecords() {
        check(i -> new Tagged(i, new Point(i, -i), new Pair<>((long) i * i, new Point(0.5 * i, i % 11))));
    }

    @Test
    void scalarsAndStrings() {
        check(i -> i * 0.25);
        check(i -> (long) i << 20);
        check(i -> "x" + i);
        check(i -> new Pair<>(i, "v" + (i % 13)));
    }

    @Test
    void nonRandomAccessList() {
        List<Point> xs = new LinkedList<>();
        for (int i = 0; i < 30_000; i++) {
            xs.add(new Point(i, 2 * i));
        }
        Type t = JavaTypes.ofValue(xs.get(0));
        assertEquals(xs, ColumnConverter.toObjects(ColumnConverter.fromObjects(xs, t), getClass().getClassLoader()));
    }

    @Test
    void nullElementFailsAsThePerElementPathDoes() {
        List<Point> xs = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            xs.add(i == 33_333 ? null : new Point(i, i));
        }
        Type t = JavaTypes.ofValue(xs.get(0));
        assertThrows(NullPointerException.class, () -> ColumnConverter.fromObjects(xs, t));
    }

    @Test
    void nullBoxedComponentFailsAsThePerElementPathDoes() {
        List<Pair<Integer, Integer>> xs = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            xs.add(new Pair<>(i, i == 39_999 ? null : i));
        }
        Type t = JavaTypes.ofValue(xs.get(0));
        assertThrows(NullPointerException.class, () -> ColumnConverter.fromObjects(xs, t));
    }

    private <T> void check(IntFunction<T> gen) {
        for (int n : SIZES) {
            List<T> xs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                xs.add(gen.apply(i));
            }
            Type t = n == 0 ? JavaTypes.ofValue(gen.apply(1)) : JavaTypes.ofValue(xs.get(0));
            ColumnLayout layout = ColumnLayout.of(t);
            Columns fast = ColumnConverter.fromObjects(xs, t);
            Columns slow = Columns.allocate(layout, n);
            ClassLoader loader = getClass().getClassLoader();
            new GenericCodec(layout, loader).layout(xs, slow.leaves(), 0, n);
            assertEquals(n, fast.size());
            for (int k = 0; k < layout.leaves().size(); k++) {
                assertTrue(sameArray(slow.leaves()[k], fast.leaves()[k]), "leaf " + layout.leaves().get(k).name()
                        + " of " + t.show() + ", n=" + n);
            }
            assertEquals(xs, ColumnConverter.toObjects(fast, loader), t.show() + ", n=" + n);
            if (n > 0) {
                assertEquals(xs.get(n - 1), ColumnConverter.element(fast, n - 1, loader));
            }
        }
    }

    private static boolean sameArray(Object a, Object b) {
        if (a instanceof Object[] x) {
            return Arrays.equals(x, (Object[]) b);
        }
        int n = Array.getLength(a);
        for (int i = 0; i < n; i++) {
            if (!Array.get(a, i).equals(Array.get(b, i))) {
                return false;
            }
        }
        return n == Array.getLength(b);
    }

    @Test
    void randomDoublesRoundTrip() {
        Random r = new Random(1);
        List<Point> xs = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            xs.add(new Point(r.nextGaussian(), Double.longBitsToDouble(r.nextLong())));
        }
        Type t = JavaTypes.ofValue(xs.get(0));
        assertEquals(xs, ColumnConverter.toObjects(ColumnConverter.fromObjects(xs, t), getClass().getClassLoader()));
    }
}
