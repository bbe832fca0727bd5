package io.pappus.jvm.runtime;

/**
 * The base of every generated fragment class. {@link #chunk} runs the fused pipeline over
 * elements {@code [lo, hi)} of the input columns and returns a partial result; {@link #merge}
 * combines two partials of a reduce or aggregate with the user's (compiled) function.
 */
public abstract class Kernel {

    /**
     * @param in the input columns, one array per leaf
     * @param lo the first element
     * @param hi one past the last element
     * @return the chunk's partial result (its shape depends on the sink)
     */
    public abstract Object chunk(Object[] in, int lo, int hi);

    /**
     * @param a the earlier partial
     * @param b the later partial
     * @return their combination, in the same shape
     */
    public Object[] merge(Object[] a, Object[] b) {
        throw new UnsupportedOperationException("this fragment's sink has no merge");
    }

    /**
     * Where generated code evaluates an expression only for the exception it may throw.
     *
     * @param v the value, dropped
     */
    public static void drop(Object v) {
    }

    /** @param v the value, dropped */
    public static void drop(double v) {
    }

    /** @param v the value, dropped */
    public static void drop(long v) {
    }

    /** @param v the value, dropped */
    public static void drop(int v) {
    }

    /** @param v the value, dropped */
    public static void drop(float v) {
    }

    /** @param v the value, dropped */
    public static void drop(boolean v) {
    }
}
