package io.pappus.jvm.codegen;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Boxing at the edge of an opaque call: leaves to the Java object the user's lambda expects,
 * and its result back to leaves. Only opaque calls and partial results box.
 */
final class Boxing {
    private Boxing() {
    }

    /** @return Java source for the Java value of {@code t} made of {@code leaves} */
    static String toJava(KernelClass kernel, String name, Type t, List<String> leaves) {
        if (t instanceof Type.Prim p) {
            return javaBox(p.kind(), leaves.get(0));
        } else if (!(t instanceof Type.Struct)) {
            return leaves.get(0);
        }
        String edge = LambdaEmitter.edgeField(kernel, name, t);
        List<String> ir = new ArrayList<>();
        ColumnLayout layout = ColumnLayout.of(t);
        for (int k = 0; k < leaves.size(); k++) {
            ir.add(irBox(layout.leaves().get(k).type(), leaves.get(k)));
        }
        return edge + ".toJava(new Object[] {" + String.join(", ", ir) + "})";
    }

    /** @return the Java box of a primitive leaf, e.g. {@code Byte.valueOf((byte) x)} */
    static String javaBox(PrimKind k, String leaf) {
        return switch (k) {
            case BYTE, SHORT, CHAR -> JavaNames.box(k) + ".valueOf((" + k.javaName() + ") " + leaf + ")";
            default -> JavaNames.box(k) + ".valueOf(" + leaf + ")";
        };
    }

    /** @return the IR value of a leaf (sub-int kinds as {@code Integer}), as Java source */
    static String irBox(Type leafType, String leaf) {
        if (leafType instanceof Type.Prim p) {
            PrimKind k = p.kind().computational() == PrimKind.INT && p.kind() != PrimKind.BOOLEAN ? PrimKind.INT : p.kind();
            return JavaNames.box(k) + ".valueOf(" + leaf + ")";
        }
        return leaf;
    }

    /** @return Java source reading the IR value {@code box} (an Object) as a leaf of type t */
    static String irUnbox(Type leafType, String box) {
        if (leafType instanceof Type.Prim p) {
            return switch (p.kind()) {
                case BOOLEAN -> "((Boolean) " + box + ").booleanValue()";
                case BYTE, SHORT, CHAR, INT -> "((Integer) " + box + ").intValue()";
                default -> "((" + JavaNames.box(p.kind()) + ") " + box + ")." + p.kind().javaName() + "Value()";
            };
        }
        String jt = JavaNames.local(leafType);
        return jt.equals("Object") ? box : "((" + jt + ") " + box + ")";
    }

    /** Declares leaves holding the Java value {@code raw} of type {@code t}. */
    static List<String> fromJava(KernelClass kernel, String prefix, String raw, Type t, JavaWriter w) {
        if (t instanceof Type.Prim p) {
            String v = switch (p.kind()) {
                case BYTE -> "((Byte) " + raw + ").byteValue()";
                case SHORT -> "((Short) " + raw + ").shortValue()";
                case CHAR -> "((Character) " + raw + ").charValue()";
                default -> "((" + JavaNames.box(p.kind()) + ") " + raw + ")." + p.kind().javaName() + "Value()";
            };
            return List.of(declare(kernel, prefix + "out", t, v, w));
        } else if (!(t instanceof Type.Struct)) {
            String jt = JavaNames.local(t);
            return List.of(declare(kernel, prefix + "out", t, jt.equals("Object") ? raw : "(" + jt + ") " + raw, w));
        }
        String edge = LambdaEmitter.edgeField(kernel, prefix + "result", t);
        String arr = prefix + "leaves";
        kernel.local(arr, "Object[]");
        w.line("Object[] " + arr + " = " + edge + ".toLeaves(" + raw + ");");
        ColumnLayout layout = ColumnLayout.of(t);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < layout.leaves().size(); k++) {
            ColumnLayout.Leaf leaf = layout.leaves().get(k);
            out.add(declare(kernel, prefix + "out_" + leaf.name(), leaf.type(), irUnbox(leaf.type(), arr + "[" + k + "]"), w));
        }
        return out;
    }

    private static String declare(KernelClass kernel, String name, Type t, String init, JavaWriter w) {
        String jt = JavaNames.local(t);
        kernel.local(name, jt);
        w.line(jt + " " + name + " = " + init + ";");
        return name;
    }
}
