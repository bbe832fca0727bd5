package io.pappus.jvm.codegen;

/**
 * A Java expression's text with the precedence of its outermost operator, so the writer adds
 * only the parentheses Java needs.
 *
 * @param text       the source text
 * @param precedence Java's precedence level of the outermost operator; {@link #ATOM} for names,
 *                   literals and calls
 */
public record JExpr(String text, int precedence) {
    /** Names, literals, calls, array reads. */
    public static final int ATOM = 100;
    /** Unary minus and {@code !}. */
    public static final int UNARY = 14;
    /** A cast. */
    public static final int CAST = 13;
    /** {@code c ? a : b}. */
    public static final int TERNARY = 2;

    /**
     * @param text a name, literal or call
     * @return it as an atom
     */
    public static JExpr atom(String text) {
        return new JExpr(text, ATOM);
    }

    /**
     * @param min the lowest precedence the context accepts without parentheses
     * @return the text, parenthesised if needed
     */
    public String at(int min) {
        return precedence >= min ? text : "(" + text + ")";
    }

    @Override
    public String toString() {
        return text;
    }
}
