package io.pappus.cluster.job;

/** Where a {@link Job} is in its life; the last three are final. */
public enum JobState {
    /** Submitted, waiting for one of the caller's job threads. */
    QUEUED,
    /** Running: its tasks are on the members, or its caller-side part runs. */
    RUNNING,
    /** Finished with a result. */
    SUCCEEDED,
    /** Finished with an exception, which {@link Job#get()} throws (wrapped). */
    FAILED,
    /** Cancelled before it finished; its outstanding member tasks were cancelled too. */
    CANCELLED;

    /** @return whether the job can change state no more */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
