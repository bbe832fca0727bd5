package io.pappus.jvm.codegen;

import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;

/**
 * How IR types and values are spelled in generated Java. Sub-int primitives (byte, short,
 * char) live in {@code int} locals, as on the JVM's operand stack; they are narrowed only when
 * stored to a column.
 */
public final class JavaNames {
    private JavaNames() {
    }

    /**
     * @param t a scalar IR type (primitive, string, object or array)
     * @return the Java type of a local holding it
     */
    public static String local(Type t) {
        if (t instanceof Type.Prim p) {
            return switch (p.kind()) {
                case BOOLEAN -> "boolean";
                case BYTE, SHORT, CHAR, INT -> "int";
                default -> p.kind().javaName();
            };
        } else if (t instanceof Type.Str) {
            return "String";
        } else if (t instanceof Type.Array a) {
            return a.element() instanceof Type.Prim p ? p.kind().javaName() + "[]" : "Object[]";
        }
        return "Object";
    }

    /**
     * @param t a scalar IR type
     * @return the zero a Java local of it starts with
     */
    public static String zero(Type t) {
        if (t instanceof Type.Prim p) {
            return switch (p.kind()) {
                case BOOLEAN -> "false";
                case LONG -> "0L";
                case FLOAT -> "0.0f";
                case DOUBLE -> "0.0";
                default -> "0";
            };
        }
        return "null";
    }

    /**
     * @param kind a primitive kind
     * @return its box class's simple name
     */
    public static String box(PrimKind kind) {
        return switch (kind) {
            case BOOLEAN -> "Boolean";
            case BYTE -> "Byte";
            case SHORT -> "Short";
            case CHAR -> "Character";
            case INT -> "Integer";
            case LONG -> "Long";
            case FLOAT -> "Float";
            case DOUBLE -> "Double";
        };
    }

    /**
     * @param value an IR literal
     * @param t     its type
     * @return Java source for it
     */
    public static JExpr literal(Object value, Type t) {
        if (t instanceof Type.Str) {
            return JExpr.atom(quote((String) value));
        }
        if (!(t instanceof Type.Prim p)) {
            if (value == null) {
                return JExpr.atom("null");
            }
            throw new Unsupported("literal of type " + t.show());
        }
        switch (p.kind()) {
            case BOOLEAN:
                return JExpr.atom(value instanceof Boolean b ? b.toString() : String.valueOf(((Integer) value) != 0));
            case LONG: {
                long v = ((Number) value).longValue();
                return v == Long.MIN_VALUE ? JExpr.atom("Long.MIN_VALUE") : signed(v + "L", v < 0);
            }
            case FLOAT: {
                float v = ((Number) value).floatValue();
                if (Float.isNaN(v)) {
                    return JExpr.atom("Float.NaN");
                } else if (Float.isInfinite(v)) {
                    return JExpr.atom(v > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY");
                }
                return signed(Float.toString(v) + "f", Float.floatToRawIntBits(v) < 0);
            }
            case DOUBLE: {
                double v = ((Number) value).doubleValue();
                if (Double.isNaN(v)) {
                    return JExpr.atom("Double.NaN");
                } else if (Double.isInfinite(v)) {
                    return JExpr.atom(v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY");
                }
                return signed(Double.toString(v), Double.doubleToRawLongBits(v) < 0);
            }
            default: {
                int v = value instanceof Character c ? c : ((Number) value).intValue();
                return v == Integer.MIN_VALUE ? JExpr.atom("Integer.MIN_VALUE") : signed(Integer.toString(v), v < 0);
            }
        }
    }

    private static JExpr signed(String text, boolean negative) {
        return new JExpr(text, negative ? JExpr.UNARY : JExpr.ATOM);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 32 || c > 126) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /**
     * @param irName an IR variable or label name
     * @return a Java identifier made of it
     */
    public static String ident(String irName) {
        StringBuilder b = new StringBuilder();
        for (char c : irName.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) || c == '_' ? c : '_');
        }
        return b.toString();
    }
}
