package io.pappus.opencl.aparapi;

import com.aparapi.Kernel;

/** Aparapi's explicit transfers are overloaded per array type (no {@code short[]}); this picks the overload for a column. */
final class Explicit {
    private Explicit() {
    }

    static void put(Kernel k, Object a) {
        if (a instanceof double[] d) {
            k.put(d);
        } else if (a instanceof float[] f) {
            k.put(f);
        } else if (a instanceof int[] i) {
            k.put(i);
        } else if (a instanceof long[] l) {
            k.put(l);
        } else if (a instanceof char[] c) {
            k.put(c);
        } else if (a instanceof byte[] b) {
            k.put(b);
        } else if (a instanceof boolean[] b) {
            k.put(b);
        } else {
            throw new IllegalArgumentException("no Aparapi transfer for " + a.getClass().getSimpleName());
        }
    }

    static void get(Kernel k, Object a) {
        if (a instanceof double[] d) {
            k.get(d);
        } else if (a instanceof float[] f) {
            k.get(f);
        } else if (a instanceof int[] i) {
            k.get(i);
        } else if (a instanceof long[] l) {
            k.get(l);
        } else if (a instanceof char[] c) {
            k.get(c);
        } else if (a instanceof byte[] b) {
            k.get(b);
        } else if (a instanceof boolean[] b) {
            k.get(b);
        } else {
            throw new IllegalArgumentException("no Aparapi transfer for " + a.getClass().getSimpleName());
        }
    }
}
