package io.pappus.jvm.codegen;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;
import io.pappus.lift.IrValues;

import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@code RowCodec} for one element type as Java source: {@code layout} is the loop a
 * person would write to copy records into typed arrays ({@code c0[i] = e.s();}), {@code build}
 * the loop that makes records back ({@code out[i] = new Price(c0[i], c1[i]);}). Only public
 * classes can be named from generated code, so a type with a non-public record (or a declared
 * component type that is not public) gets no source: the planner's method-handle codec serves.
 */
public final class CodecGenerator {
    private final ColumnLayout layout;
    private final ClassLoader loader;
    private final java.util.BitSet reads;
    private int next;

    private CodecGenerator(ColumnLayout layout, ClassLoader loader, java.util.BitSet reads) {
        this.layout = layout;
        this.loader = loader;
        this.reads = reads;
    }

    /**
     * @param layout    the element layout
     * @param loader    the loader that knows its record classes
     * @param className the simple name of the class to write
     * @param reads     the leaves {@code layout} fills (a projection: the other columns are null and
     *                  their accessors are not called); null for all
     * @return the source, or null when the type names a class generated code cannot reach
     */
    public static String source(ColumnLayout layout, ClassLoader loader, String className, java.util.BitSet reads) {
        try {
            return new CodecGenerator(layout, loader, reads).write(className);
        } catch (Unreachable e) {
            return null;
        }
    }

    private String write(String className) {
        JavaWriter w = new JavaWriter();
        w.line("/* Pappus row codec for " + layout.type().show() + (reads == null ? "" : ", leaves " + reads)
                + " (codegen-jvm, Janino) */");
        w.open("public final class " + className + " implements io.pappus.exec.column.RowCodec");
        w.open("public void layout(java.util.List values, Object[] cols, int lo, int hi)");
        columns(w);
        w.open("for (int i = lo; i < hi; i++)");
        Class<?> root = javaClass(layout.type(), Object.class);
        w.line("final " + name(root) + " e = " + cast(root, "values.get(i)") + ";");
        for (int k = 0; k < layout.leaves().size(); k++) {
            if (reads == null || reads.get(k)) {
                w.line("c" + k + "[i] = " + read(layout.leaves().get(k)) + ";");
            }
        }
        w.close().close();
        w.line("");
        w.open("public void build(Object[] cols, Object[] out, int lo, int hi)");
        columns(w);
        w.open("for (int i = lo; i < hi; i++)");
        next = 0;
        w.line("out[i] = " + make(layout.type(), Object.class) + ";");
        w.close().close();
        w.close();
        return w.toString();
    }

    private void columns(JavaWriter w) {
        for (int k = 0; k < layout.leaves().size(); k++) {
            String arr = name(layout.leaves().get(k).arrayClass());
            w.line("final " + arr + " c" + k + " = (" + arr + ") cols[" + k + "];");
        }
    }

    /** @return the expression reading a leaf from {@code e}, of the leaf column's component type */
    private String read(ColumnLayout.Leaf leaf) {
        String x = "e";
        Type t = layout.type();
        Class<?> declared = javaClass(t, Object.class);
        for (int p : leaf.path()) {
            Type.Struct s = (Type.Struct) t;
            Class<?> cls = javaClass(s, Object.class);
            RecordComponent rc = cls.getRecordComponents()[p];
            x = (declared == cls ? x : "(" + cast(cls, x) + ")") + "." + rc.getName() + "()";
            declared = rc.getType();
            t = s.fields().get(p).type();
        }
        if (t instanceof Type.Prim pt) {
            return unbox(pt.kind(), declared, x);
        }
        return x;
    }

    /** @return the expression making the value of type {@code t} from the columns at {@code i} */
    private String make(Type t, Class<?> declared) {
        if (t instanceof Type.Struct s) {
            Class<?> cls = javaClass(s, Object.class);
            RecordComponent[] rcs = cls.getRecordComponents();
            List<String> args = new ArrayList<>();
            for (int i = 0; i < rcs.length; i++) {
                args.add(make(s.fields().get(i).type(), rcs[i].getType()));
            }
            return "new " + name(cls) + "(" + String.join(", ", args) + ")";
        }
        String x = "c" + next++ + "[i]";
        if (t instanceof Type.Prim p) {
            return declared.isPrimitive() ? x : JavaNames.box(p.kind()) + ".valueOf(" + x + ")";
        }
        return declared == Object.class ? x : cast(declared, x);
    }

    private static String unbox(PrimKind k, Class<?> declared, String x) {
        if (declared.isPrimitive()) {
            return x;
        }
        return "((" + JavaNames.box(k) + ") " + x + ")." + k.javaName() + "Value()";
    }

    private String cast(Class<?> cls, String x) {
        return cls == Object.class ? x : "(" + name(cls) + ") " + x;
    }

    private Class<?> javaClass(Type t, Class<?> otherwise) {
        return t instanceof Type.Struct s ? IrValues.classFor(s.className(), loader) : otherwise;
    }

    /** @return the class's name in source; throws {@link Unreachable} if it is not public */
    private static String name(Class<?> cls) {
        if (cls.isArray()) {
            return name(cls.getComponentType()) + "[]";
        }
        if (cls.isPrimitive()) {
            return cls.getName();
        }
        for (Class<?> c = cls; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
                throw new Unreachable();
            }
        }
        return cls.getCanonicalName();
    }

    /** A class generated code cannot name. */
    private static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable() {
            super(null, null, false, false);
        }
    }
}
