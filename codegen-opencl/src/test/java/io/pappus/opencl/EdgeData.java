package io.pappus.opencl;

import java.util.Random;

/** Edge values (NaN, infinities, -0.0, MIN/MAX, denormals) then seeded random values. */
public final class EdgeData {
    static final int[] INT_EDGES = {0, 1, -1, 2, -2, 7, -7, 31, 32, 33, 63, 64, Integer.MAX_VALUE, Integer.MIN_VALUE,
        Integer.MAX_VALUE - 1, Integer.MIN_VALUE + 1, 65535, 65536, 127, 128, -128, -129};
    static final long[] LONG_EDGES = {0, 1, -1, 2, -2, 7, -7, 31, 32, 63, 64, 65, Long.MAX_VALUE, Long.MIN_VALUE,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 40, -(1L << 53) - 1};
    static final double[] DOUBLE_EDGES = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1e300, -1e300, 2147483647.5, -2147483648.5,
        9.223372036854776E18, -9.3e18, 4503599627370495.5, Math.PI, -Math.E, 1e-310, 100.0, 0.1};
    static final float[] FLOAT_EDGES = {0f, -0f, 1f, -1f, 0.5f, -0.5f, 1.5f, 2.5f, -2.5f, 0.49999997f, Float.NaN,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE,
        -Float.MAX_VALUE, Float.MIN_NORMAL, 3e9f, -3e9f, 8388607.5f, 16777217f, 0.1f, 100f};

    private EdgeData() {
    }

    /** @return the edges, then {@code random} random ints */
    public static int[] ints(int random, long seed) {
        Random r = new Random(seed);
        int[] out = java.util.Arrays.copyOf(INT_EDGES, INT_EDGES.length + random);
        for (int i = INT_EDGES.length; i < out.length; i++) {
            out[i] = r.nextInt(4) == 0 ? r.nextInt(200) - 100 : r.nextInt();
        }
        return out;
    }

    /** @return the edges, then random longs */
    public static long[] longs(int random, long seed) {
        Random r = new Random(seed);
        long[] out = java.util.Arrays.copyOf(LONG_EDGES, LONG_EDGES.length + random);
        for (int i = LONG_EDGES.length; i < out.length; i++) {
            out[i] = r.nextInt(4) == 0 ? r.nextInt(200) - 100 : r.nextLong();
        }
        return out;
    }

    /** @return the edges, then random doubles of many magnitudes */
    public static double[] doubles(int random, long seed) {
        Random r = new Random(seed);
        double[] out = java.util.Arrays.copyOf(DOUBLE_EDGES, DOUBLE_EDGES.length + random);
        for (int i = DOUBLE_EDGES.length; i < out.length; i++) {
            out[i] = switch (r.nextInt(3)) {
                case 0 -> r.nextGaussian() * 10;
                case 1 -> Double.longBitsToDouble(r.nextLong());
                default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
            };
        }
        return out;
    }

    /** @return the edges, then random floats */
    public static float[] floats(int random, long seed) {
        Random r = new Random(seed);
        float[] out = java.util.Arrays.copyOf(FLOAT_EDGES, FLOAT_EDGES.length + random);
        for (int i = FLOAT_EDGES.length; i < out.length; i++) {
            out[i] = r.nextBoolean() ? (float) r.nextGaussian() * 100 : Float.intBitsToFloat(r.nextInt());
        }
        return out;
    }

    /** @return two columns holding every pair of {@code a}'s first {@code k} values, then aligned pairs */
    public static Object[] pairs(Object a, Object b, int k) {
        int n = java.lang.reflect.Array.getLength(a);
        int total = k * k + n;
        Object x = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), total);
        Object y = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), total);
        int o = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++, o++) {
                java.lang.reflect.Array.set(x, o, java.lang.reflect.Array.get(a, i));
                java.lang.reflect.Array.set(y, o, java.lang.reflect.Array.get(a, j));
            }
        }
        for (int i = 0; i < n; i++, o++) {
            java.lang.reflect.Array.set(x, o, java.lang.reflect.Array.get(a, i));
            java.lang.reflect.Array.set(y, o, java.lang.reflect.Array.get(b, i));
        }
        return new Object[] {x, y};
    }
}
