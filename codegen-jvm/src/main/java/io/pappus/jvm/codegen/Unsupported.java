package io.pappus.jvm.codegen;

/**
 * Thrown while generating code for a lambda whose IR this backend does not translate yet; the
 * generator then calls the original lambda object instead (boxing only at that call).
 */
public final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param what what could not be translated */
    public Unsupported(String what) {
        super(what, null, false, false);
    }
}
