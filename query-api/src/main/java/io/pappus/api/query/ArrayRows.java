package io.pappus.api.query;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The elements of an object source: a read-only list over a range of an array that
 * {@code DataSet.from} copied and checked. Backends read the array itself ({@link #array},
 * {@link #offset}) rather than calling {@code get} per element, a call whose JDK implementation
 * every list in the process shares, so its profile (and the JIT's inlining) would depend on
 * what else ran before.
 *
 * <pre>{@code
 * ArrayRows rows = new ArrayRows(new Object[] {a, b, c});
 * ArrayRows tail = rows.subList(1, 3);   // b, c: same array, offset 1
 * }</pre>
 */
public final class ArrayRows extends AbstractList<Object> implements RandomAccess, Serializable {
    private static final long serialVersionUID = 1L;
    private final Object[] array;
    private final int offset;
    private final int size;

    /** @param array the elements, owned by this list from now on (never changed) */
    public ArrayRows(Object[] array) {
        this(array, 0, array.length);
    }

    private ArrayRows(Object[] array, int offset, int size) {
        this.array = Objects.requireNonNull(array, "array");
        this.offset = offset;
        this.size = size;
    }

    @Override
    public Object get(int index) {
        Objects.checkIndex(index, size);
        return array[offset + index];
    }

    @Override
    public int size() {
        return size;
    }

    /** @return a view of {@code [from, to)}, over the same array */
    @Override
    public ArrayRows subList(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new ArrayRows(array, offset + from, to - from);
    }

    /** @return the backing array: element {@code i} is at {@code offset() + i}; read it, never write */
    public Object[] array() {
        return array;
    }

    /** @return where element 0 is in {@link #array} */
    public int offset() {
        return offset;
    }
}
