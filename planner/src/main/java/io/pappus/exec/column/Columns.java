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
        return allocate(layout, capacity, null);
    }

    /**
     * @param layout   a layout
     * @param capacity the room to allocate
     * @param only     the leaves to allocate (the others stay null); null for all
     * @return empty columns with room for {@code capacity} elements
     */
    public static Columns allocate(ColumnLayout layout, int capacity, java.util.BitSet only) {
        Object[] arrays = new Object[layout.leaves().size()];
        for (int i = 0; i < arrays.length; i++) {
            if (only != null && !only.get(i)) {
                continue;
            }
            arrays[i] = Array.newInstance(layout.leaves().get(i).arrayClass().getComponentType(), capacity);
        }
        return new Columns(layout, arrays, 0);
    }

    /** @return the bytes the columns take (for explain and placement) */
    public long bytes() {
        long b = 0;
        for (int k = 0; k < leaves.length; k++) {
            ColumnLayout.Leaf l = layout.leaves().get(k);
            if (leaves[k] == null) {
                continue;  // not laid out (a projection)
            }
            b += (long) size * (l.type() instanceof io.pappus.ir.Type.Prim p ? p.kind().bytes() : 8);
        }
        return b;
    }
}
