package io.pappus.lift;

import io.pappus.ir.SourceRef;

/**
 * Thrown inside the lifter when a construct cannot be lifted; {@link LambdaLifter} turns it
 * into {@link LiftResult.Opaque}. Unchecked so the deep instruction switch stays readable.
 */
final class LiftException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SourceRef where;

    LiftException(String reason, SourceRef where) {
        super(reason, null, false, false);
        this.where = where;
    }

    /** @return the method and line of the construct, or {@code null} when the caller adds it */
    SourceRef where() {
        return where;
    }
}
