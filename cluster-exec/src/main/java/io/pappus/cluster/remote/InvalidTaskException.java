package io.pappus.cluster.remote;

/** A shipped pipeline or chunk that a member refuses to run, with the reason. */
public final class InvalidTaskException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public InvalidTaskException(String message) {
        super(message);
    }
}
