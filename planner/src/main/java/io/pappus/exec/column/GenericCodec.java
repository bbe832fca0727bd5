package io.pappus.exec.column;

import io.pappus.lift.IrValues;

import java.util.List;

/**
 * The codec for any layout: each element goes through its IR value ({@link IrValues}), boxed.
 * It is the slow path, kept for types the typed codec cannot handle (arrays of records inside
 * records, records of mixed classes) and to produce the exact error a bad element gives.
 */
final class GenericCodec implements RowCodec {
    private final ColumnLayout layout;
    private final ClassLoader loader;

    GenericCodec(ColumnLayout layout, ClassLoader loader) {
        this.layout = layout;
        this.loader = loader;
    }

    @Override
    public void layout(List<?> values, Object[] cols, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            Object ir = IrValues.toIr(values.get(i), layout.type());
            for (int k = 0; k < cols.length; k++) {
                if (cols[k] == null) {
                    continue;  // a leaf the projection does not read
                }
                Object leaf = ir;
                for (int p : layout.leaves().get(k).path()) {
                    leaf = ((Object[]) leaf)[p];
                }
                ColumnConverter.store(cols[k], i, leaf);
            }
        }
    }

    @Override
    public void build(Object[] cols, Object[] out, int lo, int hi) {
        Object[] leaves = new Object[cols.length];
        for (int i = lo; i < hi; i++) {
            for (int k = 0; k < leaves.length; k++) {
                leaves[k] = ColumnConverter.load(cols[k], i);
            }
            out[i] = ColumnConverter.fromLeaves(layout, leaves, loader);
        }
    }
}
