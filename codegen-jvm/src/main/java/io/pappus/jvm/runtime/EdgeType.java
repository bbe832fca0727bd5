package io.pappus.jvm.runtime;

import io.pappus.exec.column.ColumnConverter;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.lift.IrValues;

/**
 * Converts one element between its Java object and its column leaves, for generated code at
 * an opaque call and for partial results. Generated classes reach it through {@code refs[]}.
 */
public final class EdgeType {
    private final ColumnLayout layout;

    /** @param layout the element's layout */
    public EdgeType(ColumnLayout layout) {
        this.layout = layout;
    }

    /**
     * @param irLeaves one IR value per leaf
     * @return the Java value (a record for a struct)
     */
    public Object toJava(Object[] irLeaves) {
        return ColumnConverter.fromLeaves(layout, irLeaves, loader());
    }

    /**
     * @param value a Java value of this type
     * @return its IR leaves
     */
    public Object[] toLeaves(Object value) {
        Object ir = IrValues.toIr(value, layout.type());
        Object[] out = new Object[layout.leaves().size()];
        for (int k = 0; k < out.length; k++) {
            Object v = ir;
            for (int p : layout.leaves().get(k).path()) {
                v = ((Object[]) v)[p];
            }
            out[k] = v;
        }
        return out;
    }

    /** @return the layout */
    public ColumnLayout layout() {
        return layout;
    }

    private static ClassLoader loader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : EdgeType.class.getClassLoader();
    }
}
