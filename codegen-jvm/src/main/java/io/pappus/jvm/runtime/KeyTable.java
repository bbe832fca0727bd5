package io.pappus.jvm.runtime;

/**
 * An open-addressing hash table from a primitive key's bits to a dense id (0, 1, 2, ... in
 * first-insertion order), used by generated group-by, join and distinct code. Keys are the
 * bits Java's {@code equals} compares: {@code Double.doubleToLongBits} for doubles (so every
 * NaN is one key and -0.0 differs from 0.0), {@code Float.floatToIntBits} for floats, the
 * value itself for integral kinds and 0/1 for booleans.
 *
 * <pre>{@code
 * KeyTable t = new KeyTable();
 * int g = t.id(Double.doubleToLongBits(k));   // == t.size() - 1 when k is new
 * }</pre>
 */
public final class KeyTable {
    private long[] keys = new long[32];
    private int[] ids = new int[32];   // id + 1; 0 marks an empty slot
    private int size;

    /**
     * @param bits a key's bits
     * @return its id, assigning the next one when the key is new
     */
    public int id(long bits) {
        int mask = keys.length - 1;
        int s = mix(bits) & mask;
        while (ids[s] != 0) {
            if (keys[s] == bits) {
                return ids[s] - 1;
            }
            s = (s + 1) & mask;
        }
        keys[s] = bits;
        ids[s] = ++size;
        if (size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    /**
     * @param bits a key's bits
     * @return its id, or -1 when absent
     */
    public int find(long bits) {
        int mask = keys.length - 1;
        int s = mix(bits) & mask;
        while (ids[s] != 0) {
            if (keys[s] == bits) {
                return ids[s] - 1;
            }
            s = (s + 1) & mask;
        }
        return -1;
    }

    /** @return the number of distinct keys */
    public int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new long[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldIds[i] != 0) {
                int s = mix(oldKeys[i]) & mask;
                while (ids[s] != 0) {
                    s = (s + 1) & mask;
                }
                keys[s] = oldKeys[i];
                ids[s] = oldIds[i];
            }
        }
    }

    /** A 64-bit finaliser (MurmurHash3's): sequential ints and doubles' high bits both spread. */
    private static int mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return (int) k;
    }
}
