package io.pappus.jvm.runtime;

/**
 * The rows of a key's columns (one per leaf of a primitive, String, record or {@code Pair}
 * key), hashed once and compared leaf by leaf with Java's {@code equals} of the boxed key:
 * primitives by their {@link KeyOrder#equalityBits}, Strings by {@code equals} (null-safe, as
 * records compare). Join build and probe sides and distinct use it through {@link RowTable}.
 */
public final class KeyRows {
    private final long[][] bits;     // per leaf: equality bits, or null for a String leaf
    private final Object[][] refs;   // per leaf: the String column, or null
    private final int[] hashes;
    private final int n;

    /**
     * @param leaves the key's columns: primitive arrays, {@code Object[]} of Strings
     * @param n      how many rows count
     */
    public KeyRows(Object[] leaves, int n) {
        this.n = n;
        bits = new long[leaves.length][];
        refs = new Object[leaves.length][];
        long[] h = new long[n];
        for (int k = 0; k < leaves.length; k++) {
            if (leaves[k] instanceof Object[] o) {
                refs[k] = o;
                for (int i = 0; i < n; i++) {
                    h[i] = GroupIndex.combine(h[i], GroupIndex.bits(o[i]));
                }
            } else {
                bits[k] = KeyOrder.equalityBits(leaves[k], n);
                for (int i = 0; i < n; i++) {
                    h[i] = GroupIndex.combine(h[i], bits[k][i]);
                }
            }
        }
        hashes = new int[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = GroupIndex.mix(h[i]);
        }
    }

    /** @return the number of rows */
    public int size() {
        return n;
    }

    /** @return row {@code i}'s hash */
    public int hash(int i) {
        return hashes[i];
    }

    /**
     * @param i     a row of this
     * @param other rows of a key of the same type
     * @param j     a row of {@code other}
     * @return whether the two keys are {@code equals}
     */
    public boolean same(int i, KeyRows other, int j) {
        if (hashes[i] != other.hashes[j]) {
            return false;
        }
        for (int k = 0; k < bits.length; k++) {
            if (bits[k] != null ? bits[k][i] != other.bits[k][j] : !GroupIndex.same(refs[k][i], other.refs[k][j])) {
                return false;
            }
        }
        return true;
    }
}
