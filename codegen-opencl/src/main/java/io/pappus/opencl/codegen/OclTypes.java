package io.pappus.opencl.codegen;

import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;

import java.util.ArrayList;
import java.util.List;

/** IR types as OpenCL C types; structs and arrays flattened to {@link Leaf}s. */
final class OclTypes {
    private OclTypes() {
    }

    /**
     * @param kind a primitive kind
     * @return the C type its values live in: sub-int kinds and boolean compute in {@code int}
     */
    static String cType(PrimKind kind) {
        return switch (kind) {
            case BOOLEAN, BYTE, SHORT, CHAR, INT -> "int";
            case LONG -> "long";
            case FLOAT -> "float";
            case DOUBLE -> "double";
        };
    }

    /**
     * @param kind a primitive kind
     * @return the C type of one element of a column or array of that kind
     */
    static String storageType(PrimKind kind) {
        return switch (kind) {
            case BOOLEAN -> "uchar";
            case BYTE -> "char";
            case INT -> "int";
            case LONG -> "long";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case SHORT -> "short";
            case CHAR -> "ushort";
        };
    }

    /**
     * @param t    an IR type
     * @param base the C name of the whole value
     * @return its leaves, in field order
     * @throws OclUnsupportedException for strings, objects and arrays of non-primitives
     */
    static List<Leaf> leaves(Type t, String base) {
        List<Leaf> out = new ArrayList<>();
        collect(t, base, out);
        return out;
    }

    private static void collect(Type t, String base, List<Leaf> out) {
        if (t instanceof Type.Prim p) {
            out.add(new Leaf(base, cType(p.kind()), p.kind(), false));
        } else if (t instanceof Type.Struct s) {
            for (Type.Field f : s.fields()) {
                collect(f.type(), base + "_" + OclNames.sanitize(f.name()), out);
            }
        } else if (t instanceof Type.Array a && a.element() instanceof Type.Prim p) {
            out.add(new Leaf(base, "__global const " + storageType(p.kind()) + "*", p.kind(), true));
            out.add(new Leaf(base + "_len", "int", PrimKind.INT, false));
        } else {
            throw new OclUnsupportedException("values of type " + t.show() + " cannot live on an OpenCL device");
        }
    }

    /**
     * @param leaves       a value's leaves
     * @param arrayProblem the reason given when one of them is an array
     * @return the leaves as columns: each with its storage type ({@link #storageType})
     * @throws OclUnsupportedException with {@code arrayProblem} when a leaf is an array
     */
    static List<Leaf> storage(List<Leaf> leaves, String arrayProblem) {
        List<Leaf> out = new ArrayList<>();
        for (Leaf l : leaves) {
            if (l.array()) {
                throw new OclUnsupportedException(arrayProblem);
            }
            out.add(new Leaf(l.name(), storageType(l.kind()), l.kind(), false));
        }
        return out;
    }

    /**
     * @param t an IR type
     * @return how many leaves it has
     */
    static int width(Type t) {
        return leaves(t, "x").size();
    }

    /**
     * @param s     a struct type
     * @param index a field index
     * @return the position of the field's first leaf among the struct's leaves
     */
    static int leafOffset(Type.Struct s, int index) {
        int off = 0;
        for (int i = 0; i < index; i++) {
            off += width(s.fields().get(i).type());
        }
        return off;
    }
}
