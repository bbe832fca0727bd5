package io.pappus.exec.column;

/**
 * A service (found with {@code ServiceLoader}) that makes a faster {@link RowCodec} for an
 * element type than the planner's own method-handle codec, e.g. by generating and compiling a
 * loop over the record's accessors. The JVM backend provides one; without it the planner's
 * codec serves.
 */
public interface RowCodecFactory {

    /**
     * @param layout the element layout
     * @param loader the loader that knows its record classes
     * @return a codec, or null when this factory cannot make one for the type
     */
    default RowCodec codec(ColumnLayout layout, ClassLoader loader) {
        return codec(layout, loader, null);
    }

    /**
     * @param layout the element layout
     * @param loader the loader that knows its record classes
     * @param reads  the leaves whose columns {@link RowCodec#layout} fills (the others are null
     *               and are not read from the elements); null for all
     * @return a codec, or null when this factory cannot make one for the type
     */
    RowCodec codec(ColumnLayout layout, ClassLoader loader, java.util.BitSet reads);
}
