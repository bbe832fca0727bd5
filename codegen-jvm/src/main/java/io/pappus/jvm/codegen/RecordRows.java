package io.pappus.jvm.codegen;

import io.pappus.api.query.ArrayRows;
import io.pappus.api.query.Source;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.Type;
import io.pappus.jvm.runtime.Kernel;
import io.pappus.plan.fragment.Fragment;

import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a source's records in place: instead of laying the records out as columns first (a
 * pass over every record, and a write of every field to a new array), the generated loop takes
 * the source's array ({@code in[0]}, {@link ArrayRows}) and reads each element's fields through
 * its accessors, the loop a person writes over a {@code LineItem[]}:
 *
 * <pre>{@code
 * final io.pappus.samples.LineItem src_row = (io.pappus.samples.LineItem) in0[in0_base + i];
 * double src_quantity = src_row.quantity();
 * }</pre>
 *
 * <p>Only where that is exactly what the columns would hold: the fragment reads a source made by
 * {@code DataSet.from} (every element checked non-null and of one class) of a public record
 * whose components are primitives or Strings (no nested record or boxed component that could be
 * null), and generated code, compiled under the record's own class loader, can name it.
 * Otherwise the columns path serves.
 */
public final class RecordRows {
    private final Class<?> cls;
    private final List<String> accessors;

    private RecordRows(Class<?> cls, List<String> accessors) {
        this.cls = cls;
        this.accessors = accessors;
    }

    /**
     * @param f a fragment
     * @return how its loop reads its source's records in place, or null when it reads columns
     */
    public static RecordRows of(Fragment f) {
        if (!(f.input().op() instanceof Source s) || s.kind() != Source.Kind.OBJECTS || !(s.data() instanceof ArrayRows)
                || f.feeds().size() > 0) {
            return null;
        }
        return of(f.inputType(), s.elementType());
    }

    /**
     * @param f a fragment {@link #of} accepted
     * @return the kernel's input: the source's array and the offset of its first element
     */
    public static Object[] input(Fragment f) {
        ArrayRows rows = (ArrayRows) ((Source) f.input().op()).data();
        return new Object[] {rows.array(), rows.offset()};
    }

    /** @return the number of elements of a fragment {@link #of} accepted */
    public static int size(Fragment f) {
        return ((Source) f.input().op()).size();
    }

    /**
     * @param type the element type as planned
     * @param cls  the one class of the source's elements
     * @return the accessors, or null when the records are not read in place
     */
    static RecordRows of(Type type, Class<?> cls) {
        if (!(type instanceof Type.Struct st) || cls == null || !cls.isRecord() || !cls.getName().equals(st.className())
                || !nameable(cls) || !seesPappus(cls.getClassLoader())) {
            return null;
        }
        RecordComponent[] rcs = cls.getRecordComponents();
        ColumnLayout layout = ColumnLayout.of(type);
        if (rcs.length != st.fields().size() || layout.leaves().size() != rcs.length) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < rcs.length; k++) {
            Class<?> t = rcs[k].getType();
            if (!(t.isPrimitive() || t == String.class) || !Modifier.isPublic(rcs[k].getAccessor().getModifiers())) {
                return null;
            }
            out.add(rcs[k].getAccessor().getName());
        }
        return new RecordRows(cls, List.copyOf(out));
    }

    /** @return the record class */
    public Class<?> recordClass() {
        return cls;
    }

    /** @return the loader generated code must be compiled under to name the record */
    public ClassLoader loader() {
        return cls.getClassLoader();
    }

    /** @return what identifies this reading in a shape key (the class, so its loader too) */
    public Object key() {
        return cls;
    }

    /** Declares the source's array {@code name} and its offset {@code name_base}, from {@code in[slot..slot+1]}. */
    void declareList(JavaWriter w, String name, int slot) {
        w.line("final Object[] " + name + " = (Object[]) in[" + slot + "];");
        w.line("final int " + name + "_base = ((Integer) in[" + (slot + 1) + "]).intValue();");
    }

    /**
     * Reads element {@code index} of the list into the row local {@code prefix_row} and its
     * leaves into locals named as the columns path names them.
     *
     * @return the leaves' locals
     */
    List<String> element(KernelClass kernel, JavaWriter w, Type type, String list, String prefix, String index) {
        String name = cls.getCanonicalName();
        w.line("final " + name + " " + prefix + "_row = (" + name + ") " + list + "[" + list + "_base + " + index + "];");
        return ColumnReader.leaves(kernel, w, type, prefix, (k, jt) -> prefix + "_row." + accessors.get(k) + "()");
    }

    /** @return whether generated code can name {@code cls} (public, up its enclosing classes) */
    private static boolean nameable(Class<?> cls) {
        for (Class<?> c = cls; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass() || c.isHidden()) {
                return false;
            }
        }
        return true;
    }

    /** @return whether code compiled under {@code loader} links to this backend's own classes */
    private static boolean seesPappus(ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        try {
            return Class.forName(Kernel.class.getName(), false, loader) == Kernel.class;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
