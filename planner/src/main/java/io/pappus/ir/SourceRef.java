package io.pappus.ir;

import java.io.Serializable;

/**
 * Where a lambda was written, for messages: {@code com.acme.Prices.lambda$main$0
 * (Prices.java:12)}.
 *
 * @param className  the class that holds the lambda's body
 * @param methodName the body's method
 * @param fileName   the source file, or {@code null}
 * @param line       the first line of the body, or -1
 */
public record SourceRef(String className, String methodName, String fileName, int line) implements Serializable {

    /** An unknown place. */
    public static final SourceRef UNKNOWN = new SourceRef("?", "?", null, -1);

    /**
     * @param line a line inside the same method
     * @return this place at that line
     */
    public SourceRef atLine(int line) {
        return new SourceRef(className, methodName, fileName, line);
    }

    @Override
    public String toString() {
        String file = fileName == null ? className.substring(className.lastIndexOf('.') + 1) + ".java" : fileName;
        return className + "." + methodName + "(" + file + (line > 0 ? ":" + line : "") + ")";
    }
}
