package io.pappus.jvm.codegen;

/**
 * Writes Java source a line at a time with two-space indentation. Generated code is read by
 * people (explain, golden files), so it is laid out like hand-written code.
 *
 * <pre>{@code
 * JavaWriter w = new JavaWriter();
 * w.open("for (int i = lo; i < hi; i++)").line("s += xs[i];").close();
 * }</pre>
 */
public final class JavaWriter {
    private final StringBuilder out = new StringBuilder();
    private int depth;

    /**
     * @param depth the indentation level to start at
     * @return a writer for a fragment of code that will be spliced in at that level
     */
    public static JavaWriter at(int depth) {
        JavaWriter w = new JavaWriter();
        w.depth = depth;
        return w;
    }

    /** @return the current indentation level */
    public int depth() {
        return depth;
    }

    /**
     * @param text one statement or declaration
     * @return this
     */
    public JavaWriter line(String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
        return this;
    }

    /**
     * Starts a braced block: {@code head {}.
     *
     * @param head e.g. {@code if (x > 0)}; empty for a bare block
     * @return this
     */
    public JavaWriter open(String head) {
        line(head.isEmpty() ? "{" : head + " {");
        depth++;
        return this;
    }

    /** @return this, after closing the innermost block */
    public JavaWriter close() {
        depth--;
        return line("}");
    }

    /**
     * Closes a block and opens the next one on the same line, e.g. {@code } else {}.
     *
     * @param head e.g. {@code else}
     * @return this
     */
    public JavaWriter reopen(String head) {
        depth--;
        line("} " + head + " {");
        depth++;
        return this;
    }

    /**
     * @param other code written by another writer at this writer's depth
     * @return this
     */
    public JavaWriter append(JavaWriter other) {
        out.append(other.out);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
