package io.pappus.ir;

/**
 * The primitive types of the IR, as in Java. {@code boolean}, {@code byte}, {@code short} and
 * {@code char} are storage types: arithmetic on them happens in {@code int}, as on the JVM.
 */
public enum PrimKind {
    BOOLEAN("boolean"), BYTE("byte"), SHORT("short"), CHAR("char"), INT("int"), LONG("long"),
    FLOAT("float"), DOUBLE("double");

    private final String javaName;

    PrimKind(String javaName) {
        this.javaName = javaName;
    }

    /** @return the Java keyword, e.g. {@code double} */
    public String javaName() {
        return javaName;
    }

    /** @return whether this is an integral type (byte, short, char, int, long) */
    public boolean isIntegral() {
        return this == BYTE || this == SHORT || this == CHAR || this == INT || this == LONG;
    }

    /** @return whether this is float or double */
    public boolean isFloating() {
        return this == FLOAT || this == DOUBLE;
    }

    /** @return the type arithmetic on this type happens in: int for the sub-int types */
    public PrimKind computational() {
        return switch (this) {
            case BOOLEAN, BYTE, SHORT, CHAR, INT -> INT;
            default -> this;
        };
    }

    /** @return the width in bytes of one value in a column */
    public int bytes() {
        return switch (this) {
            case BOOLEAN, BYTE -> 1;
            case SHORT, CHAR -> 2;
            case INT, FLOAT -> 4;
            case LONG, DOUBLE -> 8;
        };
    }
}
