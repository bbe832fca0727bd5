package io.pappus.cluster.job;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A query (or several) running asynchronously on a cluster, as M/s jobs: it has a state, a
 * progress, a result to wait for, and can be cancelled, which stops its outstanding member
 * tasks. Get one from {@code ClusterEngine.submit}.
 *
 * <pre>{@code
 * Job<Double> job = cluster.submit(DataSet.from(prices), ds -> ds.map(p -> p * 1.2).sum(p -> p));
 * while (!job.state().isFinal()) {
 *     log.info("{}: {}", job.state(), job.progress());
 *     Thread.sleep(100);
 * }
 * double total = job.get();
 * }</pre>
 *
 * @param <T> the result type
 */
public interface Job<T> {

    /** @return the job's id, unique in this JVM, e.g. {@code job-7} */
    String id();

    /** @return where the job is now */
    JobState state();

    /** @return member tasks answered out of those sent so far */
    JobProgress progress();

    /**
     * Waits for the result.
     *
     * @return the result
     * @throws ExecutionException    when the job failed; the cause is what the query threw
     * @throws CancellationException when the job was cancelled
     * @throws InterruptedException  when this thread was interrupted while waiting
     */
    T get() throws ExecutionException, InterruptedException;

    /**
     * Waits at most {@code timeout} for the result.
     *
     * @param timeout how long to wait
     * @return the result
     * @throws ExecutionException    when the job failed; the cause is what the query threw
     * @throws CancellationException when the job was cancelled
     * @throws TimeoutException      when the job has not finished in time (it keeps running)
     * @throws InterruptedException  when this thread was interrupted while waiting
     */
    T get(Duration timeout) throws ExecutionException, InterruptedException, TimeoutException;

    /**
     * Cancels the job: a queued job never starts; a running one has its outstanding member
     * tasks cancelled (queued ones never run, running ones are interrupted) and sends no more.
     *
     * @return whether this call cancelled it (false when it had already finished)
     */
    boolean cancel();
}
