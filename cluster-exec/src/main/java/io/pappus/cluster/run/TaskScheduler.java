package io.pappus.cluster.run;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.spi.exception.RetryableException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.cluster.remote.TaskReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one wave of member tasks, one per index, each on the owner of its key's partition, and
 * gives back their replies in index order. A task whose member leaves is sent again to the
 * key's new owner; a task that runs much longer than the median of the tasks answered so far
 * (once a quarter of the wave has) is started once more on another member and the first answer wins (the other is cancelled); cancelling the job
 * cancels every outstanding task. Tasks must be idempotent: their ids name the wave, index
 * and attempt, and only the first answer per index counts.
 */
public final class TaskScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(TaskScheduler.class);

    /** The tasks of one wave. */
    public interface Tasks {
        /**
         * @param index  the task's position in the wave
         * @param taskId its id for this attempt: {@code wave:index#attempt}
         * @return the task
         */
        Callable<TaskReply> task(int index, String taskId);

        /** @param index a position @return the key whose partition owner should run it */
        Object key(int index);

        /**
         * @return whether a {@link ChunkResult.Missing} reply fails the wave (the default), or is
         *         returned for the caller to restore the data and run the wave again
         */
        default boolean missingFails() {
            return true;
        }
    }

    /**
     * What a wave gave.
     *
     * @param replies      one per index, in index order
     * @param retries      tasks sent again because their member left
     * @param speculations straggling tasks started again on another member
     */
    public record Wave(List<TaskReply> replies, int retries, int speculations) {
    }

    private final HazelcastInstance hz;
    private final Scheduling scheduling;
    private final Duration timeout;
    private final Consumer<TaskReply> progress;

    /**
     * @param hz         the entry point
     * @param scheduling speculation settings
     * @param timeout    the longest one wave may take, retries included
     * @param progress   told of each reply as it is taken
     */
    public TaskScheduler(HazelcastInstance hz, Scheduling scheduling, Duration timeout, Consumer<TaskReply> progress) {
        this.hz = hz;
        this.scheduling = scheduling;
        this.timeout = timeout;
        this.progress = progress;
    }

    private static final class Attempt {
        final Future<TaskReply> future;
        final Member member;

        Attempt(Future<TaskReply> future, Member member) {
            this.future = future;
            this.member = member;
        }
    }

    private static final class Slot {
        final List<Attempt> attempts = new ArrayList<>(2);
        TaskReply reply;
        int nextAttempt;
        long started;
        long retryAt;
        boolean speculated;
    }

    /**
     * @param wave  the wave's id (unique per run)
     * @param n     how many tasks
     * @param tasks makes them
     * @return the replies, all {@link ChunkResult.Done} or {@link ChunkResult.ElementFailed}
     * @throws CancellationException when the job was cancelled
     * @throws TaskRejectedException when a member refused a task
     * @throws ClusterJobException   when data was lost or the wave ran out of time
     */
    public Wave run(String wave, int n, Tasks tasks) {
        JobContext ctx = JobContext.current();
        ctx.checkNotCancelled();
        ctx.planned(n);
        IExecutorService executor = hz.getExecutorService(JobRunner.EXECUTOR);
        Semaphore signal = new Semaphore(0);
        Slot[] slots = new Slot[n];
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < n; i++) {
            slots[i] = new Slot();
            launch(ctx, executor, signal, wave, i, slots[i], tasks, null);
        }
        List<Long> durations = new ArrayList<>(n);
        int remaining = n;
        int retries = 0;
        int speculations = 0;
        try {
            while (remaining > 0) {
                ctx.checkNotCancelled();
                long now = System.nanoTime();
                if (now > deadline) {
                    throw new ClusterJobException("wave " + wave + " ran past its limit of " + timeout + " with "
                            + remaining + " of " + n + " tasks unanswered", null);
                }
                for (int i = 0; i < n; i++) {
                    Slot s = slots[i];
                    if (s.reply != null) {
                        continue;
                    }
                    retries += settle(ctx, wave, i, s, tasks.missingFails());
                    if (s.reply != null) {
                        remaining--;
                        durations.add(System.nanoTime() - s.started);
                    } else if (s.attempts.isEmpty() && System.nanoTime() >= s.retryAt) {
                        LOG.info("task {}:{}: its member left; sending attempt {} to the key's current owner",
                                wave, i, s.nextAttempt);
                        launch(ctx, executor, signal, wave, i, s, tasks, null);
                    }
                }
                if (remaining > 0 && scheduling.speculate()) {
                    speculations += speculate(ctx, executor, signal, wave, slots, tasks, durations);
                }
                if (remaining > 0) {
                    signal.tryAcquire(10, TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterJobException("interrupted waiting for wave " + wave, e);
        } finally {
            for (Slot s : slots) {
                for (Attempt a : s.attempts) {
                    JobContext.cancelQuietly(a.future);
                    ctx.settled(a.future);
                }
            }
        }
        List<TaskReply> replies = new ArrayList<>(n);
        for (Slot s : slots) {
            replies.add(s.reply);
        }
        return new Wave(replies, retries, speculations);
    }

    /** Takes the finished attempts of one slot; @return how many must be retried because their member left. */
    private int settle(JobContext ctx, String wave, int i, Slot s, boolean missingFails) {
        int retries = 0;
        for (Attempt a : List.copyOf(s.attempts)) {
            if (!a.future.isDone()) {
                continue;
            }
            s.attempts.remove(a);
            ctx.settled(a.future);
            try {
                TaskReply r = a.future.get();
                if (!r.taskId().startsWith(wave + ":" + i + "#")) {
                    throw new ClusterJobException("reply " + r.taskId() + " does not belong to task " + i
                            + " of wave " + wave, null);
                }
                progress.accept(r);
                s.reply = check(r, i, missingFails);
                ctx.answered();
                for (Attempt other : s.attempts) {
                    JobContext.cancelQuietly(other.future);  // the first answer wins
                    ctx.settled(other.future);
                }
                s.attempts.clear();
                return retries;
            } catch (ExecutionException e) {
                if (!retryable(e.getCause())) {
                    throw new ClusterJobException("task " + i + " of wave " + wave + " failed on the cluster: "
                            + e.getCause(), e.getCause());
                }
                retries++;
                long backoff = Math.min(500L, 20L << Math.min(s.nextAttempt, 5));
                s.retryAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff);
            } catch (CancellationException e) {
                ctx.checkNotCancelled();
                retries++;  // cancelled by Hazelcast, not by us: as a lost member
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterJobException("interrupted reading task " + i + " of wave " + wave, e);
            }
        }
        return retries;
    }

    private int speculate(JobContext ctx, IExecutorService executor, Semaphore signal, String wave, Slot[] slots,
                          Tasks tasks, List<Long> durations) {
        // a quarter of the wave answered gives the median: waiting for half would wait for the
        // straggler itself when the slow member owns half the tasks or more
        if (slots.length < 2 || durations.size() < Math.max(1, (slots.length + 3) / 4)) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(durations);
        sorted.sort(null);
        long median = sorted.get(sorted.size() / 2);
        long limit = Math.max(scheduling.stragglerMin().toNanos(), (long) (scheduling.stragglerFactor() * median));
        long now = System.nanoTime();
        int started = 0;
        for (int i = 0; i < slots.length; i++) {
            Slot s = slots[i];
            if (s.reply != null || s.speculated || s.attempts.size() != 1 || now - s.started < limit) {
                continue;
            }
            Member other = otherMember(s.attempts.get(0).member);
            if (other != null) {
                s.speculated = true;
                LOG.info("task {}:{} has run {} ms (median {} ms): starting a copy on {}", wave, i,
                        (now - s.started) / 1_000_000, median / 1_000_000, other.getAddress());
                launch(ctx, executor, signal, wave, i, s, tasks, other);
                started++;
            }
        }
        return started;
    }

    private Member otherMember(Member busy) {
        List<Member> others = new ArrayList<>();
        for (Member m : hz.getCluster().getMembers()) {
            if (!m.isLiteMember() && (busy == null || !m.getUuid().equals(busy.getUuid()))) {
                others.add(m);
            }
        }
        return others.isEmpty() ? null : others.get((int) (System.nanoTime() % others.size()));
    }

    private void launch(JobContext ctx, IExecutorService executor, Semaphore signal, String wave, int i, Slot s,
                        Tasks tasks, Member target) {
        String id = wave + ":" + i + "#" + s.nextAttempt++;
        Callable<TaskReply> task = tasks.task(i, id);
        Future<TaskReply> f;
        Member where = target;
        try {
            if (target != null) {
                f = executor.submitToMember(task, target);
            } else {
                Object key = tasks.key(i);
                where = hz.getPartitionService().getPartition(key).getOwner();
                f = executor.submitToKeyOwner(task, key);
            }
        } catch (RuntimeException e) {
            // The owner can be gone between the partition table's word and the send: retry like a lost reply.
            if (!retryable(e)) {
                throw e;
            }
            f = CompletableFuture.failedFuture(e);
        }
        if (target == null) {
            s.started = System.nanoTime();
        }
        if (f instanceof CompletionStage<?> cs) {
            cs.whenComplete((r, e) -> signal.release());
        }
        ctx.sent(f);
        s.attempts.add(new Attempt(f, where));
    }

    private static TaskReply check(TaskReply r, int i, boolean missingFails) {
        if (r.result() instanceof ChunkResult.Rejected rej) {
            throw new TaskRejectedException("member " + r.member() + " refused task " + r.taskId() + ": " + rej.reason());
        }
        if (r.result() instanceof ChunkResult.Missing && missingFails) {
            throw new ClusterJobException("task " + i + " (" + r.taskId() + ") found its data gone from the cluster:"
                    + " more members left than the maps keep backups", null);
        }
        return r;
    }

    /** Whether a failure says the member (or its connection) went away, not that the task is bad. */
    static boolean retryable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            // A client (ClusterEngine.join) sees a killed member as a closed connection.
            if (c instanceof RetryableException || c instanceof HazelcastInstanceNotActiveException
                    || c instanceof RejectedExecutionException || c instanceof TargetDisconnectedException) {
                return true;
            }
        }
        return false;
    }
}
