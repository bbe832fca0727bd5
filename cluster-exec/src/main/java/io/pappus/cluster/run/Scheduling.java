package io.pappus.cluster.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a cluster schedules work: admission control on each member, caller-side job threads,
 * eager re-execution of stragglers, and the advertised speed of embedded members.
 *
 * <pre>{@code
 * Scheduling s = Scheduling.defaults().withTasksPerMember(2).withSpeculation(false);
 * }</pre>
 *
 * @param tasksPerMember  the most tasks one member runs at once; the rest wait in its queue
 *                        (MOSIX's flood control: many jobs slow down, none collapses a member)
 * @param jobThreads      jobs submitted with {@code submit} that run at once on the caller; later
 *                        ones wait, in state {@code QUEUED}
 * @param speculate       whether a straggling task is started again on another member, the first
 *                        answer winning (CX's eager scheduling)
 * @param stragglerFactor a task is a straggler when it has run this many times longer than the
 *                        median of its job's finished tasks
 * @param stragglerMin    and at least this long
 * @param throughputs     the advertised throughput ({@code pappus.throughput}) of each embedded
 *                        member, in start order; members past the list advertise 1.0
 */
public record Scheduling(int tasksPerMember, int jobThreads, boolean speculate, double stragglerFactor,
                         Duration stragglerMin, List<Double> throughputs) {
    /** The member attribute that advertises a member's relative speed. */
    public static final String THROUGHPUT_ATTRIBUTE = "pappus.throughput";

    public Scheduling {
        Objects.requireNonNull(stragglerMin, "stragglerMin");
        throughputs = List.copyOf(throughputs);
        if (tasksPerMember < 1 || jobThreads < 1) {
            throw new IllegalArgumentException("tasksPerMember and jobThreads must be positive, were "
                    + tasksPerMember + " and " + jobThreads);
        }
        if (!(stragglerFactor > 1.0)) {
            throw new IllegalArgumentException("stragglerFactor must be above 1, was " + stragglerFactor);
        }
        for (double t : throughputs) {
            if (!(t > 0.0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("a throughput must be positive and finite, was " + t);
            }
        }
    }

    /** @return 4 tasks per member, 8 job threads, speculation on at 4x the median and 250 ms, throughput 1.0 */
    public static Scheduling defaults() {
        return new Scheduling(4, 8, true, 4.0, Duration.ofMillis(250), List.of());
    }

    /** @param n the most tasks a member runs at once @return these settings with it */
    public Scheduling withTasksPerMember(int n) {
        return new Scheduling(n, jobThreads, speculate, stragglerFactor, stragglerMin, throughputs);
    }

    /** @param n jobs that run at once on the caller @return these settings with it */
    public Scheduling withJobThreads(int n) {
        return new Scheduling(tasksPerMember, n, speculate, stragglerFactor, stragglerMin, throughputs);
    }

    /** @param on whether stragglers are started again elsewhere @return these settings with it */
    public Scheduling withSpeculation(boolean on) {
        return new Scheduling(tasksPerMember, jobThreads, on, stragglerFactor, stragglerMin, throughputs);
    }

    /**
     * @param factor how many times the median a straggler has run
     * @param min    and at least how long
     * @return these settings with them
     */
    public Scheduling withStragglers(double factor, Duration min) {
        return new Scheduling(tasksPerMember, jobThreads, speculate, factor, min, throughputs);
    }

    /** @param t each embedded member's advertised throughput, in start order @return these settings with them */
    public Scheduling withThroughputs(List<Double> t) {
        return new Scheduling(tasksPerMember, jobThreads, speculate, stragglerFactor, stragglerMin, t);
    }

    /** @param member an embedded member's index @return its advertised throughput */
    public double throughput(int member) {
        return member < throughputs.size() ? throughputs.get(member) : 1.0;
    }
}
