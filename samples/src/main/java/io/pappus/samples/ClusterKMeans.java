package io.pappus.samples;

import io.pappus.api.DataSet;
import io.pappus.cluster.ClusterEngine;

import java.util.List;
import java.util.Set;

/**
 * The same k-means as {@link KMeans}, on a cluster: two Hazelcast members started in this JVM.
 * Nothing in the algorithm changes; the engine does. Each iteration's query ships the lifted
 * lambdas (with the captured centroids) to the members as IR, and the answer is checked
 * against plain Java as in the local sample. On real machines, start members with the worker
 * command and use {@code ClusterEngine.join("host:5701")} instead of {@code embedded(2)}.
 *
 * <pre>
 * java io.pappus.samples.ClusterKMeans --points=200000 --k=8 --explain
 * </pre>
 */
public final class ClusterKMeans {
    private ClusterKMeans() {
    }

    /**
     * Starts a 2-member embedded cluster, runs k-means on it, and shuts it down.
     *
     * @return the outcome, checked against plain Java; its time includes starting the cluster
     */
    static Outcome run(int n, int k, int maxIterations) {
        quietHazelcast();
        long t0 = System.nanoTime();
        try (ClusterEngine cluster = ClusterEngine.embedded(2)) {
            double startMillis = Outcome.millisSince(t0);
            Outcome o = KMeans.run(n, k, maxIterations, cluster);
            return new Outcome("k-means on a 2-member cluster (" + n + " points, k=" + k + ")",
                    o.result() + String.format("; cluster start %.0f ms", startMillis), o.matches(),
                    Outcome.millisSince(t0), o.plainMillis());
        }
    }

    /** Hazelcast logs every membership step at info; a sample shows only its warnings. */
    private static void quietHazelcast() {
        String key = "org.slf4j.simpleLogger.log.com.hazelcast";
        System.setProperty(key, System.getProperty(key, "warn"));
    }

    /**
     * @param args {@code --points=N} (default 20,000), {@code --k=K} (default 4),
     *             {@code --iterations=I} (at most; default 20), {@code --explain}
     */
    public static void main(String[] args) {
        Flags flags = Flags.parse(args, Set.of("points", "k", "iterations"));
        int n = flags.intValue("points", 20_000);
        int k = flags.intValue("k", 4);
        run(n, k, flags.intValue("iterations", 20)).print(System.out);
        if (flags.explain()) {
            List<KMeans.Point> points = KMeans.blobs(n, k, 7).first();
            try (ClusterEngine cluster = ClusterEngine.embedded(2)) {
                System.out.println(KMeans.clusterSums(DataSet.from(points).on(cluster).cache(),
                        KMeans.farthestFirst(points, k)).explain());
            }
        }
    }
}
