package io.pappus.cluster;

import io.pappus.cluster.worker.LocalWorkers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Worker processes for the *IT tests: the jar failsafe names, small JVMs, fallback off. */
final class TestWorkers {
    private TestWorkers() {
    }

    /** @return a fleet of workers on the JVM (none started yet); close it in {@code @AfterAll} */
    static LocalWorkers create() {
        return create(List.of(), List.of("--no-devices"));
    }

    /**
     * @param jvmArgs    more JVM flags for each worker
     * @param workerArgs more worker options
     * @return a fleet (none started yet); close it in {@code @AfterAll}
     */
    static LocalWorkers create(List<String> jvmArgs, List<String> workerArgs) {
        List<String> jvm = new ArrayList<>(Arrays.stream(System.getProperty("pappus.worker.jvmArgs", "").trim()
                .split("\\s+")).filter(s -> !s.isEmpty()).toList());
        // Small and quick: two cores run the test JVM and three workers.
        jvm.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dpappus.fallback=off"));
        jvm.addAll(jvmArgs);
        List<String> args = new ArrayList<>(List.of("--calibration-ms", "20"));
        args.addAll(workerArgs);
        return new LocalWorkers(Path.of(System.getProperty("pappus.worker.jar", "target/pappus-worker.jar")), jvm, args);
    }

    /** @return the settings a client of {@code workers} uses: their cluster name, small partitions */
    static ClusterSettings clientSettings(LocalWorkers workers) {
        return TestClusters.small().withClusterName(workers.clusterName());
    }

    /** @return a client joined to {@code n} workers started now */
    static ClusterEngine startAndJoin(LocalWorkers workers, int n) {
        List<String> addresses = workers.start(n).stream().map(LocalWorkers.Worker::address).toList();
        return ClusterEngine.join(clientSettings(workers), addresses.toArray(String[]::new));
    }
}
