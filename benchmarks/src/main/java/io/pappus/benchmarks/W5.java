package io.pappus.benchmarks;

import io.pappus.api.DataSet;
import io.pappus.cluster.ClusterEngine;
import io.pappus.cluster.ClusterSettings;
import io.pappus.cluster.worker.LocalWorkers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * W5: {@code map(x -> x * 1.2).filter(x -> x > 10).sum} over {@code n} doubles held by the
 * caller, on 1, 2, ... member JVMs on this machine (worker processes, the caller a client), by
 * Pappus and by a Hazelcast Jet pipeline on the same members; a plain loop in the caller is
 * the floor. Both cluster variants include moving the data into the cluster. On one machine
 * every member shares its cores, so this measures overhead, not scaling.
 */
final class W5 {
    private W5() {
    }

    static List<Row> run(int n, int members, int reps) throws Exception {
        double[] xs = new Random(5).doubles(n, 0, 20).toArray();
        String size = n + " doubles";
        List<Row> rows = new ArrayList<>(Measure.group("caller", size,
                List.of(Variant.anchor("plain loop in the caller, 1 thread", () -> loop(xs))), W5::digest, 0, reps));
        Path jar = workerJar();
        if (jar == null) {
            for (int m = 1; m <= members; m++) {
                String why = "no pappus-worker.jar: run mvn package first (or -Dpappus.worker.jar=...)";
                rows.add(new Row(m + " members", "Hazelcast Jet pipeline", true, size, Double.NaN, Double.NaN, why));
                rows.add(new Row(m + " members", "Pappus cluster", false, size, Double.NaN, Double.NaN, why));
            }
            return rows;
        }
        try (LocalWorkers workers = new LocalWorkers(jar, List.of("-Xmx768m", "-XX:+UseParallelGC"),
                List.of("--jet", "io.pappus.benchmarks", "--calibration-ms", "100"));
             Clients clients = new Clients()) {
            for (int m = 1; m <= members; m++) {
                LocalWorkers.Worker w = workers.start();
                ClusterEngine c = clients.join(workers.clusterName(), w.address(), m);
                int chunks = m * 8;
                System.out.printf("  W5 on %d member JVM%s%n", m, m == 1 ? "" : "s");
                rows.addAll(Measure.group(m + (m == 1 ? " member" : " members"), size, List.of(
                        Variant.anchor("Hazelcast Jet pipeline (IMap source, per element)",
                                () -> W5Jet.sum(c.entryPoint(), xs, chunks)),
                        Variant.pappus("Pappus cluster (IR shipped, compiled on members)", () -> DataSet.from(xs)
                                .on(c).map(x -> x * 1.2).filter(x -> x > 10.0).sum(x -> x))),
                        W5::digest, 1e-9, reps));
            }
        }
        return rows;
    }

    private static double loop(double[] xs) {
        double s = 0;
        for (double x : xs) {
            double y = x * 1.2;
            if (y > 10.0) {
                s += y;
            }
        }
        return s;
    }

    private static double[] digest(Object answer) {
        return new double[] {(Double) answer};
    }

    /** @return the worker jar: {@code -Dpappus.worker.jar}, else cluster-exec's build output from the root or a module */
    static Path workerJar() {
        String set = System.getProperty("pappus.worker.jar");
        if (set != null) {
            return Path.of(set);
        }
        for (String p : List.of("cluster-exec/target/pappus-worker.jar", "../cluster-exec/target/pappus-worker.jar")) {
            if (Files.isRegularFile(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    /** The client of the growing cluster, joined once and closed at the end. */
    private static final class Clients implements AutoCloseable {
        private ClusterEngine client;

        ClusterEngine join(String clusterName, String address, int members) throws InterruptedException {
            if (client == null) {
                client = ClusterEngine.join(ClusterSettings.defaults().withClusterName(clusterName)
                        .withMinChunkElements(1 << 16), address);
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (client.entryPoint().getCluster().getMembers().size() < members) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the client sees " + client.entryPoint().getCluster().getMembers());
                }
                Thread.sleep(20);
            }
            return client;
        }

        @Override
        public void close() {
            if (client != null) {
                client.close();
            }
        }
    }
}
