package io.pappus.cluster.shuffle;

import java.util.Arrays;
import java.util.Objects;

/**
 * An IR value as a hash key, equal as the Java values are {@code equals}: boxes compare as
 * {@code Double.equals} does (NaN equals NaN, -0.0 differs from 0.0), as records compare
 * their components; structs ({@code Object[]}) compare field by field. The hash is the same in
 * every JVM, so every member sends a key to the same target.
 *
 * @param value the IR value
 */
record IrKey(Object value) {

    @Override
    public boolean equals(Object o) {
        return o instanceof IrKey k && Objects.deepEquals(value, k.value);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(new Object[] {value});
    }

    /**
     * @param key     an IR value
     * @param targets how many target partitions
     * @return its target, in {@code [0, targets)}
     */
    static int target(Object key, int targets) {
        int h = new IrKey(key).hashCode() * 0x9E3779B9;  // spread neighbouring ints over the targets
        return Math.floorMod(h ^ (h >>> 16), targets);
    }
}
