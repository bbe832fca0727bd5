package io.pappus.cluster.remote;

import io.pappus.ir.Type;

import java.io.Serializable;
import java.lang.reflect.Array;

/**
 * One partition of a source, columnar: a primitive array for {@code double int long float}
 * elements, otherwise an {@code Object[]} of IR values (structs as {@code Object[]} of their
 * fields), so a member needs none of the user's classes to read it.
 *
 * @param type   the IR type of each element
 * @param column a {@code double[]}, {@code float[]}, {@code int[]}, {@code long[]} or {@code Object[]}
 */
public record Chunk(Type type, Object column) implements Serializable {

    /** @return the number of elements */
    public int size() {
        return Array.getLength(column);
    }

    /**
     * @param i an index in {@code [0, size)}
     * @return that element as an IR value (boxed for primitives)
     */
    public Object get(int i) {
        return Array.get(column, i);
    }
}
