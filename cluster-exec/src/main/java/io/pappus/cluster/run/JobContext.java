package io.pappus.cluster.run;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the {@link JobRunner} knows of the job it works for: the count of tasks sent and
 * answered (the job's progress), the member tasks still outstanding, and whether the job was
 * cancelled. A query run outside a job gets a fresh context of its own. The job's thread
 * installs its context with {@link #runAs}; every distributed step of every query the job
 * runs reports to it.
 */
public final class JobContext {
    private static final ThreadLocal<JobContext> CURRENT = new ThreadLocal<>();

    private final AtomicLong total = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Set<Future<?>> outstanding = ConcurrentHashMap.newKeySet();

    /** @return the context of the job running on this thread, or a fresh one for a plain query */
    public static JobContext current() {
        JobContext c = CURRENT.get();
        return c != null ? c : new JobContext();
    }

    /**
     * Runs {@code body} with this context installed on the current thread.
     *
     * @param body the job's work
     */
    public void runAs(Runnable body) {
        JobContext before = CURRENT.get();
        CURRENT.set(this);
        try {
            body.run();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** @return member tasks sent so far (a retry or a speculative copy counts as its chunk, once) */
    public long total() {
        return total.get();
    }

    /** @return member tasks answered so far */
    public long done() {
        return done.get();
    }

    /** @return whether the job was cancelled */
    public boolean cancelled() {
        return cancelled.get();
    }

    /** Stops the job: outstanding member tasks are cancelled (queued ones never start) and waits end. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            for (Future<?> f : outstanding) {
                f.cancel(true);
            }
        }
    }

    /** @throws CancellationException when the job was cancelled */
    public void checkNotCancelled() {
        if (cancelled.get()) {
            throw new CancellationException("the job was cancelled");
        }
    }

    void planned(int tasks) {
        total.addAndGet(tasks);
    }

    void answered() {
        done.incrementAndGet();
    }

    void sent(Future<?> f) {
        outstanding.add(f);
        if (cancelled.get()) {
            f.cancel(true);
        }
    }

    void settled(Future<?> f) {
        outstanding.remove(f);
    }
}
