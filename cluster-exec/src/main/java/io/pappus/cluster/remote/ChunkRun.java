package io.pappus.cluster.remote;

import java.util.Objects;

/**
 * A {@link ChunkRunner}'s answer for one chunk: the result, and what evaluated it.
 *
 * @param result the result
 * @param on     the runner and device that produced it
 */
public record ChunkRun(ChunkResult result, RanOn on) {
    public ChunkRun {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(on, "on");
    }

    /** @return this run, with {@code why} in front of its note (a runner that handed the chunk on says why) */
    public ChunkRun because(String why) {
        return new ChunkRun(result, on.because(why));
    }
}
