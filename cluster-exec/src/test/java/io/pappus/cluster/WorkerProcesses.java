package io.pappus.cluster;

import io.pappus.cluster.worker.WorkerCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Worker processes for multi-process tests: each is {@code java -jar pappus-worker.jar} with
 * the JVM from {@code java.home}, its output in {@code target/workers/}. The first starts the
 * cluster, the rest join a live one. {@link #close()} kills every process it started (and a
 * shutdown hook does, should the test JVM end first).
 */
final class WorkerProcesses implements AutoCloseable {
    private static final long START_SECONDS = 90;

    /** One started worker. */
    record Worker(int id, int port, Process process) {
        String address() {
            return "127.0.0.1:" + port;
        }
    }

    private final String clusterName = "pappus-it-" + Long.toHexString(System.nanoTime());
    private final Path jar;
    private final Path logs;
    private final List<Worker> all = new ArrayList<>();
    private final Thread hook = new Thread(this::killAll, "kill-worker-processes");
    private int next;

    WorkerProcesses() {
        String path = System.getProperty("pappus.worker.jar", "target/pappus-worker.jar");
        this.jar = Path.of(path).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no worker jar at " + jar + ": build it with mvn package (the *IT tests"
                    + " run in the verify phase, after the shade plugin)");
        }
        this.logs = jar.getParent().resolve("workers");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(hook);
    }

    String clusterName() {
        return clusterName;
    }

    /** @return the settings a client of these workers uses: their cluster name, small partitions */
    ClusterSettings clientSettings() {
        return TestClusters.small().withClusterName(clusterName);
    }

    /** Starts {@code n} workers, one after the other, the first one a new cluster. */
    synchronized List<Worker> start(int n) {
        List<Worker> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(start());
        }
        return out;
    }

    /** Starts one worker that joins a live one (or starts the cluster); returns once it is up. */
    synchronized Worker start() {
        List<String> live = live().stream().map(Worker::address).toList();
        int id = next++;
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String flags = System.getProperty("pappus.worker.jvmArgs", "");
        cmd.addAll(Arrays.stream(flags.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        // Small and quick: two cores run the test JVM and three workers.
        cmd.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dpappus.fallback=off",
                "-jar", jar.toString(), "--port", Integer.toString(port), "--cluster-name", clusterName,
                "--calibration-ms", "20"));
        if (!live.isEmpty()) {
            cmd.add("--join");
            cmd.add(String.join(",", live));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(logs.resolve("worker-" + id + ".err").toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd, e);
        }
        Worker w = new Worker(id, port, p);
        all.add(w);
        awaitReady(w);
        return w;
    }

    private void awaitReady(Worker w) {
        CompletableFuture<String> ready = new CompletableFuture<>();
        Path out = logs.resolve("worker-" + w.id() + ".out");
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(w.process().getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Files.writeString(out, line + System.lineSeparator(), StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    if (line.startsWith(WorkerCommand.READY)) {
                        ready.complete(line);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("worker " + w.id() + " ended before it was ready"));
        }, "worker-" + w.id() + "-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted starting worker " + w.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            w.process().destroyForcibly();
            throw new IllegalStateException("worker " + w.id() + " did not start: " + e + "; its log: " + tail(w), e);
        }
    }

    private String tail(Worker w) {
        try {
            List<String> lines = Files.readAllLines(logs.resolve("worker-" + w.id() + ".err"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** @return the workers still running */
    synchronized List<Worker> live() {
        return all.stream().filter(w -> w.process().isAlive()).toList();
    }

    /** Kills a worker as {@code kill -9} does: no shutdown, no goodbye to the cluster. */
    void kill(Worker w) {
        w.process().destroyForcibly();
    }

    private synchronized void killAll() {
        for (Worker w : all) {
            w.process().descendants().forEach(ProcessHandle::destroyForcibly);
            w.process().destroyForcibly();
        }
        for (Worker w : all) {
            try {
                w.process().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and the hook is running: nothing to remove
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
