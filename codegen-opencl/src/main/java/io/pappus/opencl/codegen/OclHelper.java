package io.pappus.opencl.codegen;

/**
 * C functions that give OpenCL built-ins Java's meaning where the two differ. A translated
 * program includes only those it uses, in this enum's order (so golden files are stable).
 * Error codes written to {@code *err}: 1 = {@link ArithmeticException}, 2 =
 * {@link ArrayIndexOutOfBoundsException}; the first error of an element wins.
 */
enum OclHelper {
    FAIL(false, """
            void pappus_fail(int* err, int code) {
                if (*err == 0) {
                    *err = code;
                }
            }
            """),
    DIV_I(false, """
            int pappus_div_i(int* err, int a, int b) {
                if (b == 0) { pappus_fail(err, 1); return 0; }
                if (b == -1) return as_int(0u - as_uint(a)); /* Java: MIN_VALUE / -1 == MIN_VALUE */
                return a / b;
            }
            """),
    REM_I(false, """
            int pappus_rem_i(int* err, int a, int b) {
                if (b == 0) { pappus_fail(err, 1); return 0; }
                if (b == -1) return 0;
                return a % b;
            }
            """),
    DIV_L(false, """
            long pappus_div_l(int* err, long a, long b) {
                if (b == 0) { pappus_fail(err, 1); return 0; }
                if (b == -1) return as_long(0ul - as_ulong(a));
                return a / b;
            }
            """),
    REM_L(false, """
            long pappus_rem_l(int* err, long a, long b) {
                if (b == 0) { pappus_fail(err, 1); return 0; }
                if (b == -1) return 0;
                return a % b;
            }
            """),
    FLOOR_DIV_I(false, """
            int pappus_floor_div_i(int* err, int a, int b) {
                int q = pappus_div_i(err, a, b);
                if (b != 0 && (a ^ b) < 0 && as_int(as_uint(q) * as_uint(b)) != a) q--;
                return q;
            }
            """),
    FLOOR_MOD_I(false, """
            int pappus_floor_mod_i(int* err, int a, int b) {
                int m = pappus_rem_i(err, a, b);
                if ((m ^ b) < 0 && m != 0) m += b;
                return m;
            }
            """),
    FLOOR_DIV_L(false, """
            long pappus_floor_div_l(int* err, long a, long b) {
                long q = pappus_div_l(err, a, b);
                if (b != 0 && (a ^ b) < 0 && as_long(as_ulong(q) * as_ulong(b)) != a) q--;
                return q;
            }
            """),
    FLOOR_MOD_L(false, """
            long pappus_floor_mod_l(int* err, long a, long b) {
                long m = pappus_rem_l(err, a, b);
                if ((m ^ b) < 0 && m != 0) m += b;
                return m;
            }
            """),
    INDEX(false, """
            int pappus_index(int* err, int i, int length) {
                if (i < 0 || i >= length) { pappus_fail(err, 2); return 0; }
                return i;
            }
            """),
    ABS_I(false, "int pappus_abs_i(int a) { return as_int(a < 0 ? 0u - as_uint(a) : as_uint(a)); }\n"),
    ABS_L(false, "long pappus_abs_l(long a) { return as_long(a < 0 ? 0ul - as_ulong(a) : as_ulong(a)); }\n"),
    CMP_I(false, "int pappus_cmp_i(int a, int b) { return a < b ? -1 : (a == b ? 0 : 1); }\n"),
    CMP_L(false, "int pappus_cmp_l(long a, long b) { return a < b ? -1 : (a == b ? 0 : 1); }\n"),
    CTZ_I(false, "int pappus_ctz_i(int a) { uint u = as_uint(a); return u == 0 ? 32 : 31 - (int) clz(u & (0u - u)); }\n"),
    CTZ_L(false, "int pappus_ctz_l(long a) { ulong u = as_ulong(a); return u == 0 ? 64 : 63 - (int) clz(u & (0ul - u)); }\n"),
    F2I(false, "int pappus_f2i(float x) { return isnan(x) ? 0 : convert_int_sat_rtz(x); }\n"),
    F2L(false, "long pappus_f2l(float x) { return isnan(x) ? 0 : convert_long_sat_rtz(x); }\n"),
    MIN_F(false, """
            float pappus_min_f(float a, float b) {
                if (isnan(a)) return a;
                if (a == 0.0f && b == 0.0f) return as_float(as_int(a) | as_int(b)); /* Java: min(-0.0, 0.0) == -0.0 */
                return a <= b ? a : b;
            }
            """),
    MAX_F(false, """
            float pappus_max_f(float a, float b) {
                if (isnan(a)) return a;
                if (a == 0.0f && b == 0.0f) return as_float(as_int(a) & as_int(b));
                return a >= b ? a : b;
            }
            """),
    SIGNUM_F(false, "float pappus_signum_f(float x) { return (x == 0.0f || isnan(x)) ? x : copysign(1.0f, x); }\n"),
    CMP_F(false, """
            int pappus_cmp_f(float a, float b) {
                if (a < b) return -1;
                if (a > b) return 1;
                int x = isnan(a) ? 0x7fc00000 : as_int(a);
                int y = isnan(b) ? 0x7fc00000 : as_int(b);
                return x == y ? 0 : (x < y ? -1 : 1);
            }
            """),
    ROUND_F(false, """
            int pappus_round_f(float x) {
                if (isnan(x)) return 0;
                float f = floor(x);
                return convert_int_sat_rtz(x - f >= 0.5f ? f + 1.0f : f); /* x - floor(x) is exact */
            }
            """),
    BITS_F(false, "int pappus_bits_f(float x) { return isnan(x) ? 0x7fc00000 : as_int(x); }\n"),
    D2I(true, "int pappus_d2i(double x) { return isnan(x) ? 0 : convert_int_sat_rtz(x); }\n"),
    D2L(true, "long pappus_d2l(double x) { return isnan(x) ? 0 : convert_long_sat_rtz(x); }\n"),
    MIN_D(true, """
            double pappus_min_d(double a, double b) {
                if (isnan(a)) return a;
                if (a == 0.0 && b == 0.0) return as_double(as_long(a) | as_long(b));
                return a <= b ? a : b;
            }
            """),
    MAX_D(true, """
            double pappus_max_d(double a, double b) {
                if (isnan(a)) return a;
                if (a == 0.0 && b == 0.0) return as_double(as_long(a) & as_long(b));
                return a >= b ? a : b;
            }
            """),
    SIGNUM_D(true, "double pappus_signum_d(double x) { return (x == 0.0 || isnan(x)) ? x : copysign(1.0, x); }\n"),
    CMP_D(true, """
            int pappus_cmp_d(double a, double b) {
                if (a < b) return -1;
                if (a > b) return 1;
                long x = isnan(a) ? 0x7ff8000000000000L : as_long(a);
                long y = isnan(b) ? 0x7ff8000000000000L : as_long(b);
                return x == y ? 0 : (x < y ? -1 : 1);
            }
            """),
    ROUND_D(true, """
            long pappus_round_d(double x) {
                if (isnan(x)) return 0;
                double f = floor(x);
                return convert_long_sat_rtz(x - f >= 0.5 ? f + 1.0 : f);
            }
            """),
    BITS_D(true, "long pappus_bits_d(double x) { return isnan(x) ? 0x7ff8000000000000L : as_long(x); }\n"),
    POW(true, """
            double pappus_pow(double x, double y) {
                if (isnan(y)) return y;                       /* C: pow(1, NaN) == 1, Java: NaN */
                if (fabs(x) == 1.0 && isinf(y)) return y - y; /* C: pow(-1, inf) == 1, Java: NaN */
                return pow(x, y);
            }
            """);

    private final boolean needsFp64;
    private final String code;

    OclHelper(boolean needsFp64, String code) {
        this.needsFp64 = needsFp64;
        this.code = code;
    }

    /** @return whether the helper uses {@code double} */
    boolean needsFp64() {
        return needsFp64;
    }

    /** @return its C definition */
    String code() {
        return code;
    }

    /** @return the helpers this one calls */
    OclHelper[] uses() {
        return switch (this) {
            case DIV_I, REM_I, DIV_L, REM_L, INDEX -> new OclHelper[] {FAIL};
            case FLOOR_DIV_I -> new OclHelper[] {DIV_I};
            case FLOOR_MOD_I -> new OclHelper[] {REM_I};
            case FLOOR_DIV_L -> new OclHelper[] {DIV_L};
            case FLOOR_MOD_L -> new OclHelper[] {REM_L};
            default -> new OclHelper[0];
        };
    }
}
