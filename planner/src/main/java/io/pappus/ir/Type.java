package io.pappus.ir;

import java.io.Serializable;
import java.util.List;

/**
 * An IR type. Plain data: it names user classes by string only, so it travels to cluster
 * members that do not have them.
 */
public sealed interface Type extends Serializable {

    Prim BOOLEAN = new Prim(PrimKind.BOOLEAN);
    Prim BYTE = new Prim(PrimKind.BYTE);
    Prim SHORT = new Prim(PrimKind.SHORT);
    Prim CHAR = new Prim(PrimKind.CHAR);
    Prim INT = new Prim(PrimKind.INT);
    Prim LONG = new Prim(PrimKind.LONG);
    Prim FLOAT = new Prim(PrimKind.FLOAT);
    Prim DOUBLE = new Prim(PrimKind.DOUBLE);
    Str STRING = new Str();

    /** @return the type as written in IR text, e.g. {@code double}, {@code Point{x:double,y:double}} */
    String show();

    /**
     * @param kind the primitive kind
     * @return its type
     */
    static Prim of(PrimKind kind) {
        return switch (kind) {
            case BOOLEAN -> BOOLEAN;
            case BYTE -> BYTE;
            case SHORT -> SHORT;
            case CHAR -> CHAR;
            case INT -> INT;
            case LONG -> LONG;
            case FLOAT -> FLOAT;
            case DOUBLE -> DOUBLE;
        };
    }

    /**
     * A primitive. Boxed primitives have the same IR type: data sets hold no nulls, and
     * boxing is a no-op in the IR.
     *
     * @param kind which primitive
     */
    record Prim(PrimKind kind) implements Type {
        @Override
        public String show() {
            return kind.javaName();
        }
    }

    /**
     * A record (or {@code Pair}) value: a struct of named fields, flattened to one column per
     * primitive leaf at the edges.
     *
     * @param className the Java class the value becomes at the edge
     * @param fields    the components, in declaration order
     */
    record Struct(String className, List<Field> fields) implements Type {
        public Struct {
            fields = List.copyOf(fields);
        }

        /**
         * @param name a field name
         * @return its index, or -1
         */
        public int indexOf(String name) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        /** @return the class's simple name, for IR text */
        public String simpleName() {
            String n = className.substring(className.lastIndexOf('.') + 1);
            return n.substring(n.lastIndexOf('$') + 1);
        }

        @Override
        public String show() {
            StringBuilder b = new StringBuilder(simpleName()).append('{');
            for (int i = 0; i < fields.size(); i++) {
                b.append(i == 0 ? "" : ",").append(fields.get(i).name()).append(':').append(fields.get(i).type().show());
            }
            return b.append('}').toString();
        }
    }

    /**
     * One field of a struct.
     *
     * @param name the record component's name
     * @param type its type
     */
    record Field(String name, Type type) implements Serializable {
    }

    /**
     * A read-only array, as captured by a lambda (a broadcast input).
     *
     * @param element the element type
     */
    record Array(Type element) implements Type {
        @Override
        public String show() {
            return element.show() + "[]";
        }
    }

    /** A {@code String}: carried through on the JVM; no device string operations. */
    record Str() implements Type {
        @Override
        public String show() {
            return "String";
        }
    }

    /**
     * A Java object the IR cannot look into, produced by an opaque lambda; JVM only.
     *
     * @param className its class, or {@code java.lang.Object} when unknown
     */
    record Obj(String className) implements Type {
        @Override
        public String show() {
            return "object<" + className + ">";
        }
    }
}
