package io.pappus.samples;

/**
 * Random numbers a lambda can compute from an element's index: a counter-based generator
 * (SplitMix64's finaliser over {@code index} and {@code stream}). Unlike {@code java.util.Random}
 * it holds no state, so every element gets the same number on any engine, in any order, on any
 * device.
 *
 * <pre>{@code
 * long inside = DataSet.range(0, n).filter(i -> CounterHash.unit(i, 1) < 0.5).count();
 * }</pre>
 */
final class CounterHash {
    private CounterHash() {
    }

    /**
     * @param index  the element's index
     * @param stream which of several independent sequences, e.g. 1 for x and 2 for y
     * @return a number in [0, 1), uniformly distributed over indices
     */
    static double unit(int index, int stream) {
        long z = index * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
