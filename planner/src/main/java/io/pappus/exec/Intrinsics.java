package io.pappus.exec;

import io.pappus.ir.Intrinsic;
import io.pappus.ir.PrimKind;

/** Evaluates {@link Intrinsic} calls by calling the Java methods they stand for. */
final class Intrinsics {
    private Intrinsics() {
    }

    /**
     * @param fn     the function
     * @param a      IR argument values
     * @param argKind the first argument's kind (selects the overload)
     * @param result  the result kind
     * @return the IR result value
     */
    static Object apply(Intrinsic fn, Object[] a, PrimKind argKind, PrimKind result) {
        PrimKind k = argKind == null ? PrimKind.DOUBLE : argKind.computational();
        switch (fn) {
            case ABS, MIN, MAX, SIGNUM, COMPARE, FLOOR_DIV, FLOOR_MOD, ROUND, BIT_COUNT, LEADING_ZEROS,
                 TRAILING_ZEROS, IS_NAN, IS_INFINITE, IS_FINITE, FMA:
                return overloaded(fn, a, k);
            default:
                break;
        }
        double x = num(a[0]);
        double y = a.length > 1 ? num(a[1]) : 0;
        return switch (fn) {
            case SQRT -> Math.sqrt(x);
            case CBRT -> Math.cbrt(x);
            case EXP -> Math.exp(x);
            case EXPM1 -> Math.expm1(x);
            case LOG -> Math.log(x);
            case LOG10 -> Math.log10(x);
            case LOG1P -> Math.log1p(x);
            case POW -> Math.pow(x, y);
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TAN -> Math.tan(x);
            case ASIN -> Math.asin(x);
            case ACOS -> Math.acos(x);
            case ATAN -> Math.atan(x);
            case ATAN2 -> Math.atan2(x, y);
            case SINH -> Math.sinh(x);
            case COSH -> Math.cosh(x);
            case TANH -> Math.tanh(x);
            case HYPOT -> Math.hypot(x, y);
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
            case RINT -> Math.rint(x);
            case TO_RADIANS -> Math.toRadians(x);
            case TO_DEGREES -> Math.toDegrees(x);
            case DOUBLE_TO_RAW_LONG_BITS -> Double.doubleToRawLongBits(x);
            case DOUBLE_TO_LONG_BITS -> Double.doubleToLongBits(x);
            case LONG_BITS_TO_DOUBLE -> Double.longBitsToDouble((Long) a[0]);
            case FLOAT_TO_RAW_INT_BITS -> Float.floatToRawIntBits((Float) a[0]);
            case FLOAT_TO_INT_BITS -> Float.floatToIntBits((Float) a[0]);
            case INT_BITS_TO_FLOAT -> Float.intBitsToFloat((Integer) a[0]);
            default -> throw new AssertionError(fn);
        };
    }

    private static Object overloaded(Intrinsic fn, Object[] a, PrimKind k) {
        switch (k) {
            case INT -> {
                int x = Semantics.asInt(a[0]);
                int y = a.length > 1 ? Semantics.asInt(a[1]) : 0;
                return switch (fn) {
                    case ABS -> Math.abs(x);
                    case MIN -> Math.min(x, y);
                    case MAX -> Math.max(x, y);
                    case SIGNUM -> Integer.signum(x);
                    case COMPARE -> Integer.compare(x, y);
                    case FLOOR_DIV -> Math.floorDiv(x, y);
                    case FLOOR_MOD -> Math.floorMod(x, y);
                    case BIT_COUNT -> Integer.bitCount(x);
                    case LEADING_ZEROS -> Integer.numberOfLeadingZeros(x);
                    case TRAILING_ZEROS -> Integer.numberOfTrailingZeros(x);
                    default -> throw new AssertionError(fn + " on int");
                };
            }
            case LONG -> {
                long x = (Long) a[0];
                long y = a.length > 1 ? (Long) a[1] : 0;
                return switch (fn) {
                    case ABS -> Math.abs(x);
                    case MIN -> Math.min(x, y);
                    case MAX -> Math.max(x, y);
                    case SIGNUM -> Long.signum(x);
                    case COMPARE -> Long.compare(x, y);
                    case FLOOR_DIV -> Math.floorDiv(x, y);
                    case FLOOR_MOD -> Math.floorMod(x, y);
                    case BIT_COUNT -> Long.bitCount(x);
                    case LEADING_ZEROS -> Long.numberOfLeadingZeros(x);
                    case TRAILING_ZEROS -> Long.numberOfTrailingZeros(x);
                    default -> throw new AssertionError(fn + " on long");
                };
            }
            case FLOAT -> {
                float x = (Float) a[0];
                float y = a.length > 1 ? (Float) a[1] : 0;
                return switch (fn) {
                    case ABS -> Math.abs(x);
                    case MIN -> Math.min(x, y);
                    case MAX -> Math.max(x, y);
                    case SIGNUM -> Math.signum(x);
                    case COMPARE -> Float.compare(x, y);
                    case ROUND -> Math.round(x);
                    case IS_NAN -> Float.isNaN(x);
                    case IS_INFINITE -> Float.isInfinite(x);
                    case IS_FINITE -> Float.isFinite(x);
                    case FMA -> Math.fma(x, y, (Float) a[2]);
                    default -> throw new AssertionError(fn + " on float");
                };
            }
            default -> {
                double x = (Double) a[0];
                double y = a.length > 1 ? (Double) a[1] : 0;
                return switch (fn) {
                    case ABS -> Math.abs(x);
                    case MIN -> Math.min(x, y);
                    case MAX -> Math.max(x, y);
                    case SIGNUM -> Math.signum(x);
                    case COMPARE -> Double.compare(x, y);
                    case ROUND -> Math.round(x);
                    case IS_NAN -> Double.isNaN(x);
                    case IS_INFINITE -> Double.isInfinite(x);
                    case IS_FINITE -> Double.isFinite(x);
                    case FMA -> Math.fma(x, y, (Double) a[2]);
                    default -> throw new AssertionError(fn + " on double");
                };
            }
        }
    }

    private static double num(Object v) {
        return v instanceof Integer i ? i : ((Number) v).doubleValue();
    }
}
