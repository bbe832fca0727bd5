package io.pappus.cluster.run;

/**
 * A lambda threw on a member in a query with shuffles. The engine re-runs the query on the
 * reference engine, which throws exactly Java's exception for the first failing element
 * (which element is first depends on the whole query, not on one partition).
 */
public final class RemoteElementFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the member, the exception class and its message */
    public RemoteElementFailure(String message) {
        super(message);
    }
}
