package io.pappus.jvm.codegen;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes elements of column arrays in generated breaker code (group-by, join): the
 * typed array locals for {@code in[k]}, an element's leaves at an index, and the Java text that
 * stores a leaf back (narrow kinds need a cast, since their locals are {@code int}).
 */
final class ColumnReader {
    private ColumnReader() {
    }

    /**
     * Declares {@code final T[] in<k> = (T[]) in[k];} for each leaf of {@code t}, from slot
     * {@code first}.
     *
     * @return the array locals' names
     */
    static List<String> arrays(JavaWriter w, Type t, int first) {
        List<String> out = new ArrayList<>();
        ColumnLayout l = ColumnLayout.of(t);
        for (int k = 0; k < l.leaves().size(); k++) {
            String arr = arrayType(l.leaves().get(k).type());
            String name = "in" + (first + k);
            w.line("final " + arr + " " + name + " = (" + arr + ") in[" + (first + k) + "];");
            out.add(name);
        }
        return out;
    }

    /**
     * Reads element {@code index} of an input into locals named {@code prefix + leaf}.
     *
     * @return the leaves
     */
    static List<String> element(KernelClass kernel, JavaWriter w, Type t, List<String> arrays, String prefix,
                                String index) {
        return leaves(kernel, w, t, prefix, (k, jt) -> (jt.equals("String") ? "(String) " : "") + arrays.get(k)
                + "[" + index + "]");
    }

    /**
     * Declares one local per leaf of {@code t}, named {@code prefix_leaf} ({@code prefix} alone
     * for a single leaf), each set to {@code read.apply(leaf index, its Java type)}.
     *
     * @return the locals
     */
    static List<String> leaves(KernelClass kernel, JavaWriter w, Type t, String prefix,
                               java.util.function.BiFunction<Integer, String, String> read) {
        ColumnLayout in = ColumnLayout.of(t);
        List<String> cur = new ArrayList<>();
        for (int k = 0; k < in.leaves().size(); k++) {
            ColumnLayout.Leaf leaf = in.leaves().get(k);
            String n = prefix + (in.leaves().size() == 1 ? "" : "_" + leaf.name());
            String jt = JavaNames.local(leaf.type());
            kernel.local(n, jt);
            w.line(jt + " " + n + " = " + read.apply(k, jt) + ";");
            cur.add(n);
        }
        return cur;
    }

    /** @return e.g. {@code double[]}, {@code Object[]} for strings and objects */
    static String arrayType(Type leaf) {
        return SinkWriter.componentName(leaf) + "[]";
    }

    /** @return the cast that stores a local of {@code leaf}'s Java type into its column */
    static String storeCast(Type leaf) {
        PrimKind pk = ExprEmitter.kind(leaf);
        boolean narrow = pk == PrimKind.BYTE || pk == PrimKind.SHORT || pk == PrimKind.CHAR;
        return narrow ? "(" + pk.javaName() + ") " : "";
    }

    /**
     * @param leaf  a primitive key type
     * @param local a local holding a key
     * @return the {@code long} bits Java's {@code equals} on the boxed key compares
     */
    static String equalityBits(Type leaf, String local) {
        PrimKind k = ExprEmitter.kind(leaf);
        if (k == null) {
            throw new Unsupported("key of type " + leaf + " is not primitive");
        }
        return switch (k) {
            case DOUBLE -> "Double.doubleToLongBits(" + local + ")";
            case FLOAT -> "(long) Float.floatToIntBits(" + local + ")";
            case BOOLEAN -> "(" + local + " ? 1L : 0L)";
            default -> "(long) " + local;
        };
    }
}
