package io.pappus.exec.column;

import java.lang.reflect.Array;

/**
 * A data set held column-wise (struct of arrays): one array per leaf of its {@link ColumnLayout}.
 * Arrays may be longer than {@code size}; only the first {@code size} entries count. A
 * {@code double[]} source is wrapped, not copied.
 *
 * @param layout the element type and its leaves
 * @param leaves one array per leaf, of the leaf's array class
 * @param size   the number of elements
 */
public record Columns(ColumnLayout layout, Object[] leaves, int size) {

    /**
     * @param layout a layout
     * @param capacity the room to allocate
     * @return empty columns with room for {@code capacity} elements
     */
    public static Columns allocate(ColumnLayout layout, int capacity) {
        Object[] arrays = new Object[layout.leaves().size()];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = Array.newInstance(layout.leaves().get(i).arrayClass().getComponentType(), capacity);
        }
        return new Columns(layout, arrays, 0);
    }

    /** @return the bytes the columns take (for explain and placement) */
    public long bytes() {
        long b = 0;
        for (ColumnLayout.Leaf l : layout.leaves()) {
            b += (long) size * (l.type() instanceof io.pappus.ir.Type.Prim p ? p.kind().bytes() : 8);
        }
        return b;
    }
}
