package io.pappus.cluster.job;

import io.pappus.cluster.run.JobContext;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs jobs on a fixed number of caller-side threads (daemons, so a forgotten engine does not
 * keep the JVM alive); jobs beyond that wait in state {@link JobState#QUEUED}. Each job's
 * thread carries the job's {@link JobContext}, so the queries it runs report progress to it
 * and stop when it is cancelled.
 */
public final class JobLauncher implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();

    private final ExecutorService threads;
    private final Set<Job<?>> live = ConcurrentHashMap.newKeySet();

    /**
     * @param threads how many jobs run at once
     * @param name    a prefix for the threads' names
     */
    public JobLauncher(int threads, String name) {
        AtomicLong n = new AtomicLong();
        this.threads = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param body the job's work, run on a job thread
     * @param <T>  its result type
     * @return the job, queued
     */
    public <T> Job<T> launch(Supplier<T> body) {
        ClusterJob<T> job = new ClusterJob<>("job-" + IDS.incrementAndGet());
        live.add(job);
        job.result.whenComplete((r, e) -> live.remove(job));
        try {
            threads.execute(job.runner(body));
        } catch (RejectedExecutionException e) {
            job.cancel();  // the engine is closed
        }
        return job;
    }

    /** Cancels every job that has not finished (so no {@code get()} waits forever) and stops the threads. */
    @Override
    public void close() {
        for (Job<?> j : live) {
            j.cancel();
        }
        threads.shutdownNow();
    }

    private static final class ClusterJob<T> implements Job<T> {
        private final String id;
        private final JobContext context = new JobContext();
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private volatile boolean started;

        ClusterJob(String id) {
            this.id = id;
        }

        Runnable runner(Supplier<T> body) {
            return () -> {
                if (result.isDone()) {
                    return;  // cancelled while queued
                }
                started = true;
                context.runAs(() -> {
                    try {
                        result.complete(body.get());
                    } catch (RuntimeException | Error e) {
                        result.completeExceptionally(e);
                    }
                });
            };
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public JobState state() {
            if (result.isCancelled()) {
                return JobState.CANCELLED;
            } else if (result.isCompletedExceptionally()) {
                return JobState.FAILED;
            } else if (result.isDone()) {
                return JobState.SUCCEEDED;
            }
            return started ? JobState.RUNNING : JobState.QUEUED;
        }

        @Override
        public JobProgress progress() {
            return new JobProgress(context.done(), context.total());
        }

        @Override
        public T get() throws ExecutionException, InterruptedException {
            return result.get();
        }

        @Override
        public T get(Duration timeout) throws ExecutionException, InterruptedException, TimeoutException {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public boolean cancel() {
            // true only for the call that cancels: CompletableFuture.cancel also says true when already cancelled
            boolean now = result.completeExceptionally(new CancellationException(id + " was cancelled"));
            if (now) {
                context.cancel();
            }
            return now;
        }

        @Override
        public String toString() {
            return id + "[" + state() + ", " + progress() + "]";
        }
    }
}
