package io.pappus.opencl.codegen;

import io.pappus.ir.PrimKind;

/**
 * Java's primitive conversions in OpenCL C. Narrowing to byte and short goes through shifts on
 * the bit pattern (C leaves out-of-range signed conversions implementation-defined); floating
 * point to integer saturates with NaN to 0 ({@code convert_*_sat_rtz}, guarded for NaN);
 * int and long to floating point round to nearest even, OpenCL's default for those conversions.
 */
final class OclCasts {
    private OclCasts() {
    }

    static String cast(String x, PrimKind from, PrimKind to, UnitContext ctx) {
        PrimKind f = from.computational();
        if (from == to || f == to) {
            return x;
        }
        if (to == PrimKind.BOOLEAN) {
            return "(" + x + " != 0)";
        }
        String asInt = switch (f) {
            case INT -> x;
            case LONG -> "as_int((uint) as_ulong(" + x + "))";
            case FLOAT -> ctx.use(OclHelper.F2I) + "(" + x + ")";
            case DOUBLE -> ctx.use(OclHelper.D2I) + "(" + x + ")";
            default -> throw new AssertionError(f);
        };
        return switch (to) {
            case BYTE -> "(as_int(as_uint(" + asInt + ") << 24) >> 24)";
            case SHORT -> "(as_int(as_uint(" + asInt + ") << 16) >> 16)";
            case CHAR -> "(" + asInt + " & 0xFFFF)";
            case INT -> asInt;
            case LONG -> switch (f) {
                case INT -> "((long) " + x + ")";
                case FLOAT -> ctx.use(OclHelper.F2L) + "(" + x + ")";
                case DOUBLE -> ctx.use(OclHelper.D2L) + "(" + x + ")";
                default -> throw new AssertionError(f);
            };
            case FLOAT -> "((float) " + x + ")";
            case DOUBLE -> "((" + ctx.type(PrimKind.DOUBLE) + ") " + x + ")";
            case BOOLEAN -> throw new AssertionError(to);
        };
    }
}
