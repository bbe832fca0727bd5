package io.pappus.opencl.exec;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.exec.column.Columns;
import io.pappus.opencl.OclResult;

import java.util.ArrayList;
import java.util.List;

/** Host columns into the device's layout (booleans as bytes, once per run) and chunk outputs back into one set of columns. */
public final class DeviceColumns {
    private DeviceColumns() {
    }

    /**
     * @param in host columns
     * @return them as the device reads them: booleans as bytes, arrays exactly {@code size} long
     */
    public static List<Object> of(Columns in) {
        List<Object> cols = new ArrayList<>();
        for (Object leaf : in.leaves()) {
            if (leaf instanceof boolean[] bs) {
                byte[] b = new byte[in.size()];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) (bs[i] ? 1 : 0);
                }
                cols.add(b);
            } else {
                cols.add(trim(leaf, in.size()));
            }
        }
        return cols;
    }

    /** Columns may be longer than their size (capacity); the device wants exactly {@code n}. */
    private static Object trim(Object leaf, int n) {
        int len = java.lang.reflect.Array.getLength(leaf);
        if (len == n) {
            return leaf;
        }
        Object t = java.lang.reflect.Array.newInstance(leaf.getClass().getComponentType(), n);
        System.arraycopy(leaf, 0, t, 0, n);
        return t;
    }

    static Columns concat(ColumnLayout layout, List<OclResult> parts, int total) {
        if (parts.size() == 1) {
            return new Columns(layout, parts.get(0).columns().toArray(), total);
        }
        Columns c = Columns.allocate(layout, total);
        int at = 0;
        for (OclResult p : parts) {
            int n = (int) p.count();
            for (int k = 0; k < c.leaves().length; k++) {
                System.arraycopy(p.columns().get(k), 0, c.leaves()[k], at, n);
            }
            at += n;
        }
        return new Columns(layout, c.leaves(), total);
    }
}
