package io.pappus.exec.column;

import io.pappus.ir.Type;
import io.pappus.lift.IrValues;
import io.pappus.lift.JavaTypes;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * A codec of typed method handles, built once per element type: one handle stores every leaf
 * of an element straight into its typed column (record accessors composed along the leaf's
 * path, unboxed only where the record component itself is boxed), one builds an element from
 * the columns through the canonical constructors. No IR value, no {@code Object[]} and no
 * reflection per element.
 */
final class HandleCodec implements RowCodec {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodHandle COLUMN = MethodHandles.arrayElementGetter(Object[].class);
    private final MethodHandle store;  // (Object[] cols, int i, Object value) void
    private final MethodHandle load;   // (Object[] cols, int i) Object

    private HandleCodec(MethodHandle store, MethodHandle load) {
        this.store = store;
        this.load = load;
    }

    /**
     * @param layout a layout
     * @param loader the loader that knows its record classes
     * @param reads  the leaves {@link #layout} stores (null for all)
     * @return its codec, or null when a leaf needs more than a typed copy (an array of records)
     */
    static HandleCodec of(ColumnLayout layout, ClassLoader loader, java.util.BitSet reads) {
        for (ColumnLayout.Leaf leaf : layout.leaves()) {
            if (leaf.type() instanceof Type.Array a && !(a.element() instanceof Type.Prim)) {
                return null;
            }
        }
        try {
            MethodHandle store = MethodHandles.empty(MethodType.methodType(void.class, Object[].class, int.class,
                    Object.class));
            for (int k = 0; k < layout.leaves().size(); k++) {
                if (reads != null && !reads.get(k)) {
                    continue;
                }
                store = MethodHandles.foldArguments(storeLeaf(layout, k, loader), store);
            }
            int[] next = {0};
            MethodHandle load = loader(layout.type(), javaClass(layout.type(), loader), next, loader)
                    .asType(MethodType.methodType(Object.class, Object[].class, int.class));
            return new HandleCodec(store, load);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read or build " + layout.type().show() + ": " + e, e);
        }
    }

    @Override
    public void layout(List<?> values, Object[] cols, int lo, int hi) {
        try {
            for (int i = lo; i < hi; i++) {
                store.invokeExact(cols, i, (Object) values.get(i));
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void build(Object[] cols, Object[] out, int lo, int hi) {
        try {
            for (int i = lo; i < hi; i++) {
                out[i] = (Object) load.invokeExact(cols, i);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return {@code (Object[] cols, int i, Object value) void} storing leaf {@code k} of value */
    private static MethodHandle storeLeaf(ColumnLayout layout, int k, ClassLoader loader)
            throws ReflectiveOperationException {
        ColumnLayout.Leaf leaf = layout.leaves().get(k);
        Class<?> array = leaf.arrayClass();
        MethodHandle get = MethodHandles.identity(Object.class);
        Type t = layout.type();
        for (int p : leaf.path()) {
            Type.Struct s = (Type.Struct) t;
            Class<?> cls = javaClass(s, loader);
            RecordComponent rc = cls.getRecordComponents()[p];
            Method m = rc.getAccessor();
            m.setAccessible(true);
            MethodHandle acc = LOOKUP.unreflect(m);
            get = MethodHandles.filterReturnValue(get.asType(get.type().changeReturnType(cls)), acc);
            t = s.fields().get(p).type();
        }
        get = get.asType(MethodType.methodType(array.getComponentType(), Object.class));
        MethodHandle set = MethodHandles.arrayElementSetter(array);
        set = MethodHandles.filterArguments(set, 0, column(k, array));
        return MethodHandles.filterArguments(set, 2, get);
    }

    /** @return {@code (Object[] cols, int i) declared}, the value of type {@code t} at element i */
    private static MethodHandle loader(Type t, Class<?> declared, int[] next, ClassLoader loader)
            throws ReflectiveOperationException {
        if (!(t instanceof Type.Struct s)) {
            int k = next[0]++;
            Class<?> array = ColumnLayout.arrayClass(t);
            MethodHandle get = MethodHandles.filterArguments(MethodHandles.arrayElementGetter(array), 0,
                    column(k, array));
            return get.asType(get.type().changeReturnType(declared));
        }
        Class<?> cls = javaClass(s, loader);
        RecordComponent[] rcs = cls.getRecordComponents();
        Class<?>[] types = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            types[i] = rcs[i].getType();
        }
        Constructor<?> ctor = cls.getDeclaredConstructor(types);
        ctor.setAccessible(true);
        MethodHandle make = LOOKUP.unreflectConstructor(ctor);
        MethodHandle[] parts = new MethodHandle[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            parts[i] = loader(s.fields().get(i).type(), types[i], next, loader);
        }
        for (int i = rcs.length - 1; i >= 0; i--) {
            make = MethodHandles.collectArguments(make, i, parts[i]);
        }
        int[] reorder = new int[2 * rcs.length];
        for (int i = 0; i < reorder.length; i++) {
            reorder[i] = i % 2;
        }
        MethodType two = MethodType.methodType(cls, Object[].class, int.class);
        return MethodHandles.permuteArguments(make, two, reorder).asType(two.changeReturnType(declared));
    }

    /** @return {@code (Object[] cols) array}, column {@code k} */
    private static MethodHandle column(int k, Class<?> array) {
        return MethodHandles.insertArguments(COLUMN, 1, k).asType(MethodType.methodType(array, Object[].class));
    }

    private static Class<?> javaClass(Type t, ClassLoader loader) {
        if (t instanceof Type.Struct s) {
            return IrValues.classFor(s.className(), loader);
        } else if (t instanceof Type.Prim p) {
            return JavaTypes.primitiveClass(p.kind());
        } else if (t instanceof Type.Str) {
            return String.class;
        }
        return Object.class;
    }
}
