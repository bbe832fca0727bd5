package io.pappus.cluster.remote;

import java.io.Serializable;

/**
 * A member's answer to one {@link ChunkTask}. The task id names the job, chunk and attempt:
 * the caller keeps the first reply per chunk, so a duplicate (a retry whose first attempt
 * did answer) is harmless.
 *
 * @param taskId the task's id
 * @param member the member that ran it
 * @param on     the member-side runner and device that evaluated it; for a refused or missing
 *               chunk, the member's runner with no device
 * @param result what it gave
 */
public record TaskReply(String taskId, String member, RanOn on, ChunkResult result) implements Serializable {

    /** @return the runner that evaluated the chunk, e.g. {@code opencl} */
    public String runner() {
        return on.runner();
    }
}
