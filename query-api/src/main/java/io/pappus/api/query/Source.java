package io.pappus.api.query;

import java.util.List;
import java.util.Objects;

/**
 * The data a query starts from.
 *
 * @param kind        how the data is held
 * @param data        a {@code double[]}, {@code float[]}, {@code int[]} or {@code long[]}
 *                    (not copied: read when the query runs), an unmodifiable {@link List}
 *                    of checked non-null elements, or {@code null} for a range
 * @param elementType the Java class of every element (boxed for primitives); {@code Object}
 *                    for an empty collection whose class cannot be known
 * @param size        the number of elements
 * @param rangeStart  the first value of a range; 0 otherwise
 */
public record Source(Kind kind, Object data, Class<?> elementType, int size, int rangeStart) implements Node {

    /** How a source holds its elements. */
    public enum Kind { DOUBLES, FLOATS, INTS, LONGS, OBJECTS, RANGE }

    public Source {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(elementType);
    }

    @Override
    public List<Node> inputs() {
        return List.of();
    }

    @Override
    public String opName() {
        return "source";
    }

    /**
     * @param index an element index in {@code [0, size)}
     * @return that element as a Java value (boxed for primitive sources)
     */
    public Object element(int index) {
        Objects.checkIndex(index, size);
        return switch (kind) {
            case DOUBLES -> ((double[]) data)[index];
            case FLOATS -> ((float[]) data)[index];
            case INTS -> ((int[]) data)[index];
            case LONGS -> ((long[]) data)[index];
            case OBJECTS -> ((List<?>) data).get(index);
            case RANGE -> rangeStart + index;
        };
    }
}
