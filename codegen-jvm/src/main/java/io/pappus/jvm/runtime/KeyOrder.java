package io.pappus.jvm.runtime;

/**
 * Primitive key columns as {@code long}s: {@link #equalityBits} for hashing with Java's
 * {@code equals} of the boxed key, {@link #sortBits} for ordering with its {@code compareTo}
 * ({@code Double.compare}: -0.0 before 0.0, NaN last), and a stable index sort over the latter.
 *
 * <pre>{@code
 * int[] order = KeyOrder.stableOrder(KeyOrder.sortBits(keyColumn, n), n, false);
 * }</pre>
 */
public final class KeyOrder {
    private KeyOrder() {
    }

    /**
     * @param column a primitive array
     * @param n      how many entries count
     * @return per entry, the bits {@code equals} of the boxed value compares
     */
    public static long[] equalityBits(Object column, int n) {
        long[] out = new long[n];
        if (column instanceof double[] d) {
            for (int i = 0; i < n; i++) {
                out[i] = Double.doubleToLongBits(d[i]);
            }
        } else if (column instanceof float[] f) {
            for (int i = 0; i < n; i++) {
                out[i] = Float.floatToIntBits(f[i]);
            }
        } else {
            return sortBits(column, n);  // integral kinds and booleans: the value is its identity
        }
        return out;
    }

    /**
     * @param column a primitive array
     * @param n      how many entries count
     * @return per entry, a {@code long} whose signed order is the boxed values' {@code compareTo}
     */
    public static long[] sortBits(Object column, int n) {
        long[] out = new long[n];
        if (column instanceof double[] d) {
            for (int i = 0; i < n; i++) {
                long b = Double.doubleToLongBits(d[i]);  // one NaN, sorting above +Infinity
                out[i] = b ^ ((b >> 63) & 0x7fffffffffffffffL);  // negatives: reverse magnitude order
            }
        } else if (column instanceof float[] f) {
            for (int i = 0; i < n; i++) {
                int b = Float.floatToIntBits(f[i]);
                out[i] = b ^ ((b >> 31) & 0x7fffffff);
            }
        } else if (column instanceof long[] l) {
            System.arraycopy(l, 0, out, 0, n);
        } else if (column instanceof int[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i];
            }
        } else if (column instanceof char[] c) {
            for (int i = 0; i < n; i++) {
                out[i] = c[i];
            }
        } else if (column instanceof short[] s) {
            for (int i = 0; i < n; i++) {
                out[i] = s[i];
            }
        } else if (column instanceof byte[] b) {
            for (int i = 0; i < n; i++) {
                out[i] = b[i];
            }
        } else if (column instanceof boolean[] z) {
            for (int i = 0; i < n; i++) {
                out[i] = z[i] ? 1L : 0L;
            }
        } else {
            throw new IllegalArgumentException("not a primitive column: " + column);
        }
        return out;
    }

    /**
     * A stable merge sort of indices: equal keys keep their input order in both directions.
     *
     * @param keys       sort bits, one per element
     * @param n          the number of elements
     * @param descending whether the largest key comes first
     * @return the element indices in sorted order
     */
    public static int[] stableOrder(long[] keys, int n, boolean descending) {
        return stableOrder(n, descending ? (a, b) -> Long.compare(keys[b], keys[a]) : (a, b) -> Long.compare(keys[a], keys[b]));
    }

    /**
     * The same for {@code Comparable} keys (Strings) with their {@code compareTo}.
     *
     * @param keys       the keys, one per element
     * @param n          the number of elements
     * @param descending whether the largest key comes first
     * @return the element indices in sorted order
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int[] stableOrder(Object[] keys, int n, boolean descending) {
        return stableOrder(n, descending ? (a, b) -> ((Comparable) keys[b]).compareTo(keys[a])
                : (a, b) -> ((Comparable) keys[a]).compareTo(keys[b]));
    }

    /** Compares two element indices by their keys. */
    private interface IndexOrder {
        int compare(int a, int b);
    }

    private static int[] stableOrder(int n, IndexOrder order) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                if (mid < hi && order.compare(a[mid - 1], a[mid]) <= 0) {
                    System.arraycopy(a, lo, b, lo, hi - lo);  // already in order
                    continue;
                }
                while (i < mid && j < hi) {
                    b[k++] = order.compare(a[j], a[i]) < 0 ? a[j++] : a[i++];  // ties take the left run
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
