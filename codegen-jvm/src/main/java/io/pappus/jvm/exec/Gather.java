package io.pappus.jvm.exec;

import io.pappus.exec.column.Columns;

/** Columns reordered or filtered by an index list: {@code out[j] = in[idx[j]]} per leaf. */
final class Gather {
    private Gather() {
    }

    static Columns of(Columns in, int[] idx, int n) {
        Object[] out = new Object[in.leaves().length];
        for (int k = 0; k < out.length; k++) {
            out[k] = leaf(in.leaves()[k], idx, n);
        }
        return new Columns(in.layout(), out, n);
    }

    private static Object leaf(Object a, int[] idx, int n) {
        if (a instanceof double[] d) {
            double[] o = new double[n];
            for (int j = 0; j < n; j++) {
                o[j] = d[idx[j]];
            }
            return o;
        } else if (a instanceof long[] l) {
            long[] o = new long[n];
            for (int j = 0; j < n; j++) {
                o[j] = l[idx[j]];
            }
            return o;
        } else if (a instanceof int[] v) {
            int[] o = new int[n];
            for (int j = 0; j < n; j++) {
                o[j] = v[idx[j]];
            }
            return o;
        }
        // the rarer kinds: reflection costs a little per element, not worth eight copies
        Object o = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), n);
        for (int j = 0; j < n; j++) {
            java.lang.reflect.Array.set(o, j, java.lang.reflect.Array.get(a, idx[j]));
        }
        return o;
    }
}
