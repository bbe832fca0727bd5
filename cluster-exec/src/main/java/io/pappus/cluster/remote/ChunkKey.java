package io.pappus.cluster.remote;

import java.io.Serializable;

/**
 * Where one chunk of one job's source lives in the chunk map. Hazelcast hashes the whole key,
 * so a job's chunks spread over the partitions, and so over the members.
 *
 * @param job   the job's id
 * @param index the chunk's position in the source (its partition order)
 */
public record ChunkKey(String job, int index) implements Serializable {
}
