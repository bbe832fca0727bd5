package io.pappus.cluster.remote;

import java.io.Serializable;

/**
 * A member's answer to one {@link ChunkTask}. The task id names the job, chunk and attempt:
 * the caller keeps the first reply per chunk, so a duplicate (a retry whose first attempt
 * did answer) is harmless.
 *
 * @param taskId the task's id
 * @param member the member that ran it
 * @param runner the member-side runner that evaluated it, e.g. {@code ir-interpreter}
 * @param result what it gave
 */
public record TaskReply(String taskId, String member, String runner, ChunkResult result) implements Serializable {
}
