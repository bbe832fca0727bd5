package io.pappus.cluster.run;

/**
 * A job failed for a reason of the cluster, not of the data: a member refused a task, data
 * was lost because more members left than the map keeps backups, or the job ran out of time.
 */
public class ClusterJobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and where
     * @param cause   the underlying failure, or {@code null}
     */
    public ClusterJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
