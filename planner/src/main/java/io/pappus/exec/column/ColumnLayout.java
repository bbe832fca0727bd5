package io.pappus.exec.column;

import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * How values of one IR type are stored as columns: one array per leaf of the (possibly nested)
 * struct, in depth-first field order. A {@code Pair<Integer, Point{x,y}>} has three leaves:
 * {@code first} (int[]), {@code second.x} and {@code second.y} (double[]). Strings and opaque
 * objects are {@code Object[]} leaves.
 *
 * <pre>{@code
 * ColumnLayout l = ColumnLayout.of(pointType);   // l.leaves().get(1).name() == "y"
 * }</pre>
 *
 * @param type   the element type
 * @param leaves the leaves, depth first
 */
public record ColumnLayout(Type type, List<Leaf> leaves) {
    public ColumnLayout {
        leaves = List.copyOf(leaves);
    }

    /**
     * One primitive (or object) column.
     *
     * @param name a path such as {@code second_x}, usable in generated names
     * @param path field indices from the root struct
     * @param type the leaf's IR type: a {@link Type.Prim}, {@link Type.Str} or {@link Type.Obj}
     */
    public record Leaf(String name, int[] path, Type type) {
        /** @return the Java array class holding this leaf, e.g. {@code double[].class} */
        public Class<?> arrayClass() {
            return ColumnLayout.arrayClass(type);
        }
    }

    /**
     * @param type an element type
     * @return its layout
     */
    public static ColumnLayout of(Type type) {
        List<Leaf> out = new ArrayList<>();
        walk(type, "v", new int[0], out);
        return new ColumnLayout(type, out);
    }

    private static void walk(Type t, String name, int[] path, List<Leaf> out) {
        if (t instanceof Type.Struct s) {
            for (int i = 0; i < s.fields().size(); i++) {
                int[] p = java.util.Arrays.copyOf(path, path.length + 1);
                p[path.length] = i;
                walk(s.fields().get(i).type(), (path.length == 0 ? "" : name + "_") + s.fields().get(i).name(), p, out);
            }
        } else {
            out.add(new Leaf(name, path, t));
        }
    }

    /**
     * @param t a leaf type
     * @return the array class that stores it
     */
    public static Class<?> arrayClass(Type t) {
        if (t instanceof Type.Prim p) {
            return switch (p.kind()) {
                case BOOLEAN -> boolean[].class;
                case BYTE -> byte[].class;
                case SHORT -> short[].class;
                case CHAR -> char[].class;
                case INT -> int[].class;
                case LONG -> long[].class;
                case FLOAT -> float[].class;
                case DOUBLE -> double[].class;
            };
        }
        return Object[].class;
    }

    /** @return whether every leaf is a primitive (no object columns) */
    public boolean allPrimitive() {
        for (Leaf l : leaves) {
            if (!(l.type() instanceof Type.Prim)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param kind a primitive kind
     * @return whether a column of it is stored as-is (no widening on read)
     */
    static boolean exact(PrimKind kind) {
        return kind != PrimKind.BYTE && kind != PrimKind.SHORT && kind != PrimKind.CHAR;
    }
}
