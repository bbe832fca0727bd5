package io.pappus.opencl.codegen;

/**
 * Builds C source line by line with indentation: {@link #open} after a line ending in
 * {@code {}, {@link #close} before the matching {@code }}.
 *
 * <pre>{@code
 * SourceWriter w = new SourceWriter();
 * w.open("int f(int x) {").line("return x;").close("}");
 * }</pre>
 */
public final class SourceWriter {
    private final StringBuilder out = new StringBuilder();
    private int depth;

    /**
     * @param text one line (no newline)
     * @return this
     */
    public SourceWriter line(String text) {
        if (!text.isEmpty()) {
            out.append("    ".repeat(depth)).append(text);
        }
        out.append('\n');
        return this;
    }

    /**
     * Writes a line and indents what follows.
     *
     * @param text a line that opens a block
     * @return this
     */
    public SourceWriter open(String text) {
        line(text);
        depth++;
        return this;
    }

    /**
     * Outdents, then writes a line.
     *
     * @param text a line that closes a block
     * @return this
     */
    public SourceWriter close(String text) {
        depth--;
        return line(text);
    }

    /**
     * Writes a line one level out and keeps the indentation, as for {@code } else {}.
     *
     * @param text the line
     * @return this
     */
    public SourceWriter middle(String text) {
        depth--;
        line(text);
        depth++;
        return this;
    }

    /**
     * Writes a label one level out, as C code reads best.
     *
     * @param label the label
     * @return this
     */
    public SourceWriter label(String label) {
        depth--;
        line(label + ": ;");
        depth++;
        return this;
    }

    /**
     * Appends text written elsewhere (already indented and newline-terminated).
     *
     * @param text source text
     * @return this
     */
    public SourceWriter raw(String text) {
        out.append(text);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
