package io.pappus.cluster.remote;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the Pappus tasks each member in this JVM is running, with the peak since the last
 * reset, so a test can check admission control on the members themselves; and holds the test
 * hook that makes one member slow. Members are named by their address, as in {@link TaskReply}.
 */
public final class MemberLoad {
    private static final Map<String, AtomicInteger> RUNNING = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> PEAK = new ConcurrentHashMap<>();
    private static final Map<String, Long> DELAY_MILLIS = new ConcurrentHashMap<>();

    private MemberLoad() {
    }

    /**
     * A task starts on {@code member}; pauses first if a test slowed the member down.
     *
     * @param member the member's address
     */
    public static void enter(String member) {
        int now = RUNNING.computeIfAbsent(member, m -> new AtomicInteger()).incrementAndGet();
        PEAK.computeIfAbsent(member, m -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        Long delay = DELAY_MILLIS.get(member);
        if (delay != null) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();  // cancelled: the task's result is dropped anyway
            }
        }
    }

    /** @param member the member whose task ended */
    public static void exit(String member) {
        RUNNING.get(member).decrementAndGet();
    }

    /** @param member a member's address @return how many tasks it is running now */
    public static int running(String member) {
        AtomicInteger r = RUNNING.get(member);
        return r == null ? 0 : r.get();
    }

    /** @param member a member's address @return the most tasks it ran at once since {@link #resetPeaks()} */
    public static int peak(String member) {
        AtomicInteger p = PEAK.get(member);
        return p == null ? 0 : p.get();
    }

    /** Forgets the peaks. */
    public static void resetPeaks() {
        PEAK.clear();
    }

    /**
     * Test hook: every task on {@code member} in this JVM first sleeps {@code millis}.
     *
     * @param member a member's address
     * @param millis the pause; 0 removes it
     */
    public static void slowDown(String member, long millis) {
        if (millis <= 0) {
            DELAY_MILLIS.remove(member);
        } else {
            DELAY_MILLIS.put(member, millis);
        }
    }
}
