package io.pappus.jvm.runtime;

/**
 * An open-addressing index from a key's hash to a dense group id (0, 1, 2, ... in
 * first-insertion order) whose keys live elsewhere, as columns indexed by group id. Generated
 * group-by code hashes the key columns, walks the probe sequence and compares column by column
 * itself, so a composite key (a record, a {@code Pair}, a {@code String}, several primitives)
 * is hashed and compared without boxing and without a {@code HashMap<Object, ...>}.
 *
 * <pre>{@code
 * int s = index.start(h);
 * int g;
 * while ((g = index.at(s)) >= 0 && !(index.hash(g) == h && keys0[g] == k0)) {
 *     s = index.next(s);
 * }
 * if (g < 0) {
 *     g = index.add(s, h);   // a new group: store its key columns at g
 * }
 * }</pre>
 *
 * <p>A single int-like key in {@code [0, 65536)} (group codes, cluster indices) also gets a
 * direct-mapped shortcut: {@link #direct} answers a known key with one array read, and
 * {@link #remember} records a key after the probe found or added it.
 */
public final class GroupIndex {
    private int[] slots = new int[32];   // group id + 1; 0 marks an empty slot
    private int[] hashes = new int[16];  // per group
    private int mask = 31;
    private int size;
    private int[] direct = new int[0];   // small non-negative int keys: key -> group id + 1

    /** @return the number of groups */
    public int size() {
        return size;
    }

    /** @return the first slot of {@code h}'s probe sequence */
    public int start(int h) {
        return h & mask;
    }

    /** @return the group in slot {@code s}, or -1 when the slot is empty */
    public int at(int s) {
        return slots[s] - 1;
    }

    /** @return the slot after {@code s} in the probe sequence */
    public int next(int s) {
        return (s + 1) & mask;
    }

    /** @return the hash group {@code g} was added with */
    public int hash(int g) {
        return hashes[g];
    }

    /**
     * @param s the empty slot the probe ended at
     * @param h the new key's hash
     * @return the new group's id ({@code size() - 1})
     */
    public int add(int s, int h) {
        int g = size++;
        if (g == hashes.length) {
            hashes = java.util.Arrays.copyOf(hashes, 2 * g);
        }
        hashes[g] = h;
        slots[s] = g + 1;
        if (2 * size > slots.length) {
            grow();
        }
        return g;
    }

    /** The largest key + 1 that {@link #remember} maps directly. */
    public static final int DIRECT_LIMIT = 1 << 16;

    /**
     * @param key a single int-like key
     * @return its group, or -1 when the direct map does not know it (the caller then probes)
     */
    public int direct(int key) {
        return key >= 0 && key < direct.length ? direct[key] - 1 : -1;
    }

    /**
     * @param key a single int-like key
     * @param g   its group
     */
    public void remember(int key, int g) {
        if (key < 0 || key >= DIRECT_LIMIT) {
            return;
        }
        if (key >= direct.length) {
            direct = java.util.Arrays.copyOf(direct, Math.min(DIRECT_LIMIT, Math.max(64, Integer.highestOneBit(key) * 2)));
        }
        direct[key] = g + 1;
    }

    private void grow() {
        slots = new int[slots.length * 2];
        mask = slots.length - 1;
        for (int g = 0; g < size; g++) {
            int s = hashes[g] & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = g + 1;
        }
    }

    /**
     * A 64-bit finaliser (MurmurHash3's) folded to 32 bits: sequential ints and doubles' high
     * bits both spread.
     *
     * @param k a key's bits, or several keys' bits combined by {@link #combine}
     * @return the hash
     */
    public static int mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return (int) k;
    }

    /** @return {@code h} followed by one more key column's bits */
    public static long combine(long h, long bits) {
        return h * 0x9E3779B97F4A7C15L + bits;
    }

    /** @return a string key column's bits: its {@code hashCode}, 0 for null */
    public static long bits(Object s) {
        return s == null ? 0L : s.hashCode();
    }

    /** @return whether two string key columns are {@code equals} (null-safe, as records compare) */
    public static boolean same(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }
}
