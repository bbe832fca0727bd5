package io.pappus.jvm.compile;

/**
 * Janino rejected generated source: always a code generator bug. The message carries the
 * numbered source so the line in Janino's message can be found.
 */
public final class JaninoRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String source;

    /**
     * @param message Janino's message
     * @param source  the generated source
     * @param cause   Janino's exception
     */
    public JaninoRejected(String message, String source, Throwable cause) {
        super("Janino rejected generated code: " + message + "\n" + NumberedSource.of(source), cause);
        this.source = source;
    }

    /** @return the generated source */
    public String source() {
        return source;
    }
}
