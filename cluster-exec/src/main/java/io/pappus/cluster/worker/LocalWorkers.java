package io.pappus.cluster.worker;

import io.pappus.exec.SignalChaining;

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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Worker processes on this machine, for multi-process tests and benchmarks: each is
 * {@code java -jar pappus-worker.jar} run by the JVM in {@code java.home}, on loopback, its
 * output in a {@code workers/} folder beside the jar. The first starts a cluster of its own
 * name, the rest join a live one. {@link #close()} kills every process it started, and so does
 * a shutdown hook should this JVM end first.
 *
 * <pre>{@code
 * try (LocalWorkers workers = new LocalWorkers(Path.of("cluster-exec/target/pappus-worker.jar"), List.of("-Xmx1g"), List.of())) {
 *     List<LocalWorkers.Worker> three = workers.start(3);
 *     ClusterEngine c = ClusterEngine.join(ClusterSettings.defaults().withClusterName(workers.clusterName()), three.get(0).address());
 * }
 * }</pre>
 */
public final class LocalWorkers implements AutoCloseable {
    private static final long START_SECONDS = 90;

    /**
     * One started worker.
     *
     * @param id      its number, from 0, in start order
     * @param port    its port on 127.0.0.1
     * @param process the process
     */
    public record Worker(int id, int port, Process process) {
        /** @return {@code 127.0.0.1:port} */
        public String address() {
            return "127.0.0.1:" + port;
        }
    }

    private final String clusterName = "pappus-local-" + Long.toHexString(System.nanoTime());
    private final Path jar;
    private final Path logs;
    private final List<String> jvmArgs;
    private final List<String> workerArgs;
    private final List<Worker> all = new ArrayList<>();
    private final Thread hook = new Thread(this::killAll, "kill-worker-processes");
    private int next;

    /**
     * @param jar        the worker jar
     * @param jvmArgs    JVM flags for each worker, e.g. {@code -Xmx1g}
     * @param workerArgs extra worker options, e.g. {@code --jet}
     */
    public LocalWorkers(Path jar, List<String> jvmArgs, List<String> workerArgs) {
        this.jar = jar.toAbsolutePath();
        if (!Files.isRegularFile(this.jar)) {
            throw new IllegalStateException("no worker jar at " + this.jar + ": build it with mvn package"
                    + " (cluster-exec's *IT tests run in the verify phase, after the shade plugin)");
        }
        this.jvmArgs = List.copyOf(jvmArgs);
        this.workerArgs = List.copyOf(workerArgs);
        this.logs = this.jar.getParent().resolve("workers");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** @return the cluster name the workers share, unique to this object */
    public String clusterName() {
        return clusterName;
    }

    /**
     * @param n how many
     * @return the started workers, started one after the other (the first a new cluster when none is live)
     */
    public synchronized List<Worker> start(int n) {
        List<Worker> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(start());
        }
        return out;
    }

    /** @return a new worker that joined the live ones (or started the cluster), once it is up */
    public synchronized Worker start() {
        List<String> live = live().stream().map(Worker::address).toList();
        int id = next++;
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port), "--cluster-name", clusterName));
        cmd.addAll(workerArgs);
        if (!live.isEmpty()) {
            cmd.add("--join");
            cmd.add(String.join(",", live));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(logs.resolve("worker-" + id + ".err").toFile());
        // a worker with an in-process OpenCL compiler (PoCL) needs the JVM's signal chaining
        SignalChaining.library().ifPresent(jsig -> pb.environment().merge("LD_PRELOAD", jsig.toString(),
                (old, mine) -> old.contains(mine) ? old : old + ":" + mine));
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
    public synchronized List<Worker> live() {
        return all.stream().filter(w -> w.process().isAlive()).toList();
    }

    /** Kills a worker as {@code kill -9} does: no shutdown, no goodbye to the cluster. */
    public void kill(Worker w) {
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
