package io.pappus.exec.column;

import io.pappus.api.query.Source;
import io.pappus.ir.Type;
import io.pappus.lift.IrValues;

import java.lang.reflect.Array;
import java.util.function.BiFunction;
import java.util.AbstractList;
import java.util.BitSet;
import java.util.List;
import java.util.RandomAccess;


/**
 * Converts user objects to columns and back, once, at the edges of a fragment. Primitive array
 * sources become columns without copying; records are split into one typed array per leaf, and
 * built back, by a {@link RowCodec} per element type (compiled accessors, no boxing per element),
 * in parallel over chunks on the engines' {@link EdgePool}.
 */
public final class ColumnConverter {
    private ColumnConverter() {
    }

    /**
     * @param s    a source
     * @param type its element type as planned
     * @return its columns; the source's own array when it is a primitive array
     */
    public static Columns fromSource(Source s, Type type) {
        return fromSource(s, type, null);
    }

    /**
     * @param s     a source
     * @param type  its element type as planned
     * @param reads the leaves the consumer reads: only their columns are laid out from objects,
     *              the others are null (a projection); null for all
     * @return its columns; the source's own array when it is a primitive array
     */
    public static Columns fromSource(Source s, Type type, BitSet reads) {
        ColumnLayout layout = ColumnLayout.of(type);
        switch (s.kind()) {
            case DOUBLES, FLOATS, INTS, LONGS:
                return new Columns(layout, new Object[] {s.data()}, s.size());
            case RANGE: {
                int[] xs = new int[s.size()];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = s.rangeStart() + i;
                }
                return new Columns(layout, new Object[] {xs}, xs.length);
            }
            default:
                return fromObjects((List<?>) s.data(), type, reads);
        }
    }

    /**
     * @param values Java values of type {@code type}
     * @param type   their IR type
     * @return their columns
     */
    public static Columns fromObjects(List<?> values, Type type) {
        return fromObjects(values, type, null);
    }

    private static Columns fromObjects(List<?> values, Type type, BitSet reads) {
        ColumnLayout layout = ColumnLayout.of(type);
        int n = values.size();
        if (reads != null && reads.cardinality() == layout.leaves().size()) {
            reads = null;
        }
        Columns c = Columns.allocate(layout, n, reads);
        List<?> xs = values instanceof RandomAccess ? values : new java.util.ArrayList<>(values);
        RowCodec codec = RowCodecs.of(layout, loaderOf(xs, type), n, reads);
        EdgePool.forRanges(n, (lo, hi) -> codec.layout(xs, c.leaves(), lo, hi));
        return new Columns(layout, c.leaves(), n);
    }

    /**
     * @param c      columns
     * @param loader the loader that knows the user's record classes
     * @return the elements as Java values, in order, built now in parallel (a read-only list)
     */
    public static List<Object> toObjects(Columns c, ClassLoader loader) {
        return new ColumnList(c, loader);
    }

    /**
     * @param c      columns
     * @param index  an element index
     * @param loader the loader that knows the user's record classes
     * @return that element as a Java value
     */
    public static Object element(Columns c, int index, ClassLoader loader) {
        Object[] leaves = new Object[c.leaves().length];
        for (int k = 0; k < leaves.length; k++) {
            leaves[k] = load(c.leaves()[k], index);
        }
        return fromLeaves(c.layout(), leaves, loader);
    }

    /**
     * @param layout a layout
     * @param leaves one IR value per leaf
     * @param loader the loader that knows the user's record classes
     * @return the Java value they make up
     */
    public static Object fromLeaves(ColumnLayout layout, Object[] leaves, ClassLoader loader) {
        return IrValues.toJava(nest(layout.type(), leaves, 0, (v, t) -> v), layout.type(), loader);
    }

    /**
     * @param t      an element type
     * @param leaves leaf values, the element's starting at {@code from}, in layout order
     * @param from   the index of its first leaf
     * @param leaf   what to make of each leaf value, given its type
     * @return the IR value they make up: nested {@code Object[]} for structs
     */
    public static Object nest(Type t, Object[] leaves, int from, BiFunction<Object, Type, Object> leaf) {
        return nest(t, leaves, new int[] {from}, leaf);
    }

    private static Object nest(Type t, Object[] leaves, int[] next, BiFunction<Object, Type, Object> leaf) {
        if (t instanceof Type.Struct s) {
            Object[] fields = new Object[s.fields().size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = nest(s.fields().get(i).type(), leaves, next, leaf);
            }
            return fields;
        }
        return leaf.apply(leaves[next[0]++], t);
    }

    /**
     * Stores an IR leaf value into a column: sub-int kinds arrive as Integer, booleans as Boolean or Integer.
     *
     * @param array a column
     * @param i     an index
     * @param v     the value
     */
    public static void store(Object array, int i, Object v) {
        if (array instanceof boolean[] a) {
            a[i] = v instanceof Boolean b ? b : ((Integer) v) != 0;
        } else if (array instanceof byte[] a) {
            a[i] = (byte) (int) (Integer) v;
        } else if (array instanceof short[] a) {
            a[i] = (short) (int) (Integer) v;
        } else if (array instanceof char[] a) {
            a[i] = (char) (int) (Integer) v;
        } else if (array instanceof double[] a) {
            a[i] = (Double) v;
        } else if (array instanceof int[] a) {
            a[i] = (Integer) v;
        } else if (array instanceof long[] a) {
            a[i] = (Long) v;
        } else if (array instanceof float[] a) {
            a[i] = (Float) v;
        } else if (array instanceof Object[] a) {
            a[i] = v;
        } else {
            Array.set(array, i, v);
        }
    }

    /**
     * @param array a column
     * @param i     an index
     * @return the IR value stored there (sub-int kinds as {@code Integer})
     */
    public static Object load(Object array, int i) {
        return IrValues.arrayElement(array, i);
    }

    /** A read-only list over elements built once, in parallel, when it is made. */
    private static final class ColumnList extends AbstractList<Object> implements RandomAccess {
        private final Object[] built;

        ColumnList(Columns c, ClassLoader loader) {
            this.built = new Object[c.size()];
            RowCodec codec = RowCodecs.of(c.layout(), loader, built.length);
            EdgePool.forRanges(built.length, (lo, hi) -> codec.build(c.leaves(), built, lo, hi));
        }

        @Override
        public Object get(int index) {
            return built[index];
        }

        @Override
        public int size() {
            return built.length;
        }
    }

    /** @return the loader of the elements' record class, where there is one to ask */
    private static ClassLoader loaderOf(List<?> xs, Type type) {
        if (type instanceof Type.Struct && !xs.isEmpty() && xs.get(0) != null) {
            ClassLoader l = xs.get(0).getClass().getClassLoader();
            if (l != null) {
                return l;
            }
        }
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : ColumnConverter.class.getClassLoader();
    }
}
