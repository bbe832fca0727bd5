package io.pappus.exec;

import io.pappus.ir.BinOp;
import io.pappus.ir.PrimKind;
import io.pappus.ir.UnOp;
import io.pappus.lift.IrValues;

/**
 * Java's meaning of the IR's operators on IR values, for the interpreter. Every backend must
 * agree with this class (and so with Java).
 */
final class Semantics {
    private Semantics() {
    }

    static boolean truth(Object v) {
        return v instanceof Boolean b ? b : ((Integer) v) != 0;
    }

    static int asInt(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : (Integer) v;
    }

    static Object unary(UnOp op, Object v, PrimKind k) {
        if (op == UnOp.NOT) {
            return !truth(v);
        }
        return switch (k.computational()) {
            case INT -> -asInt(v);
            case LONG -> -(Long) v;
            case FLOAT -> -(Float) v;
            case DOUBLE -> -(Double) v;
            default -> throw new AssertionError(k);
        };
    }

    static Object binary(BinOp op, Object l, Object r, PrimKind lk, PrimKind rk) {
        if (lk == PrimKind.BOOLEAN && rk == PrimKind.BOOLEAN) {
            boolean a = truth(l);
            boolean b = truth(r);
            return switch (op) {
                case AND -> a & b;
                case OR -> a | b;
                case XOR -> a ^ b;
                case EQ -> a == b;
                case NE -> a != b;
                default -> binary(op, asInt(l), asInt(r), PrimKind.INT, PrimKind.INT);
            };
        }
        if (lk == null) {
            throw new IllegalStateException("operator " + op + " on non-primitive values " + l + ", " + r);
        }
        return switch (lk.computational()) {
            case INT -> ints(op, asInt(l), asInt(r));
            case LONG -> longs(op, (Long) l, r);
            case FLOAT -> floats(op, (Float) l, (Float) r);
            case DOUBLE -> doubles(op, (Double) l, (Double) r);
            default -> throw new AssertionError(lk);
        };
    }

    private static Object ints(BinOp op, int a, int b) {
        if (b == 0 && (op == BinOp.DIV || op == BinOp.REM)) {
            throw divisionByZero();
        }
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case REM -> a % b;
            case SHL -> a << b;
            case SHR -> a >> b;
            case USHR -> a >>> b;
            case AND -> a & b;
            case OR -> a | b;
            case XOR -> a ^ b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
            case EQ -> a == b;
            case NE -> a != b;
        };
    }

    private static Object longs(BinOp op, long a, Object right) {
        if (op == BinOp.SHL || op == BinOp.SHR || op == BinOp.USHR) {
            int s = right instanceof Long x ? (int) (long) x : asInt(right);
            return op == BinOp.SHL ? a << s : op == BinOp.SHR ? a >> s : a >>> s;
        }
        long b = (Long) right;
        if (b == 0 && (op == BinOp.DIV || op == BinOp.REM)) {
            throw divisionByZero();
        }
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case REM -> a % b;
            case AND -> a & b;
            case OR -> a | b;
            case XOR -> a ^ b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
            case EQ -> a == b;
            case NE -> a != b;
            default -> throw new AssertionError(op);
        };
    }

    /**
     * Java's exception for an integer {@code /} or {@code %} by zero, thrown explicitly: once
     * {@code a / b} is hot, C2 may throw a preallocated one without its message
     * (-XX:+OmitStackTraceInFastThrow), and the message is part of the failure users see.
     */
    private static ArithmeticException divisionByZero() {
        return new ArithmeticException("/ by zero");
    }

    private static Object floats(BinOp op, float a, float b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case REM -> a % b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
            case EQ -> a == b;
            case NE -> a != b;
            default -> throw new AssertionError(op + " on float");
        };
    }

    private static Object doubles(BinOp op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case REM -> a % b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
            case EQ -> a == b;
            case NE -> a != b;
            default -> throw new AssertionError(op + " on double");
        };
    }

    static Object cast(Object v, PrimKind from, PrimKind to) {
        if (from == to || to == null) {
            return v;
        }
        switch (from.computational()) {
            case INT -> {
                int x = asInt(v);
                return switch (to) {
                    case BYTE -> (int) (byte) x;
                    case SHORT -> (int) (short) x;
                    case CHAR -> (int) (char) x;
                    case INT -> x;
                    case LONG -> (long) x;
                    case FLOAT -> (float) x;
                    case DOUBLE -> (double) x;
                    case BOOLEAN -> x != 0;
                };
            }
            case LONG -> {
                long x = (Long) v;
                return switch (to) {
                    case BYTE -> (int) (byte) x;
                    case SHORT -> (int) (short) x;
                    case CHAR -> (int) (char) x;
                    case INT -> (int) x;
                    case FLOAT -> (float) x;
                    case DOUBLE -> (double) x;
                    default -> throw new AssertionError(to);
                };
            }
            case FLOAT -> {
                float x = (Float) v;
                return switch (to) {
                    case BYTE -> (int) (byte) (int) x;
                    case SHORT -> (int) (short) (int) x;
                    case CHAR -> (int) (char) (int) x;
                    case INT -> (int) x;
                    case LONG -> (long) x;
                    case DOUBLE -> (double) x;
                    default -> throw new AssertionError(to);
                };
            }
            case DOUBLE -> {
                double x = (Double) v;
                return switch (to) {
                    case BYTE -> (int) (byte) (int) x;
                    case SHORT -> (int) (short) (int) x;
                    case CHAR -> (int) (char) (int) x;
                    case INT -> (int) x;
                    case LONG -> (long) x;
                    case FLOAT -> (float) x;
                    default -> throw new AssertionError(to);
                };
            }
            default -> throw new AssertionError(from);
        }
    }

    static Object arrayGet(Object array, int i) {
        return IrValues.arrayElement(array, i);
    }
}
