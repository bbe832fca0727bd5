package io.pappus.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Compares query results the way the project requires (design/ARCHITECTURE.md, "Every backend
 * is tested against the reference engine"): integers, booleans, chars and strings exactly;
 * {@code float}/{@code double} within a stated bound in units in the last place, NaN equal to
 * NaN; recursively through records (component by component), {@link io.pappus.api.Pair},
 * lists and optionals.
 *
 * <p>Zero signs: with {@code ulps == 0} the bits must match, so {@code -0.0} differs from
 * {@code 0.0}; with {@code ulps > 0} the two zeros are 0 ulps apart. Infinities must match
 * exactly whatever the bound: {@code MAX_VALUE} is not "one ulp" from infinity.
 *
 * <pre>{@code
 * Results.assertSameOrdered(streamsAnswer, engineAnswer, 0);
 * Results.assertSameUnordered(expectedGroups, actualGroups, 2);
 * }</pre>
 */
public final class Results {
    private static final int SHOWN = 20;

    private Results() {
    }

    /**
     * Asserts two results are equal, lists compared element by element in order.
     *
     * @param expected the oracle's result
     * @param actual   the engine's result
     * @param ulps     the allowed distance of floating-point values
     */
    public static void assertSameOrdered(Object expected, Object actual, int ulps) {
        String d = difference(expected, actual, ulps, "result");
        if (d != null) {
            throw new AssertionError(d + "\n  expected: " + show(expected) + "\n  actual:   " + show(actual));
        }
    }

    /**
     * Asserts two lists hold the same multiset of elements, each matched within tolerance.
     *
     * @param expected the oracle's elements, in any order
     * @param actual   the engine's elements, in any order
     * @param ulps     the allowed distance of floating-point values
     */
    public static void assertSameUnordered(List<?> expected, List<?> actual, int ulps) {
        if (expected == null || actual == null) {
            assertSameOrdered(expected, actual, ulps);
            return;
        }
        List<Object> e = sorted(expected);
        List<Object> a = sorted(actual);
        if (e.size() == a.size() && difference(e, a, ulps, "sorted") == null) {
            return;
        }
        // Tolerance can reorder nearly-equal elements in the sort: fall back to matching.
        List<Object> unmatched = new ArrayList<>(a);
        List<Object> missing = new ArrayList<>();
        for (Object x : e) {
            int hit = -1;
            for (int i = 0; i < unmatched.size() && hit < 0; i++) {
                if (difference(x, unmatched.get(i), ulps, "") == null) {
                    hit = i;
                }
            }
            if (hit >= 0) {
                unmatched.remove(hit);
            } else {
                missing.add(x);
            }
        }
        if (missing.isEmpty() && unmatched.isEmpty()) {
            return;
        }
        StringBuilder m = new StringBuilder("unordered results differ (" + e.size() + " expected, "
                + a.size() + " actual elements, ulps=" + ulps + ")");
        m.append("\n  expected but missing (").append(missing.size()).append("): ").append(show(missing));
        m.append("\n  unexpected (").append(unmatched.size()).append("): ").append(show(unmatched));
        if (!missing.isEmpty() && !unmatched.isEmpty()) {
            m.append("\n  first missing vs nearest unexpected: ")
                    .append(difference(missing.get(0), unmatched.get(0), ulps, "element"));
        }
        m.append("\n  expected (sorted): ").append(show(e)).append("\n  actual (sorted):   ").append(show(a));
        throw new AssertionError(m.toString());
    }

    /**
     * @return whether two results are equal within {@code ulps}, lists in order
     */
    public static boolean same(Object expected, Object actual, int ulps) {
        return difference(expected, actual, ulps, "") == null;
    }

    /**
     * The distance of two doubles in units in the last place: the number of doubles between
     * them, counting the two zeros as one value. NaN and infinities give {@code Long.MAX_VALUE}
     * unless both are the same.
     */
    public static long ulpDistance(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b) ? 0 : Long.MAX_VALUE;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return a == b ? 0 : Long.MAX_VALUE;
        }
        try {
            return Math.abs(Math.subtractExact(ordered(a), ordered(b)));
        } catch (ArithmeticException farApart) { // e.g. -MAX_VALUE vs MAX_VALUE
            return Long.MAX_VALUE;
        }
    }

    /** The distance of two floats in float ulps; see {@link #ulpDistance(double, double)}. */
    public static long ulpDistance(float a, float b) {
        if (Float.isNaN(a) || Float.isNaN(b)) {
            return Float.isNaN(a) && Float.isNaN(b) ? 0 : Long.MAX_VALUE;
        }
        if (Float.isInfinite(a) || Float.isInfinite(b)) {
            return a == b ? 0 : Long.MAX_VALUE;
        }
        return Math.abs((long) ordered(a) - (long) ordered(b));
    }

    private static long ordered(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits < 0 ? Long.MIN_VALUE - bits : bits;
    }

    private static int ordered(float x) {
        int bits = Float.floatToRawIntBits(x);
        return bits < 0 ? Integer.MIN_VALUE - bits : bits;
    }

    /** @return null when equal, else a description of the first difference under {@code path} */
    static String difference(Object e, Object a, int ulps, String path) {
        if (e == null || a == null) {
            return e == a ? null : path + ": expected " + show(e) + " but was " + show(a);
        }
        if (e.getClass() != a.getClass() && !(e instanceof List && a instanceof List)) {
            return path + ": expected a " + e.getClass().getName() + " " + show(e) + " but was a "
                    + a.getClass().getName() + " " + show(a);
        }
        if (e instanceof Double x) {
            return doubles(x, (Double) a, ulps, path);
        }
        if (e instanceof Float x) {
            float y = (Float) a;
            boolean ok = ulps == 0 ? Float.floatToIntBits(x) == Float.floatToIntBits(y) : ulpDistance(x, y) <= ulps;
            return ok ? null : path + ": expected " + x + " but was " + y + " (" + ulpText(ulpDistance(x, y))
                    + " float ulps apart, bound " + ulps + ")";
        }
        if (e instanceof List<?> el) {
            List<?> al = (List<?>) a;
            int n = Math.min(el.size(), al.size());
            for (int i = 0; i < n; i++) {
                String d = difference(el.get(i), al.get(i), ulps, path + "[" + i + "]");
                if (d != null) {
                    return "first difference at " + d;
                }
            }
            return el.size() == al.size() ? null : path + ": expected " + el.size() + " elements but was "
                    + al.size() + (el.size() > n ? "; first missing " + show(el.get(n)) : "; first extra "
                    + show(al.get(n)));
        }
        if (e instanceof Optional<?> eo) {
            Optional<?> ao = (Optional<?>) a;
            if (eo.isPresent() != ao.isPresent()) {
                return path + ": expected " + show(eo) + " but was " + show(ao);
            }
            return eo.isPresent() ? difference(eo.get(), ao.get(), ulps, path + ".get()") : null;
        }
        if (e.getClass().isRecord()) {
            for (RecordComponent rc : e.getClass().getRecordComponents()) {
                String d = difference(component(rc, e), component(rc, a), ulps, path + "." + rc.getName());
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return e.equals(a) ? null : path + ": expected " + show(e) + " but was " + show(a);
    }

    private static String doubles(double x, double y, int ulps, String path) {
        boolean ok = ulps == 0 ? Double.doubleToLongBits(x) == Double.doubleToLongBits(y) : ulpDistance(x, y) <= ulps;
        return ok ? null : path + ": expected " + x + " but was " + y + " (" + ulpText(ulpDistance(x, y))
                + " ulps apart, bound " + ulps + ")";
    }

    private static String ulpText(long d) {
        return d == Long.MAX_VALUE ? "infinitely many" : Long.toString(d);
    }

    static Object component(RecordComponent rc, Object record) {
        try {
            var m = rc.getAccessor();
            m.setAccessible(true);
            return m.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + rc + " of " + record, e);
        }
    }

    private static List<Object> sorted(List<?> xs) {
        List<Object> copy = new ArrayList<>(xs);
        copy.sort(CANONICAL);
        return copy;
    }

    /** A total order over result values: class name, then value (Double.compare for floats). */
    static final Comparator<Object> CANONICAL = Results::compareCanonical;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareCanonical(Object x, Object y) {
        if (x == null || y == null) {
            return x == y ? 0 : x == null ? -1 : 1;
        }
        if (x.getClass() != y.getClass()) {
            return x.getClass().getName().compareTo(y.getClass().getName());
        }
        if (x instanceof List<?> xl) {
            List<?> yl = (List<?>) y;
            for (int i = 0; i < Math.min(xl.size(), yl.size()); i++) {
                int c = compareCanonical(xl.get(i), yl.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(xl.size(), yl.size());
        }
        if (x instanceof Optional<?> xo) {
            Optional<?> yo = (Optional<?>) y;
            return xo.isPresent() && yo.isPresent() ? compareCanonical(xo.get(), yo.get())
                    : Boolean.compare(xo.isPresent(), yo.isPresent());
        }
        if (x.getClass().isRecord()) {
            for (RecordComponent rc : x.getClass().getRecordComponents()) {
                int c = compareCanonical(component(rc, x), component(rc, y));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        if (x instanceof Comparable c) {
            return c.compareTo(y); // Double.compareTo: -0.0 < 0.0 < ... < NaN, a total order
        }
        return Integer.compare(System.identityHashCode(x), System.identityHashCode(y));
    }

    /** A value for a failure message, long lists cut short. */
    static String show(Object v) {
        if (v instanceof List<?> l && l.size() > SHOWN) {
            return l.subList(0, SHOWN) + "... (" + l.size() + " elements)";
        }
        if (v instanceof String s) {
            return '"' + s + '"';
        }
        return String.valueOf(v);
    }
}
