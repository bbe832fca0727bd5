package io.pappus.jvm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The compiler's first tier. The first compiled query of a process is slow (here ~0.4-0.5 s: the
 * lifter, ASM, the generator and Janino load their classes and run interpreted) where a new shape
 * in a warm process takes ~10 ms. So until the process has compiled once, a query over fewer than
 * {@value #DEFAULT_BELOW} input elements (system property {@code pappus.jvm.warmUpBelow}; 0 turns
 * this off) runs by reference, which over that many elements takes milliseconds; once it has
 * answered, one background thread lifts, generates and compiles that query's fragments (not
 * meanwhile: on few cores the compile would slow the query down). Every later query,
 * of any shape, finds the compiler warm (and that shape's classes cached). Larger inputs compile
 * in the foreground from the first query on, as a JIT would.
 */
final class WarmUp {
    /** The system property: while the compiler is cold, inputs with fewer elements run by reference. */
    static final String BELOW = JvmEngine.WARM_UP_BELOW;
    private static final long DEFAULT_BELOW = 1_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static volatile boolean warm;
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile CountDownLatch done = new CountDownLatch(1);

    private WarmUp() {
    }

    /**
     * @param elements the query's input elements
     * @return whether it should run by reference while the compiler warms up
     */
    static boolean runByReference(long elements) {
        return !warm && elements < Long.getLong(BELOW, DEFAULT_BELOW);
    }

    /** Records that a query compiled in the foreground: the compiler is warm. */
    static void compiled() {
        warm = true;
    }

    /**
     * Starts the warm-up on a background thread, once per process; later calls do nothing.
     *
     * @param compile lifts, generates and compiles one query's fragments
     */
    static void start(Runnable compile) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        CountDownLatch latch = done;
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                compile.run();
                LOG.info("compiler warm after {} ms in the background; queries compile from now on",
                        String.format("%.0f", (System.nanoTime() - t0) / 1e6));
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("background warm-up compile failed ({}); queries compile in the foreground", e.toString());
            } finally {
                warm = true;
                latch.countDown();
            }
        }, "pappus-jvm-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** @return a line for explain when a query runs by reference while the compiler warms up */
    static String explainLine(long elements) {
        return "runs by reference (the user's lambdas, in order) while the compiler warms up: the first compile of"
                + " a process takes ~0.5 s and " + elements + " input elements (below " + BELOW + "="
                + Long.getLong(BELOW, DEFAULT_BELOW) + ") run faster by reference; this query's fragments"
                + " compile in the background. Later queries run the plan below.";
    }

    /** Test seam: a cold compiler again. */
    static void resetForTest() {
        warm = false;
        STARTED.set(false);
        done = new CountDownLatch(1);
    }

    /** Test seam: waits for a started warm-up. */
    static boolean awaitForTest(long seconds) throws InterruptedException {
        return done.await(seconds, TimeUnit.SECONDS);
    }
}
