package io.pappus.ir;

/** Binary operators, with Java semantics on the operands' computational type. */
public enum BinOp {
    ADD("+", 11), SUB("-", 11), MUL("*", 12), DIV("/", 12), REM("%", 12),
    SHL("<<", 10), SHR(">>", 10), USHR(">>>", 10),
    LT("<", 9), LE("<=", 9), GT(">", 9), GE(">=", 9),
    EQ("==", 8), NE("!=", 8),
    AND("&", 7), XOR("^", 6), OR("|", 5);

    private final String symbol;
    private final int precedence;

    BinOp(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    /** @return the Java (and C) operator */
    public String symbol() {
        return symbol;
    }

    /** @return Java's precedence level; higher binds tighter */
    public int precedence() {
        return precedence;
    }

    /** @return whether the result is a boolean comparison */
    public boolean isComparison() {
        return this == LT || this == LE || this == GT || this == GE || this == EQ || this == NE;
    }
}
