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
import java.util.ArrayList;
import java.util.List;

/**
 * The first query of a fresh JVM, run in a child process since a process has one first query.
 * With {@code compiled}: W6's query over 64 elements with {@code pappus.jvm.compileFrom=0} and
 * {@code pappus.jvm.warmUpBelow=0}, so it compiles (lift, plan, generate, Janino, all cold).
 * Without: the same shape over {@value #DEFAULT_SIZE} elements with the default tiers (it runs by
 * reference while the compiler warms up in the background).
 */
public final class ColdFirst {
    /** The input of the default-tier run: above compileFrom, below warmUpBelow. */
    static final int DEFAULT_SIZE = 100_000;

    private ColdFirst() {
    }

    /**
     * Prints the milliseconds of the first query; {@code args[0]} is {@code compiled}, {@code default},
     * or {@code stream} (the anchor: the same query over the same elements as a {@code DoubleStream})
     */
    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "compiled";
        double[] xs = mode.equals("compiled") ? tiny() : new java.util.Random(42).doubles(DEFAULT_SIZE).toArray();
        long t0 = System.nanoTime();
        double r = mode.equals("stream") ? java.util.Arrays.stream(xs).map(x -> x * x).filter(x -> x > 0.25).sum()
                : query(xs, Engines.local(Target.JVM));
        System.out.println(r == 42.4242 ? "" : String.valueOf((System.nanoTime() - t0) / 1e6));
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

    /**
     * @param mode {@code compiled} (the query must compile), {@code default} (the default tiers
     *             decide) or {@code stream} (the DoubleStream anchor)
     * @return the first query's milliseconds in a fresh JVM on this class path, or NaN if it failed
     */
    static double inChildProcess(String mode) {
        boolean compiled = mode.equals("compiled");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (compiled) {
            cmd.add("-D" + JvmEngine.COMPILE_FROM + "=0");
            cmd.add("-D" + JvmEngine.WARM_UP_BELOW + "=0");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdFirst.class.getName(), mode));
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
