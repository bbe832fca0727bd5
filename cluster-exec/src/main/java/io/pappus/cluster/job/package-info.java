/**
 * Queries as asynchronous jobs, in the manner of M/s: {@link io.pappus.cluster.job.Job} with a
 * {@link io.pappus.cluster.job.JobState}, a {@link io.pappus.cluster.job.JobProgress} (member
 * tasks answered out of those sent), {@code get} and {@code cancel}; started with
 * {@code ClusterEngine.submit} and run on the engine's job threads
 * ({@link io.pappus.cluster.job.JobLauncher}).
 */
package io.pappus.cluster.job;
