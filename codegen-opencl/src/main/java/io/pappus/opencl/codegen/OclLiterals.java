package io.pappus.opencl.codegen;

import io.pappus.ir.Expr;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;

/** IR constants as exact C literals. */
final class OclLiterals {
    private OclLiterals() {
    }

    static String of(Expr.Const c, UnitContext ctx) {
        if (!(c.type() instanceof Type.Prim p)) {
            throw new OclUnsupportedException("constant of type " + c.type().show() + " (" + c.value() + ")");
        }
        Object v = c.value();
        return switch (p.kind()) {
            case BOOLEAN -> v instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(v);
            case BYTE, SHORT, CHAR, INT -> intLiteral(((Number) v).intValue());
            case LONG -> longLiteral((Long) v);
            case FLOAT -> floatLiteral((Float) v);
            case DOUBLE -> {
                ctx.needFp64();
                yield doubleLiteral((Double) v);
            }
        };
    }

    static String intLiteral(int v) {
        if (v == Integer.MIN_VALUE) {
            return "(-2147483647 - 1)";
        }
        return v < 0 ? "(" + v + ")" : String.valueOf(v);
    }

    static String longLiteral(long v) {
        if (v == Long.MIN_VALUE) {
            return "(-9223372036854775807L - 1L)";
        }
        return v < 0 ? "(" + v + "L)" : v + "L";
    }

    static String floatLiteral(float v) {
        if (Float.isNaN(v)) {
            return "NAN";
        } else if (Float.isInfinite(v)) {
            return v > 0 ? "INFINITY" : "(-INFINITY)";
        }
        String s = Float.toString(v);
        // decimal when it reads back exactly, else hexadecimal, which always does
        String text = Float.parseFloat(s) == v ? s : Float.toHexString(v);
        return signed(text + "f");
    }

    static String doubleLiteral(double v) {
        if (Double.isNaN(v)) {
            return "((double) NAN)";
        } else if (Double.isInfinite(v)) {
            return v > 0 ? "((double) INFINITY)" : "(-(double) INFINITY)";
        }
        String s = Double.toString(v);
        return signed(Double.parseDouble(s) == v ? s : Double.toHexString(v));
    }

    private static String signed(String text) {
        return text.startsWith("-") ? "(" + text + ")" : text;
    }

    static String zero(PrimKind kind) {
        return switch (kind) {
            case FLOAT -> "0.0f";
            case DOUBLE -> "0.0";
            case LONG -> "0L";
            default -> "0";
        };
    }
}
