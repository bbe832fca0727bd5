package io.pappus.lift;

import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IR types of Java classes and values, at the edge between user objects and the IR. Boxed
 * and primitive classes map to the same primitive type; records map to structs; a record
 * component whose declared type says too little (a type variable, as in {@code Pair}) takes
 * its type from a value.
 */
public final class JavaTypes {
    private static final Map<Class<?>, Type> BY_CLASS = new ConcurrentHashMap<>();

    private JavaTypes() {
    }

    /**
     * @param cls a class
     * @return its IR type, with {@link Type.Obj} for components that only a value can tell
     */
    public static Type ofClass(Class<?> cls) {
        Type t = BY_CLASS.get(cls);
        if (t == null) {
            t = compute(cls, null);
            BY_CLASS.put(cls, t);
        }
        return t;
    }

    /**
     * @param value a value
     * @return its IR type, looking into generic record components
     */
    public static Type ofValue(Object value) {
        if (value == null) {
            return new Type.Obj(Object.class.getName());
        }
        Type byClass = ofClass(value.getClass());
        return isComplete(byClass) ? byClass : compute(value.getClass(), value);
    }

    /**
     * @param t a type
     * @return whether it holds no {@link Type.Obj} anywhere (so a device can lay it out)
     */
    public static boolean isComplete(Type t) {
        if (t instanceof Type.Obj) {
            return false;
        }
        if (t instanceof Type.Struct s) {
            for (Type.Field f : s.fields()) {
                if (!isComplete(f.type())) {
                    return false;
                }
            }
        }
        if (t instanceof Type.Array a) {
            return isComplete(a.element());
        }
        return true;
    }

    /**
     * @param kind a primitive kind
     * @return its Java primitive class, e.g. {@code double.class}
     */
    public static Class<?> primitiveClass(PrimKind kind) {
        return switch (kind) {
            case BOOLEAN -> boolean.class;
            case BYTE -> byte.class;
            case SHORT -> short.class;
            case CHAR -> char.class;
            case INT -> int.class;
            case LONG -> long.class;
            case FLOAT -> float.class;
            case DOUBLE -> double.class;
        };
    }

    /**
     * @param cls a primitive or boxed primitive class
     * @return its kind, or {@code null} for any other class
     */
    public static PrimKind primKind(Class<?> cls) {
        if (cls == double.class || cls == Double.class) {
            return PrimKind.DOUBLE;
        } else if (cls == int.class || cls == Integer.class) {
            return PrimKind.INT;
        } else if (cls == long.class || cls == Long.class) {
            return PrimKind.LONG;
        } else if (cls == float.class || cls == Float.class) {
            return PrimKind.FLOAT;
        } else if (cls == boolean.class || cls == Boolean.class) {
            return PrimKind.BOOLEAN;
        } else if (cls == byte.class || cls == Byte.class) {
            return PrimKind.BYTE;
        } else if (cls == short.class || cls == Short.class) {
            return PrimKind.SHORT;
        } else if (cls == char.class || cls == Character.class) {
            return PrimKind.CHAR;
        }
        return null;
    }

    private static Type compute(Class<?> cls, Object value) {
        PrimKind k = primKind(cls);
        if (k != null) {
            return Type.of(k);
        }
        if (cls == String.class) {
            return Type.STRING;
        }
        if (cls.isArray()) {
            return new Type.Array(ofClass(cls.getComponentType()));
        }
        if (cls.isRecord()) {
            List<Type.Field> fields = new ArrayList<>();
            for (RecordComponent rc : cls.getRecordComponents()) {
                Type ft = ofClass(rc.getType());
                if (value != null && !isComplete(ft)) {
                    ft = ofValue(IrValues.component(rc, value));
                }
                fields.add(new Type.Field(rc.getName(), ft));
            }
            return new Type.Struct(cls.getName(), fields);
        }
        return new Type.Obj(cls.getName());
    }
}
