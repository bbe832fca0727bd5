package io.pappus.ir;

/**
 * Library functions the IR knows by meaning, each with the semantics of the Java method it
 * comes from (the overload follows the argument types, e.g. {@code ABS} on int or double).
 * Backends map each to their own implementation and state its ulp bound against Java.
 */
public enum Intrinsic {
    SQRT("Math.sqrt", 1), CBRT("Math.cbrt", 1), EXP("Math.exp", 1), EXPM1("Math.expm1", 1),
    LOG("Math.log", 1), LOG10("Math.log10", 1), LOG1P("Math.log1p", 1), POW("Math.pow", 2),
    SIN("Math.sin", 1), COS("Math.cos", 1), TAN("Math.tan", 1), ASIN("Math.asin", 1),
    ACOS("Math.acos", 1), ATAN("Math.atan", 1), ATAN2("Math.atan2", 2), SINH("Math.sinh", 1),
    COSH("Math.cosh", 1), TANH("Math.tanh", 1), HYPOT("Math.hypot", 2),
    FLOOR("Math.floor", 1), CEIL("Math.ceil", 1), RINT("Math.rint", 1), ROUND("Math.round", 1),
    ABS("Math.abs", 1), MIN("Math.min", 2), MAX("Math.max", 2), SIGNUM("Math.signum", 1),
    TO_RADIANS("Math.toRadians", 1), TO_DEGREES("Math.toDegrees", 1), FMA("Math.fma", 3),
    FLOOR_DIV("Math.floorDiv", 2), FLOOR_MOD("Math.floorMod", 2),
    IS_NAN("Double.isNaN", 1), IS_INFINITE("Double.isInfinite", 1), IS_FINITE("Double.isFinite", 1),
    /** {@code Double/Float/Integer/Long/...compare}: -1, 0 or 1 as Java's total order. */
    COMPARE("compare", 2),
    DOUBLE_TO_RAW_LONG_BITS("Double.doubleToRawLongBits", 1), DOUBLE_TO_LONG_BITS("Double.doubleToLongBits", 1),
    LONG_BITS_TO_DOUBLE("Double.longBitsToDouble", 1), FLOAT_TO_RAW_INT_BITS("Float.floatToRawIntBits", 1),
    FLOAT_TO_INT_BITS("Float.floatToIntBits", 1), INT_BITS_TO_FLOAT("Float.intBitsToFloat", 1),
    BIT_COUNT("bitCount", 1), LEADING_ZEROS("numberOfLeadingZeros", 1),
    TRAILING_ZEROS("numberOfTrailingZeros", 1);

    private final String javaName;
    private final int arity;

    Intrinsic(String javaName, int arity) {
        this.javaName = javaName;
        this.arity = arity;
    }

    /** @return the Java method it stands for, as shown in IR text */
    public String javaName() {
        return javaName;
    }

    /** @return the number of arguments */
    public int arity() {
        return arity;
    }
}
