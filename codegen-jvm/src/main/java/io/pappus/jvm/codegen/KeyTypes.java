package io.pappus.jvm.codegen;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;

import java.util.List;

/**
 * Which key types the native breakers hash and compare column by column, and the Java text
 * for one key column's hash bits and equality. A key qualifies when Java's {@code equals} of
 * the boxed key is the conjunction of its leaves' {@code equals}: a primitive, a
 * {@code String}, or a record ({@code Pair} included) of such leaves that does not declare its
 * own {@code equals}. A double leaf compares by {@code doubleToLongBits} (as {@code Double.equals}
 * and records do: every NaN equal, -0.0 apart from 0.0).
 */
public final class KeyTypes {
    private KeyTypes() {
    }

    /**
     * @param key  a key type
     * @param what the key's role, for the message
     * @return why it is not hashed natively, or null when it is
     */
    public static String whyNot(Type key, String what) {
        if (key instanceof Type.Prim || key instanceof Type.Str) {
            return null;
        } else if (key instanceof Type.Struct s) {
            String own = ownEquals(s.className());
            if (own != null) {
                return what + " of type " + key.show() + ": " + own;
            }
            for (Type.Field f : s.fields()) {
                String why = whyNot(f.type(), what);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }
        return what + " of type " + key.show() + " is not a primitive, String or record of them";
    }

    /** @return why {@code className}'s equality is not component-wise, or null when it is */
    private static String ownEquals(String className) {
        Class<?> c;
        try {
            c = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            try {
                c = Class.forName(className, false, KeyTypes.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e2) {
                return "class " + className + " not found";
            }
        }
        if (!c.isRecord()) {
            return c.getName() + " is not a record";
        }
        return RecordEquals.implicit(c) ? null : c.getName() + " declares its own equals";
    }

    /** @return the key's leaves (one for a primitive or String) */
    static List<ColumnLayout.Leaf> leaves(Type key) {
        return ColumnLayout.of(key).leaves();
    }

    /**
     * @param leaf  a key leaf's type
     * @param local a local or array element holding it
     * @return a {@code long} expression: the bits its {@code equals} compares (a string's hash)
     */
    static String bits(Type leaf, String local) {
        if (leaf instanceof Type.Str) {
            return "io.pappus.jvm.runtime.GroupIndex.bits(" + local + ")";
        }
        return ColumnReader.equalityBits(leaf, local);
    }

    /** @return a {@code boolean} expression: whether {@code a} and {@code b} are {@code equals} */
    static String same(Type leaf, String a, String b) {
        if (leaf instanceof Type.Str) {
            return "io.pappus.jvm.runtime.GroupIndex.same(" + a + ", " + b + ")";
        }
        PrimKind k = ExprEmitter.kind(leaf);
        return switch (k) {
            case DOUBLE -> "Double.doubleToLongBits(" + a + ") == Double.doubleToLongBits(" + b + ")";
            case FLOAT -> "Float.floatToIntBits(" + a + ") == Float.floatToIntBits(" + b + ")";
            default -> a + " == " + b;
        };
    }

    /** @return an {@code int} expression: the hash of the key leaves {@code locals} */
    static String hash(List<ColumnLayout.Leaf> leaves, List<String> locals) {
        String h = bits(leaves.get(0).type(), locals.get(0));
        for (int j = 1; j < leaves.size(); j++) {
            h = "io.pappus.jvm.runtime.GroupIndex.combine(" + h + ", " + bits(leaves.get(j).type(), locals.get(j)) + ")";
        }
        return "io.pappus.jvm.runtime.GroupIndex.mix(" + h + ")";
    }
}
