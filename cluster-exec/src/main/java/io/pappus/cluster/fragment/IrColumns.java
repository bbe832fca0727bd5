package io.pappus.cluster.fragment;

import io.pappus.cluster.remote.Chunk;
import io.pappus.exec.column.ColumnConverter;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;

import java.lang.reflect.Array;

/**
 * Converts between a chunk's IR values and the primitive columns generated kernels read and
 * write: a primitive chunk is its own column; {@code Object[]} chunks are split into one
 * array per leaf of the element type, and columns are put back together into IR values
 * (sub-int kinds as {@code Integer}, structs as {@code Object[]}).
 */
public final class IrColumns {
    private IrColumns() {
    }

    /** @return the chunk as kernel input: one array per leaf of its type */
    public static Object[] leaves(Chunk chunk) {
        Object column = chunk.column();
        if (!(column instanceof Object[] values)) {
            return new Object[] {column};  // double[], int[], long[] or float[]: already a column
        }
        ColumnLayout layout = ColumnLayout.of(chunk.type());
        Object[] out = new Object[layout.leaves().size()];
        for (int k = 0; k < out.length; k++) {
            ColumnLayout.Leaf leaf = layout.leaves().get(k);
            Object array = Array.newInstance(leaf.arrayClass().getComponentType(), values.length);
            for (int i = 0; i < values.length; i++) {
                ColumnConverter.store(array, i, at(values[i], leaf.path()));
            }
            out[k] = array;
        }
        return out;
    }

    /**
     * @param type   the element type
     * @param leaves one column per leaf
     * @param n      how many elements
     * @return the elements as IR values
     */
    public static Object[] values(Type type, Object[] leaves, int n) {
        ColumnLayout layout = ColumnLayout.of(type);
        Object[] out = new Object[n];
        Object[] one = new Object[leaves.length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < leaves.length; k++) {
                one[k] = ColumnConverter.load(leaves[k], i);
            }
            out[i] = value(layout, one, 0);
        }
        return out;
    }

    /**
     * @param layout the element's layout
     * @param leaves its leaf values, starting at {@code from}
     * @param from   the first leaf's index in {@code leaves}
     * @return the IR value they make up
     */
    public static Object value(ColumnLayout layout, Object[] leaves, int from) {
        return ColumnConverter.nest(layout.type(), leaves, from, IrColumns::normal);
    }

    /** @return {@code v} as an IR value of type {@code t}: sub-int kinds (a kernel may box a char) as Integer */
    public static Object normal(Object v, Type t) {
        if (t instanceof Type.Prim p && (p.kind() == PrimKind.BYTE || p.kind() == PrimKind.SHORT
                || p.kind() == PrimKind.CHAR)) {
            return v instanceof Character c ? (int) c : ((Number) v).intValue();
        }
        return v;
    }

    private static Object at(Object value, int[] path) {
        Object v = value;
        for (int p : path) {
            v = ((Object[]) v)[p];
        }
        return v;
    }
}
