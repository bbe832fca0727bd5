package io.pappus.opencl.exec;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.exec.column.Columns;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;
import io.pappus.opencl.OclResult;
import io.pappus.opencl.ResidentColumns;
import io.pappus.opencl.runtime.OclSession;

import java.util.ArrayList;
import java.util.List;

/**
 * Host columns into the device's layout (booleans as bytes, once per run) or into device
 * buffers ({@link ResidentColumns}), and chunk outputs or resident columns back into host
 * columns.
 */
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

    /**
     * @param session the device's session
     * @param in      host columns
     * @return a copy in device buffers, owned by the caller
     */
    static ResidentColumns upload(OclSession session, Columns in) {
        return ResidentColumns.upload(session, of(in), kinds(in.layout()), in.size());
    }

    /**
     * @param layout the columns' element type
     * @param d      columns on the device
     * @return a host copy
     */
    static Columns download(ColumnLayout layout, ResidentColumns d) {
        return new Columns(layout, d.download().toArray(), d.size());
    }

    /** @return each leaf's primitive kind */
    static List<PrimKind> kinds(ColumnLayout layout) {
        List<PrimKind> out = new ArrayList<>();
        for (ColumnLayout.Leaf l : layout.leaves()) {
            out.add(((Type.Prim) l.type()).kind());
        }
        return out;
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
