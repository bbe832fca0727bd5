package io.pappus.cluster.run;

/** Source data that cannot be put in IR form (e.g. {@code Pair}s whose components differ in type): the caller reads it. */
public final class NotShippableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what could not be shipped */
    public NotShippableException(String message) {
        super(message, null, false, false);
    }
}
