package io.pappus.opencl.exec;

import io.pappus.api.query.CacheOp;
import io.pappus.api.query.DistinctOp;
import io.pappus.api.query.FilterOp;
import io.pappus.api.query.FlatMapOp;
import io.pappus.api.query.GroupOp;
import io.pappus.api.query.JoinOp;
import io.pappus.api.query.MapOp;
import io.pappus.api.query.Node;
import io.pappus.api.query.OrderByOp;
import io.pappus.api.query.Source;
import io.pappus.api.query.TakeOp;
import io.pappus.api.query.ZipOp;

import io.pappus.exec.column.ColumnConverter;
import io.pappus.exec.column.Columns;
import io.pappus.ir.Type;

import java.util.List;

/**
 * A query node with new inputs (its function objects kept), so that the part of a plan that
 * runs on the JVM can read what the device already computed, as an object source.
 */
final class Rebuild {
    private Rebuild() {
    }

    static Node withInputs(Node op, List<Node> in) {
        if (op instanceof Source) {
            return op;
        } else if (op instanceof MapOp m) {
            return new MapOp(in.get(0), m.fn());
        } else if (op instanceof FilterOp f) {
            return new FilterOp(in.get(0), f.pred());
        } else if (op instanceof FlatMapOp f) {
            return new FlatMapOp(in.get(0), f.fn());
        } else if (op instanceof GroupOp g) {
            return new GroupOp(in.get(0), g.key(), g.agg());
        } else if (op instanceof JoinOp j) {
            return new JoinOp(in.get(0), in.get(1), j.leftKey(), j.rightKey(), j.result());
        } else if (op instanceof ZipOp z) {
            return new ZipOp(in.get(0), in.get(1), z.fn());
        } else if (op instanceof OrderByOp o) {
            return new OrderByOp(in.get(0), o.key(), o.descending());
        } else if (op instanceof DistinctOp) {
            return new DistinctOp(in.get(0));
        } else if (op instanceof TakeOp t) {
            return new TakeOp(in.get(0), t.n());
        } else if (op instanceof CacheOp c) {
            return new CacheOp(in.get(0), c.slot());
        }
        throw new AssertionError(op);
    }

    /**
     * @param c computed columns
     * @return a source over them: a primitive one for a double, float, int or long column (the
     *         array is used as is), else an object source of the element class
     */
    static Source source(Columns c) {
        Type t = c.layout().type();
        Object leaf = c.leaves().length == 1 ? trimmed(c.leaves()[0], c.size()) : null;
        if (leaf instanceof double[] a && t.equals(Type.DOUBLE)) {
            return new Source(Source.Kind.DOUBLES, a, Double.class, a.length, 0);
        } else if (leaf instanceof float[] a && t.equals(Type.FLOAT)) {
            return new Source(Source.Kind.FLOATS, a, Float.class, a.length, 0);
        } else if (leaf instanceof int[] a && t.equals(Type.INT)) {
            return new Source(Source.Kind.INTS, a, Integer.class, a.length, 0);
        } else if (leaf instanceof long[] a && t.equals(Type.LONG)) {
            return new Source(Source.Kind.LONGS, a, Long.class, a.length, 0);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Object> elements = ColumnConverter.toObjects(c, loader);
        Class<?> cls = !elements.isEmpty() ? elements.get(0).getClass() : elementClass(t, loader);
        return new Source(Source.Kind.OBJECTS, List.copyOf(elements), cls, elements.size(), 0);
    }

    private static Object trimmed(Object leaf, int n) {
        if (java.lang.reflect.Array.getLength(leaf) == n) {
            return leaf;
        }
        Object t = java.lang.reflect.Array.newInstance(leaf.getClass().getComponentType(), n);
        System.arraycopy(leaf, 0, t, 0, n);
        return t;
    }

    private static Class<?> elementClass(Type t, ClassLoader loader) {
        if (t instanceof Type.Struct s) {
            try {
                return Class.forName(s.className(), false, loader);
            } catch (ClassNotFoundException e) {
                return Object.class;
            }
        } else if (t instanceof Type.Prim p) {
            return switch (p.kind()) {
                case BOOLEAN -> Boolean.class;
                case BYTE -> Byte.class;
                case SHORT -> Short.class;
                case CHAR -> Character.class;
                case INT -> Integer.class;
                case LONG -> Long.class;
                case FLOAT -> Float.class;
                case DOUBLE -> Double.class;
            };
        }
        return Object.class;
    }
}
