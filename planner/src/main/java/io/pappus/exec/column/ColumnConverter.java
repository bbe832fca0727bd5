package io.pappus.exec.column;

import io.pappus.api.query.Source;
import io.pappus.ir.Type;
import io.pappus.lift.IrValues;

import java.lang.reflect.Array;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Converts user objects to columns and back, once, at the edges of a fragment. Primitive array
 * sources become columns without copying; records are split into one array per leaf through
 * {@link IrValues}.
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
                return fromObjects((List<?>) s.data(), type);
        }
    }

    /**
     * @param values Java values of type {@code type}
     * @param type   their IR type
     * @return their columns
     */
    public static Columns fromObjects(List<?> values, Type type) {
        ColumnLayout layout = ColumnLayout.of(type);
        Columns c = Columns.allocate(layout, values.size());
        for (int i = 0; i < values.size(); i++) {
            Object ir = IrValues.toIr(values.get(i), type);
            for (int k = 0; k < c.leaves().length; k++) {
                Object leaf = leafValue(ir, layout.leaves().get(k).path());
                store(c.leaves()[k], i, leaf);
            }
        }
        return new Columns(layout, c.leaves(), values.size());
    }

    /**
     * @param c      columns
     * @param loader the loader that knows the user's record classes
     * @return the elements as Java values, in order, built on access
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
        int[] next = {0};
        return IrValues.toJava(nest(layout.type(), leaves, next), layout.type(), loader);
    }

    private static Object nest(Type t, Object[] leaves, int[] next) {
        if (t instanceof Type.Struct s) {
            Object[] fields = new Object[s.fields().size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = nest(s.fields().get(i).type(), leaves, next);
            }
            return fields;
        }
        return leaves[next[0]++];
    }

    private static Object leafValue(Object ir, int[] path) {
        Object v = ir;
        for (int p : path) {
            v = ((Object[]) v)[p];
        }
        return v;
    }

    private static void store(Object array, int i, Object v) {
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

    /** A read-only list view that builds each element from the columns on access. */
    private static final class ColumnList extends AbstractList<Object> implements RandomAccess {
        private final Columns c;
        private final ClassLoader loader;
        private final Object[] built;

        ColumnList(Columns c, ClassLoader loader) {
            this.c = c;
            this.loader = loader;
            this.built = new Object[c.size()];
            for (int i = 0; i < built.length; i++) {
                built[i] = element(c, i, loader);
            }
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
}
