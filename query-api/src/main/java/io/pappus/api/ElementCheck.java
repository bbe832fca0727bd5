package io.pappus.api;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Checks the elements handed to {@code DataSet.from}: non-null, one class, and a class Pappus
 * can lay out as columns (boxed primitives, String, records of those, nested records). A bad
 * element fails here, naming its index, instead of deep inside a later query.
 */
final class ElementCheck {
    private static final Set<Class<?>> SCALARS = Set.of(Boolean.class, Byte.class, Short.class,
            Character.class, Integer.class, Long.class, Float.class, Double.class, String.class);
    /** Record classes already checked, and whether their elements need a per-element walk. */
    private static final Map<Class<?>, Boolean> NEEDS_WALK = new ConcurrentHashMap<>();

    private ElementCheck() {
    }

    /** Element counts from which the check runs on several threads. */
    private static final int PARALLEL_FROM = 1 << 16;
    private static final int CHUNK = 1 << 15;

    /**
     * @param elements     the elements, already copied (random access)
     * @param declaredType the array's component type, or {@code Object} when unknown
     * @param what         the call, for messages, e.g. {@code DataSet.from(T[])}
     * @return the one class of every element
     * @throws RuntimeException the error of the first bad element, by index
     */
    static Class<?> check(List<?> elements, Class<?> declaredType, String what) {
        if (elements.isEmpty()) {
            if (declaredType != Object.class) {
                checkClass(declaredType, what);
            }
            return declaredType;
        }
        Object first = elements.get(0);
        if (first == null) {
            throw new NullPointerException(what + ": element 0 is null; Pappus data sets hold no nulls");
        }
        Class<?> cls = first.getClass();
        checkClass(cls, what + ": element 0");
        // An array of a final class (every record) holds only that class: the JVM checked each
        // store. Then only nulls remain to find, in the array itself, without touching the objects.
        boolean sameClass = cls == declaredType && Modifier.isFinal(cls.getModifiers());
        int n = elements.size();
        if (n < PARALLEL_FROM) {
            checkRange(elements, cls, sameClass, 0, n, what);
            return cls;
        }
        // chunks on the common pool and this thread; the lowest failing chunk holds the first bad element
        int chunks = (n + CHUNK - 1) / CHUNK;
        RuntimeException[] errors = new RuntimeException[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            try {
                checkRange(elements, cls, sameClass, c * CHUNK, Math.min(n, (c + 1) * CHUNK), what);
            } catch (RuntimeException e) {
                errors[c] = e;
            }
        });
        for (RuntimeException e : errors) {
            if (e != null) {
                throw e;
            }
        }
        return cls;
    }

    /** @param sameClass whether every non-null element is known to be a {@code cls} (nothing to walk then) */
    private static void checkRange(List<?> elements, Class<?> cls, boolean sameClass, int lo, int hi, String what) {
        boolean walk = NEEDS_WALK.getOrDefault(cls, false);
        for (int i = lo; i < hi; i++) {
            Object e = elements.get(i);
            if (e == null) {
                throw new NullPointerException(what + ": element " + i + " is null; Pappus data sets hold no nulls");
            }
            if (sameClass && !walk) {
                continue;
            }
            if (e.getClass() != cls) {
                throw new IllegalArgumentException(what + ": element " + i + " is a " + e.getClass().getName()
                        + " but element 0 is a " + cls.getName() + "; all elements must have one class");
            }
            if (walk) {
                walk(e, what, i, "");
            }
        }
    }

    private static void checkClass(Class<?> cls, String where) {
        if (SCALARS.contains(cls)) {
            return;
        }
        if (!cls.isRecord()) {
            throw unsupported(cls, where);
        }
        if (NEEDS_WALK.containsKey(cls)) {
            return;
        }
        boolean walk = false;
        for (RecordComponent rc : cls.getRecordComponents()) {
            Class<?> t = rc.getType();
            if (t.isPrimitive()) {
                continue;
            }
            walk = true;
            if (t.isRecord()) {
                checkClass(t, where + " component " + rc.getName());
            } else if (!SCALARS.contains(t) && !(rc.getGenericType() instanceof TypeVariable)) {
                throw new IllegalArgumentException(where + ": record " + cls.getName() + " has component "
                        + rc.getName() + " of type " + t.getName() + ", which Pappus cannot lay out as a column;"
                        + " supported components: primitives, boxed primitives, String, records of those,"
                        + " and type variables bound to those (as in Pair)");
            }
        }
        NEEDS_WALK.put(cls, walk);
    }

    /**
     * Checks every non-primitive component value of one record element, recursively. Messages are
     * built only on failure: this runs once per element of every {@code DataSet.from}.
     *
     * @param path the components above this value, e.g. {@code " component item"}; empty at the top
     */
    private static void walk(Object value, String what, int index, String path) {
        for (Part part : parts(value.getClass())) {
            Object v = part.read(value, what, index, path);
            if (v == null) {
                throw new NullPointerException(what + ": element " + index + path + " component " + part.name()
                        + " is null; Pappus data sets hold no nulls");
            }
            Class<?> c = v.getClass();
            if (!SCALARS.contains(c)) {
                String here = path + " component " + part.name();
                checkClass(c, what + ": element " + index + here);
                if (NEEDS_WALK.getOrDefault(c, false)) {
                    walk(v, what, index, here);
                }
            }
        }
    }

    /** The non-primitive components of each record class, read through method handles. */
    private static final Map<Class<?>, Part[]> PARTS = new ConcurrentHashMap<>();

    private static Part[] parts(Class<?> cls) {
        return PARTS.computeIfAbsent(cls, k -> {
            List<Part> out = new java.util.ArrayList<>();
            for (RecordComponent rc : k.getRecordComponents()) {
                if (!rc.getType().isPrimitive()) {
                    out.add(Part.of(k, rc));
                }
            }
            return out.toArray(new Part[0]);
        });
    }

    /** One non-primitive record component: its name and a getter of type {@code (Object) Object}. */
    private record Part(String name, MethodHandle get, Class<?> owner) {
        static Part of(Class<?> owner, RecordComponent rc) {
            try {
                var accessor = rc.getAccessor();
                accessor.setAccessible(true);
                MethodHandle h = MethodHandles.lookup().unreflect(accessor)
                        .asType(MethodType.methodType(Object.class, Object.class));
                return new Part(rc.getName(), h, owner);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new IllegalArgumentException("cannot read record component " + rc.getName() + " of "
                        + owner.getName() + ": " + e, e);
            }
        }

        Object read(Object record, String what, int index, String path) {
            try {
                return get.invokeExact(record);
            } catch (Throwable e) {
                throw new IllegalArgumentException(what + ": element " + index + path + ": record accessor " + name
                        + " of " + owner.getName() + " threw " + e, e);
            }
        }
    }

    private static IllegalArgumentException unsupported(Class<?> cls, String where) {
        return new IllegalArgumentException(where + " is a " + cls.getName()
                + ", which Pappus cannot lay out as columns; supported element types: boxed primitives, String,"
                + " and records of primitives, boxed primitives, String and nested records");
    }
}
