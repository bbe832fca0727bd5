package io.pappus.cluster.plan;

import io.pappus.cluster.remote.PartialSpec;

/**
 * Where a query's terminal runs.
 *
 * @param partial the partial aggregate members compute, or {@code null} when the caller runs it
 * @param reason  why the caller runs it, or {@code null}
 */
public record TerminalPlacement(PartialSpec partial, String reason) {

    /** @param partial what members compute @return a placement on the members */
    static TerminalPlacement members(PartialSpec partial) {
        return new TerminalPlacement(partial, null);
    }

    /** @param reason why @return a placement on the caller */
    static TerminalPlacement caller(String reason) {
        return new TerminalPlacement(null, reason);
    }

    /** @return whether members compute partial aggregates */
    public boolean onMembers() {
        return partial != null;
    }
}
