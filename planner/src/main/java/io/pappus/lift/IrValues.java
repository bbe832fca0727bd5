package io.pappus.lift;

import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts between user objects and IR values. IR values: {@code Boolean}; {@code Integer}
 * for byte, short, char and int; {@code Long}; {@code Float}; {@code Double}; {@code String};
 * {@code Object[]} of field values for a struct; for an array, a Java array of the element's
 * primitive class ({@code double[]}) or an {@code Object[]} of IR values.
 */
public final class IrValues {
    private static final Map<Class<?>, Method[]> ACCESSORS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, MethodHandle> CONSTRUCTORS = new ConcurrentHashMap<>();
    private static final Map<ClassKey, Class<?>> CLASSES = new ConcurrentHashMap<>();

    private IrValues() {
    }

    /**
     * @param value a Java value of type {@code t}
     * @param t     its IR type
     * @return the IR value
     */
    public static Object toIr(Object value, Type t) {
        if (t instanceof Type.Prim p) {
            return switch (p.kind()) {
                case BYTE, SHORT -> ((Number) value).intValue();
                case CHAR -> (int) (Character) value;
                default -> value;
            };
        }
        if (t instanceof Type.Struct s) {
            Method[] acc = accessors(value.getClass());
            Object[] fields = new Object[s.fields().size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = toIr(invoke(acc[i], value), s.fields().get(i).type());
            }
            return fields;
        }
        if (t instanceof Type.Array a) {
            if (a.element() instanceof Type.Prim) {
                return value;
            }
            int n = Array.getLength(value);
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) {
                out[i] = toIr(Array.get(value, i), a.element());
            }
            return out;
        }
        return value;
    }

    /**
     * @param value  an IR value of type {@code t}
     * @param t      its IR type
     * @param loader the loader that knows the user's record classes
     * @return the Java value (boxed for primitives, a record for a struct)
     */
    public static Object toJava(Object value, Type t, ClassLoader loader) {
        if (t instanceof Type.Prim p) {
            return switch (p.kind()) {
                case BYTE -> (byte) (int) (Integer) value;
                case SHORT -> (short) (int) (Integer) value;
                case CHAR -> (char) (int) (Integer) value;
                default -> value;
            };
        }
        if (t instanceof Type.Struct s) {
            Object[] fields = (Object[]) value;
            Object[] args = new Object[fields.length];
            for (int i = 0; i < args.length; i++) {
                args[i] = toJava(fields[i], s.fields().get(i).type(), loader);
            }
            return construct(classFor(s.className(), loader), args);
        }
        return value;
    }

    /**
     * @param name   a class name
     * @param loader where to look first
     * @return the class
     */
    public static Class<?> classFor(String name, ClassLoader loader) {
        ClassLoader l = loader != null ? loader : IrValues.class.getClassLoader();
        // Called once per output record at the edge: Class.forName there costs more than the record.
        return CLASSES.computeIfAbsent(new ClassKey(l, name), k -> {
            try {
                return Class.forName(k.name(), false, k.loader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("record class " + k.name() + " is not visible from " + k.loader(), e);
            }
        });
    }

    /** A class name as seen from one loader. */
    private record ClassKey(ClassLoader loader, String name) {
    }

    /**
     * @param rc     a record component
     * @param record a record
     * @return the component's value
     */
    static Object component(RecordComponent rc, Object record) {
        Method m = rc.getAccessor();
        m.setAccessible(true);
        return invoke(m, record);
    }

    /**
     * @param array an IR array or a column (a primitive array or {@code Object[]})
     * @param i     an index
     * @return the IR value stored there (sub-int kinds as {@code Integer})
     */
    public static Object arrayElement(Object array, int i) {
        // Typed branches, most common first: java.lang.reflect.Array is slow on per-element paths.
        if (array instanceof double[] a) {
            return a[i];
        } else if (array instanceof int[] a) {
            return a[i];
        } else if (array instanceof long[] a) {
            return a[i];
        } else if (array instanceof Object[] a) {
            return a[i];
        } else if (array instanceof float[] a) {
            return a[i];
        } else if (array instanceof boolean[] a) {
            return a[i];
        } else if (array instanceof byte[] a) {
            return (int) a[i];
        } else if (array instanceof short[] a) {
            return (int) a[i];
        } else if (array instanceof char[] a) {
            return (int) a[i];
        }
        throw new IllegalArgumentException("not an IR array: " + array);
    }

    /**
     * @param kind a primitive kind
     * @return its zero as an IR value
     */
    public static Object zero(PrimKind kind) {
        return switch (kind) {
            case BOOLEAN -> Boolean.FALSE;
            case LONG -> 0L;
            case FLOAT -> 0f;
            case DOUBLE -> 0d;
            default -> 0;
        };
    }

    private static Method[] accessors(Class<?> cls) {
        return ACCESSORS.computeIfAbsent(cls, c -> {
            RecordComponent[] rcs = c.getRecordComponents();
            Method[] out = new Method[rcs.length];
            for (int i = 0; i < rcs.length; i++) {
                out[i] = rcs[i].getAccessor();
                out[i].setAccessible(true);
            }
            return out;
        });
    }

    private static Object construct(Class<?> cls, Object[] args) {
        MethodHandle mh = CONSTRUCTORS.computeIfAbsent(cls, c -> {
            RecordComponent[] rcs = c.getRecordComponents();
            Class<?>[] types = new Class<?>[rcs.length];
            for (int i = 0; i < rcs.length; i++) {
                types[i] = rcs[i].getType();
            }
            try {
                var ctor = c.getDeclaredConstructor(types);
                ctor.setAccessible(true);
                return MethodHandles.lookup().unreflectConstructor(ctor)
                        .asType(MethodType.methodType(Object.class, types).generic()).asSpreader(Object[].class, types.length);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("no canonical constructor on record " + c.getName(), e);
            }
        });
        try {
            return mh.invoke(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("constructor of " + cls.getName() + " threw " + e, e);
        }
    }

    private static Object invoke(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + m, e);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(m + " threw " + c, c);
        }
    }
}
