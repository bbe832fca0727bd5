package io.pappus.cluster.job;

/**
 * How far a {@link Job} has got: member tasks (one per partition of each distributed step)
 * answered, out of those sent so far. The total grows as the job reaches later steps (a
 * shuffle's second wave, or a later query of the same job), so the fraction can fall.
 *
 * @param tasksDone  tasks answered
 * @param tasksTotal tasks sent (a retry or a speculative copy counts once, as its partition)
 */
public record JobProgress(long tasksDone, long tasksTotal) {

    /** @return {@code tasksDone / tasksTotal}, 0 before any task is sent */
    public double fraction() {
        return tasksTotal == 0 ? 0.0 : (double) tasksDone / tasksTotal;
    }

    @Override
    public String toString() {
        return tasksDone + "/" + tasksTotal + " tasks";
    }
}
