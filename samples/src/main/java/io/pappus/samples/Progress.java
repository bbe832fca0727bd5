package io.pappus.samples;

import java.util.function.Supplier;

/**
 * A text progress bar on {@code System.err} that appears only once a task has run for two
 * seconds, so quick runs print nothing extra. Counted work ({@link #step()}) shows a bar; one long
 * query ({@link #during}) shows a spinner with the elapsed time.
 *
 * <pre>{@code
 * try (Progress p = Progress.start("k-means", maxIterations)) {
 *     for (int i = 0; i < maxIterations; i++) { ...; p.step(); }
 * }
 * }</pre>
 */
final class Progress implements AutoCloseable {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final int WIDTH = 30;

    private final String label;
    private final int total;
    private final long start = System.nanoTime();
    private final Thread ticker;
    private volatile int done;
    private boolean drawn;

    private Progress(String label, int total) {
        this.label = label;
        this.total = total;
        // One daemon thread redraws while a single long step runs, so the bar never looks stuck.
        this.ticker = new Thread(this::tick, "progress-" + label);
        ticker.setDaemon(true);
        ticker.start();
    }

    /**
     * @param label what is running
     * @param total how many steps; 0 when unknown (a spinner)
     * @return the bar, drawn from two seconds on; close it when the work ends
     */
    static Progress start(String label, int total) {
        return new Progress(label, total);
    }

    /**
     * Runs one long task with a spinner.
     *
     * @param label what is running
     * @param task  the task
     * @param <T>   its result type
     * @return its result
     */
    static <T> T during(String label, Supplier<T> task) {
        Progress spinner = start(label, 0);
        try {
            return task.get();
        } finally {
            spinner.close();
        }
    }

    /** Counts one step done. */
    void step() {
        done++;
        draw();
    }

    private void tick() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(250);
                draw();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void draw() {
        long elapsed = System.nanoTime() - start;
        if (elapsed < QUIET_NANOS) {
            return;
        }
        String bar;
        if (total > 0) {
            int filled = (int) ((long) WIDTH * Math.min(done, total) / total);
            bar = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total;
        } else {
            int at = (int) (elapsed / 250_000_000L % WIDTH);
            bar = "[" + " ".repeat(at) + "*" + " ".repeat(WIDTH - 1 - at) + "]";
        }
        System.err.printf("\r%s %s %.1f s ", bar, label, elapsed / 1e9);
        drawn = true;
    }

    /** Stops redrawing and ends the bar's line, if one was drawn. */
    @Override
    public void close() {
        ticker.interrupt();
        try {
            ticker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (drawn) {
                System.err.println();
            }
        }
    }
}
