package io.pappus.benchmarks;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.jvm.JvmEngine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The first compiled query of a fresh JVM (lift, plan, generate, Janino, all cold): W6's query
 * with {@code pappus.jvm.compileFrom=0}, so the 64 elements compile instead of running by
 * reference. Run in a child process, since a process has one first query.
 */
public final class ColdFirst {
    private ColdFirst() {
    }

    /** Prints the milliseconds of the first query. */
    public static void main(String[] args) {
        double[] tiny = tiny();
        long t0 = System.nanoTime();
        query(tiny, Engines.local(Target.JVM));
        System.out.println((System.nanoTime() - t0) / 1e6);
    }

    /** @return W6's 64 doubles */
    static double[] tiny() {
        double[] tiny = new double[64];
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] = i / 64.0;
        }
        return tiny;
    }

    /** @return W6's query, W1's shape: square, above 0.25, sum */
    static double query(double[] xs, Engine engine) {
        return DataSet.from(xs).map(W1Ir.SQUARE).filter(W1Ir.above(0.25)).on(engine).reduce(0.0, W1Ir.SUM);
    }

    /** @return the first compiled query's milliseconds in a fresh JVM on this class path, or NaN if it failed */
    static double inChildProcess() {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + JvmEngine.COMPILE_FROM + "=0", "-cp", System.getProperty("java.class.path"),
                ColdFirst.class.getName());
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String last = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    last = line;
                }
            }
            return p.waitFor() == 0 && last != null ? Double.parseDouble(last.trim()) : Double.NaN;
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }
}
