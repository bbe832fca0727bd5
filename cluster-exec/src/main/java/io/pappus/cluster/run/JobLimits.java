package io.pappus.cluster.run;

import java.time.Duration;

/**
 * How a job is cut and how long it may take.
 *
 * @param minChunkElements the fewest elements worth a chunk of their own
 * @param chunksPerMember  the most chunks per data member
 * @param timeout          the longest a job may run, retries included
 */
public record JobLimits(int minChunkElements, int chunksPerMember, Duration timeout) {
    public JobLimits {
        if (minChunkElements < 1 || chunksPerMember < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("job limits must be positive: " + minChunkElements + ", "
                    + chunksPerMember + ", " + timeout);
        }
    }
}
