/**
 * What travels to cluster members: pipelines as IR data ({@link io.pappus.cluster.remote.RemotePipeline}),
 * columnar chunks of the source ({@link io.pappus.cluster.remote.Chunk}), the task that runs one
 * pipeline over one chunk on its owner ({@link io.pappus.cluster.remote.ChunkTask}) and its
 * result ({@link io.pappus.cluster.remote.ChunkResult}). Nothing here refers to user classes:
 * the members' deserialisation allow-list admits this package, {@code io.pappus.ir} and JDK
 * basics only.
 */
package io.pappus.cluster.remote;
