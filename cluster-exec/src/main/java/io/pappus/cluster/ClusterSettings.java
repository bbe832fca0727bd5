package io.pappus.cluster;

import io.pappus.cluster.run.JobLimits;
import io.pappus.cluster.run.Scheduling;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ClusterEngine} connects and cuts its jobs. Immutable; start from
 * {@link #defaults()} and change what you need.
 *
 * <pre>{@code
 * ClusterSettings s = ClusterSettings.defaults().withClusterName("prices").withMinChunkElements(65_536);
 * try (ClusterEngine c = ClusterEngine.embedded(3, s)) { ... }
 * }</pre>
 *
 * <p>Members read one setting of their own, as a system property of the member's JVM (the
 * worker command's, or the caller's for embedded members), because it depends on the machine:
 * <ul>
 *   <li>{@code pappus.cluster.memberTarget} ({@link io.pappus.cluster.remote.MemberTarget}):
 *       {@code auto} (default: per shipped pipeline, the cost model picks the member's OpenCL
 *       device or its JVM), {@code jvm}, or {@code opencl} (every pipeline the device can run
 *       with Java's meaning). A member without an OpenCL device or without codegen-opencl runs
 *       everything on the JVM and says so once in its log; each reply names the runner and
 *       device that ran its chunk, and why not the device when it could not.</li>
 * </ul>
 *
 * @param clusterName      the Hazelcast cluster name; members of other clusters are never joined
 * @param bindAddress      the interface embedded members bind to; loopback unless you mean otherwise
 * @param backupCount      synchronous backups of each chunk (at least 1: a member may die mid-job)
 * @param minChunkElements the fewest source elements worth a partition of their own
 * @param chunksPerMember  the most partitions per data member in one job
 * @param partitionCount   Hazelcast partitions of an embedded cluster (fewer start and migrate faster)
 * @param jobTimeout       the longest one job may run, retries included
 * @param scheduling       admission control, job threads, stragglers and member throughputs
 * @param mapSideCombine   whether groupBy count, reduce and aggregate fold each source partition's
 *                         elements per key before the shuffle, so one partial per key and partition
 *                         crosses the network instead of every element (Spark's reduceByKey); the
 *                         partials are merged in partition order, so a reduce's function must be
 *                         associative, as the API asks, and floating-point folds may differ from
 *                         the sequential fold by rounding. {@code explain()} says which shuffles
 *                         combine. Default from system property {@value #COMBINE_PROPERTY}
 *                         ({@code on} or {@code off}) on the caller
 */
public record ClusterSettings(String clusterName, String bindAddress, int backupCount, int minChunkElements,
                              int chunksPerMember, int partitionCount, Duration jobTimeout, Scheduling scheduling,
                              boolean mapSideCombine) {
    /** System property: {@link #mapSideCombine()} of {@link #defaults()}, {@code on} (default) or {@code off}. */
    public static final String COMBINE_PROPERTY = "pappus.cluster.combine";

    public ClusterSettings {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(jobTimeout, "jobTimeout");
        Objects.requireNonNull(scheduling, "scheduling");
        if (backupCount < 1 || backupCount > 6) {
            throw new IllegalArgumentException("backupCount must be 1 to 6 (a member may die mid-job), was " + backupCount);
        }
        if (partitionCount < 1) {
            throw new IllegalArgumentException("partitionCount must be positive, was " + partitionCount);
        }
        limits(minChunkElements, chunksPerMember, jobTimeout);
    }

    /**
     * @return cluster {@code pappus} on 127.0.0.1, one backup, partitions of at least 4096 elements, 8 per
     *         member, map-side combining as {@value #COMBINE_PROPERTY} says (on unless {@code off})
     * @throws IllegalArgumentException naming the property when it is neither {@code on} nor {@code off}
     */
    public static ClusterSettings defaults() {
        return new ClusterSettings("pappus", "127.0.0.1", 1, 4096, 8, 71, Duration.ofMinutes(5), Scheduling.defaults(),
                combineProperty());
    }

    private static boolean combineProperty() {
        String v = System.getProperty(COMBINE_PROPERTY, "on").trim();
        if (v.equalsIgnoreCase("on") || v.equalsIgnoreCase("off")) {
            return v.equalsIgnoreCase("on");
        }
        throw new IllegalArgumentException(COMBINE_PROPERTY + " must be on or off, was '" + v + "'");
    }

    /** @param name the cluster name @return these settings with that name */
    public ClusterSettings withClusterName(String name) {
        return new ClusterSettings(name, bindAddress, backupCount, minChunkElements, chunksPerMember,
                partitionCount, jobTimeout, scheduling, mapSideCombine);
    }

    /** @param address the interface to bind embedded members to @return these settings with it */
    public ClusterSettings withBindAddress(String address) {
        return new ClusterSettings(clusterName, address, backupCount, minChunkElements, chunksPerMember,
                partitionCount, jobTimeout, scheduling, mapSideCombine);
    }

    /** @param n synchronous backups per chunk @return these settings with that many */
    public ClusterSettings withBackupCount(int n) {
        return new ClusterSettings(clusterName, bindAddress, n, minChunkElements, chunksPerMember,
                partitionCount, jobTimeout, scheduling, mapSideCombine);
    }

    /** @param n the fewest elements per partition @return these settings with it */
    public ClusterSettings withMinChunkElements(int n) {
        return new ClusterSettings(clusterName, bindAddress, backupCount, n, chunksPerMember,
                partitionCount, jobTimeout, scheduling, mapSideCombine);
    }

    /** @param n the most partitions per member per job @return these settings with it */
    public ClusterSettings withChunksPerMember(int n) {
        return new ClusterSettings(clusterName, bindAddress, backupCount, minChunkElements, n,
                partitionCount, jobTimeout, scheduling, mapSideCombine);
    }

    /** @param t the longest a job may run @return these settings with it */
    public ClusterSettings withJobTimeout(Duration t) {
        return new ClusterSettings(clusterName, bindAddress, backupCount, minChunkElements, chunksPerMember,
                partitionCount, t, scheduling, mapSideCombine);
    }

    /** @param s how to schedule work @return these settings with it */
    public ClusterSettings withScheduling(Scheduling s) {
        return new ClusterSettings(clusterName, bindAddress, backupCount, minChunkElements, chunksPerMember,
                partitionCount, jobTimeout, s, mapSideCombine);
    }

    /** @param on whether groupBy shuffles combine on the map side @return these settings with it */
    public ClusterSettings withMapSideCombine(boolean on) {
        return new ClusterSettings(clusterName, bindAddress, backupCount, minChunkElements, chunksPerMember,
                partitionCount, jobTimeout, scheduling, on);
    }

    /** @return the job limits these settings imply */
    public JobLimits jobLimits() {
        return limits(minChunkElements, chunksPerMember, jobTimeout);
    }

    private static JobLimits limits(int minChunkElements, int chunksPerMember, Duration timeout) {
        return new JobLimits(minChunkElements, chunksPerMember, timeout);
    }
}
