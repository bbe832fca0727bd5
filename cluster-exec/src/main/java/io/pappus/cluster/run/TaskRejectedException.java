package io.pappus.cluster.run;

/** A member refused a task because its IR or data failed validation; the member itself is unharmed. */
public final class TaskRejectedException extends ClusterJobException {
    private static final long serialVersionUID = 1L;

    /** @param message which task, which member, and why */
    public TaskRejectedException(String message) {
        super(message, null);
    }
}
