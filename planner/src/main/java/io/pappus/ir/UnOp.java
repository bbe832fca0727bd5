package io.pappus.ir;

/** Unary operators. */
public enum UnOp {
    /** Arithmetic negation (Java's unary minus; -0.0 for 0.0). */
    NEG("-"),
    /** Boolean not. */
    NOT("!");

    private final String symbol;

    UnOp(String symbol) {
        this.symbol = symbol;
    }

    /** @return the Java (and C) operator */
    public String symbol() {
        return symbol;
    }
}
