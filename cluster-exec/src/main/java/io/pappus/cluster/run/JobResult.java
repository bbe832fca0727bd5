package io.pappus.cluster.run;

import io.pappus.cluster.remote.ChunkResult;

import java.util.List;

/**
 * The members' answers to one job, one per chunk in partition order (the first answer per
 * chunk; a duplicate from a retry is dropped).
 *
 * @param results  each chunk's result: {@link ChunkResult.Done} or {@link ChunkResult.ElementFailed}
 * @param retries  how many tasks were sent again because their member left
 * @param members  the members that answered, in chunk order
 */
public record JobResult(List<ChunkResult> results, int retries, List<String> members) {
    public JobResult {
        results = List.copyOf(results);
        members = List.copyOf(members);
    }
}
