package io.pappus.cluster.remote;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;

/**
 * Whether a value is an IR value of a given type (see {@link io.pappus.lift.IrValues}): how a
 * member checks captured values, seeds and chunk columns before it runs anything on them.
 */
public final class IrValueCheck {
    private IrValueCheck() {
    }

    /**
     * @param v a value
     * @param t an IR type
     * @return whether {@code v} is an IR value of type {@code t}
     */
    public static boolean conforms(Object v, Type t) {
        if (v == null) {
            return false;
        }
        if (t instanceof Type.Prim p) {
            return boxOf(p.kind()).isInstance(v);
        } else if (t instanceof Type.Str) {
            return v instanceof String;
        } else if (t instanceof Type.Struct s) {
            if (!(v instanceof Object[] fields) || fields.length != s.fields().size()) {
                return false;
            }
            for (int i = 0; i < fields.length; i++) {
                if (!conforms(fields[i], s.fields().get(i).type())) {
                    return false;
                }
            }
            return true;
        } else if (t instanceof Type.Array a) {
            if (a.element() instanceof Type.Prim p) {
                return v.getClass() == primitiveArrayOf(p.kind());
            }
            return v instanceof Object[] xs && allConform(xs, a.element());
        }
        return false;  // Type.Obj: a Java object only the user's classes could read
    }

    /**
     * @param xs values
     * @param t  an IR type
     * @return whether every one is an IR value of type {@code t}
     */
    public static boolean allConform(Object[] xs, Type t) {
        for (Object x : xs) {
            if (!conforms(x, t)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param k a primitive kind
     * @return the class of its IR values
     */
    static Class<?> boxOf(PrimKind k) {
        return switch (k) {
            case BOOLEAN -> Boolean.class;
            case BYTE, SHORT, CHAR, INT -> Integer.class;
            case LONG -> Long.class;
            case FLOAT -> Float.class;
            case DOUBLE -> Double.class;
        };
    }

    /**
     * @param k a primitive kind
     * @return the Java array class that holds it (the same class a column of it has)
     */
    static Class<?> primitiveArrayOf(PrimKind k) {
        return ColumnLayout.arrayClass(Type.of(k));
    }
}
