package io.pappus.opencl.codegen;

import io.pappus.ir.Intrinsic;
import io.pappus.ir.PrimKind;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Intrinsic} calls as OpenCL C, and the one table of how far each may be from Java.
 *
 * <p>Bounds, in ulps of the result, between the OpenCL result and Java's {@code Math} result:
 * the OpenCL 1.2 full-profile bound for the double built-in (spec table 7.2) plus the bound
 * Java's {@code Math} javadoc allows (both are measured against the exact result). Functions
 * marked 0 are exact in both (IEEE operations, or a helper with Java's exact definition).
 *
 * <pre>
 * function          OpenCL  Java   bound vs Java
 * sqrt fma floor ceil rint abs min max signum round
 * floorDiv floorMod compare toRadians toDegrees bits   0   0   0
 * cbrt                 2     1      3
 * exp expm1 log log10  3     1      4
 * log1p                2     1      3
 * pow                 16     1     17   (NaN and |x|==1 special cases made Java's)
 * sin cos              4     1      5
 * tan atan             5     1      6
 * asin acos            4     1      5
 * atan2                6     2      8
 * sinh cosh            4     2.5    7
 * tanh                 5     2.5    8
 * hypot                4     1      5
 * </pre>
 *
 * <p>Programs are built with {@code -cl-fp32-correctly-rounded-divide-sqrt} and
 * {@code FP_CONTRACT OFF}, so float {@code /} and {@code sqrt} are correctly rounded and no
 * {@code a * b + c} is fused, as in Java; double {@code /} and {@code sqrt} are always
 * correctly rounded in OpenCL.
 */
public final class OclMath {
    private static final Map<Intrinsic, Integer> ULPS = new EnumMap<>(Intrinsic.class);

    static {
        for (Intrinsic f : List.of(Intrinsic.CBRT, Intrinsic.LOG1P)) {
            ULPS.put(f, 3);
        }
        for (Intrinsic f : List.of(Intrinsic.EXP, Intrinsic.EXPM1, Intrinsic.LOG, Intrinsic.LOG10)) {
            ULPS.put(f, 4);
        }
        for (Intrinsic f : List.of(Intrinsic.SIN, Intrinsic.COS, Intrinsic.ASIN, Intrinsic.ACOS, Intrinsic.HYPOT)) {
            ULPS.put(f, 5);
        }
        ULPS.put(Intrinsic.TAN, 6);
        ULPS.put(Intrinsic.ATAN, 6);
        ULPS.put(Intrinsic.SINH, 7);
        ULPS.put(Intrinsic.COSH, 7);
        ULPS.put(Intrinsic.ATAN2, 8);
        ULPS.put(Intrinsic.TANH, 8);
        ULPS.put(Intrinsic.POW, 17);
    }

    private OclMath() {
    }

    /**
     * @param fn an intrinsic
     * @return the largest distance, in ulps of the result, between the OpenCL and the Java result
     */
    public static int ulpBound(Intrinsic fn) {
        return ULPS.getOrDefault(fn, 0);
    }

    /**
     * @param fn     the function
     * @param args   translated arguments
     * @param kinds  the arguments' computational kinds (the first picks the overload)
     * @param ctx    the unit, told which helpers are used
     * @return the C expression
     */
    static String call(Intrinsic fn, List<String> args, List<PrimKind> kinds, UnitContext ctx) {
        PrimKind k = kinds.get(0);
        PrimKind k2 = kinds.size() > 1 ? kinds.get(1) : k;
        String a = args.get(0);
        String b = args.size() > 1 ? args.get(1) : null;
        boolean dbl = k == PrimKind.DOUBLE;
        boolean flt = k == PrimKind.FLOAT;
        boolean lng = k == PrimKind.LONG;
        return switch (fn) {
            case SQRT, CBRT, EXP, EXPM1, LOG, LOG10, LOG1P, SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, TANH,
                 FLOOR, CEIL, RINT -> fn.name().toLowerCase(java.util.Locale.ROOT) + "(" + dbl(a, k, ctx) + ")";
            case ATAN2, HYPOT -> fn.name().toLowerCase(java.util.Locale.ROOT) + "(" + dbl(a, k, ctx) + ", "
                    + dbl(b, k2, ctx) + ")";
            case POW -> ctx.use(OclHelper.POW) + "(" + dbl(a, k, ctx) + ", " + dbl(b, k2, ctx) + ")";
            case TO_RADIANS -> "(" + dbl(a, k, ctx) + " * 0.017453292519943295)"; // Java's DEGREES_TO_RADIANS
            case TO_DEGREES -> "(" + dbl(a, k, ctx) + " * 57.29577951308232)";    // Java's RADIANS_TO_DEGREES
            case FMA -> "fma(" + a + ", " + b + ", " + args.get(2) + ")";
            case ROUND -> flt ? ctx.use(OclHelper.ROUND_F) + "(" + a + ")" : ctx.use(OclHelper.ROUND_D) + "(" + dbl(a, k, ctx) + ")";
            case ABS -> dbl || flt ? "fabs(" + a + ")" : ctx.use(lng ? OclHelper.ABS_L : OclHelper.ABS_I) + "(" + a + ")";
            case MIN -> dbl ? ctx.use(OclHelper.MIN_D) + "(" + a + ", " + b + ")"
                    : flt ? ctx.use(OclHelper.MIN_F) + "(" + a + ", " + b + ")" : "min(" + a + ", " + b + ")";
            case MAX -> dbl ? ctx.use(OclHelper.MAX_D) + "(" + a + ", " + b + ")"
                    : flt ? ctx.use(OclHelper.MAX_F) + "(" + a + ", " + b + ")" : "max(" + a + ", " + b + ")";
            case SIGNUM -> dbl ? ctx.use(OclHelper.SIGNUM_D) + "(" + a + ")"
                    : flt ? ctx.use(OclHelper.SIGNUM_F) + "(" + a + ")"
                    : lng ? "((int) ((" + a + " > 0L) - (" + a + " < 0L)))" : "((" + a + " > 0) - (" + a + " < 0))";
            case COMPARE -> ctx.use(dbl ? OclHelper.CMP_D : flt ? OclHelper.CMP_F : lng ? OclHelper.CMP_L : OclHelper.CMP_I)
                    + "(" + a + ", " + b + ")";
            case FLOOR_DIV -> ctx.use(lng ? OclHelper.FLOOR_DIV_L : OclHelper.FLOOR_DIV_I) + "(err, " + a + ", " + b + ")";
            case FLOOR_MOD -> ctx.use(lng ? OclHelper.FLOOR_MOD_L : OclHelper.FLOOR_MOD_I) + "(err, " + a + ", " + b + ")";
            case IS_NAN -> "isnan(" + a + ")";
            case IS_INFINITE -> "isinf(" + a + ")";
            case IS_FINITE -> "isfinite(" + a + ")";
            case DOUBLE_TO_RAW_LONG_BITS -> "as_long(" + dbl(a, k, ctx) + ")";
            case DOUBLE_TO_LONG_BITS -> ctx.use(OclHelper.BITS_D) + "(" + dbl(a, k, ctx) + ")";
            case LONG_BITS_TO_DOUBLE -> {
                ctx.needFp64();
                yield "as_double(" + a + ")";
            }
            case FLOAT_TO_RAW_INT_BITS -> "as_int(" + a + ")";
            case FLOAT_TO_INT_BITS -> ctx.use(OclHelper.BITS_F) + "(" + a + ")";
            case INT_BITS_TO_FLOAT -> "as_float(" + a + ")";
            case BIT_COUNT -> "((int) popcount(" + a + "))";
            case LEADING_ZEROS -> "((int) clz(" + a + "))";
            case TRAILING_ZEROS -> ctx.use(lng ? OclHelper.CTZ_L : OclHelper.CTZ_I) + "(" + a + ")";
        };
    }

    private static String dbl(String x, PrimKind k, UnitContext ctx) {
        ctx.needFp64();
        return k == PrimKind.DOUBLE ? x : "((double) " + x + ")";
    }
}
