package io.pappus.benchmarks;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.ir.SourceRef;
import io.pappus.lift.LiftResult;
import io.pappus.jvm.JvmEngine;
import io.pappus.jvm.exec.ChunkRunner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Times W1 on Pappus and on hand-written Java in one run and writes {@code w1.csv}. Flags:
 * {@code --n=10000000 --reps=15 --out=benchmarks/results/w1.csv}. System.out is this tool's UI.
 */
public final class Compare {
    private Compare() {
    }

    /** @param args flags, see the class comment */
    public static void main(String[] args) throws IOException {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            flags.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int n = Integer.parseInt(flags.getOrDefault("n", "10000000"));
        int reps = Integer.parseInt(flags.getOrDefault("reps", "15"));
        Path out = Path.of(flags.getOrDefault("out", "benchmarks/results/w1.csv"));
        double[] xs = new Random(42).doubles(n).toArray();

        Latency latency = Latency.measure(reps);
        Engine jvm = Engines.local(Target.JVM);  // the real lambda lifter
        Engine opaque = new JvmEngine((fn, types) -> new LiftResult.Opaque("benchmark: kept opaque", SourceRef.UNKNOWN));
        String plan = jvm.explain(DataSet.from(xs).map(W1Ir.SQUARE).filter(W1Ir.above(0.25)).node(),
                new Terminal.Reduce<>(0.0, W1Ir.SUM));
        if (!plan.contains("compiled natively: predicated loop") || plan.contains("opaque")) {
            throw new IllegalStateException("W1 is not lifted and predicated:\n" + plan);
        }
        Map<String, DoubleSupplier> runs = new LinkedHashMap<>();
        runs.put("bandwidth floor (parallel plain sum, 4 acc)", () -> Loops.parallelPlainSum(xs));
        runs.put("pappus JVM (lifted lambdas, predicated)", () -> DataSet.from(xs).map(W1Ir.SQUARE)
                .filter(W1Ir.above(0.25)).on(jvm).reduce(0.0, W1Ir.SUM));
        runs.put("pappus JVM (lambdas kept opaque)", () -> DataSet.from(xs).map(W1Ir.SQUARE)
                .filter(W1Ir.above(0.25)).on(opaque).reduce(0.0, W1Ir.SUM));
        runs.put("naive loop, 1 thread", () -> Loops.naive(xs, 0, xs.length));
        runs.put("naive loop, parallel over the same chunks", () -> Loops.parallelNaive(xs));
        runs.put("DoubleStream.parallel()", () -> Arrays.stream(xs).parallel().map(x -> x * x).filter(x -> x > 0.25)
                .reduce(0.0, Double::sum));
        runs.put("Stream<Double>.parallel()", () -> Arrays.stream(xs).boxed().parallel().map(x -> x * x)
                .filter(x -> x > 0.25).reduce(0.0, Double::sum));

        Map<String, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<String, DoubleSupplier> e : runs.entrySet()) {
            medians.put(e.getKey(), median(e.getValue(), reps));
        }
        double floor = medians.values().iterator().next();
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("variant,n,threads,median_ms,ratio_to_floor");
            System.out.printf("W1, n=%d, threads=%d, median of %d runs%n", n, ChunkRunner.threads(), reps);
            for (Map.Entry<String, Double> e : medians.entrySet()) {
                w.printf("\"%s\",%d,%d,%.3f,%.2f%n", e.getKey(), n, ChunkRunner.threads(), e.getValue(),
                        e.getValue() / floor);
                System.out.printf("  %-48s %9.3f ms  %6.2fx floor%n", e.getKey(), e.getValue(), e.getValue() / floor);
            }
            w.printf("\"latency: first query in process (lift+plan+compile, cold Janino)\",,,%.3f,%n", latency.firstMs);
            w.printf("\"latency: new query shape, warm (plan+generate+compile)\",,,%.3f,%n", latency.newShapeMs);
            w.printf("\"latency: same shape, new captured constant, overhead\",,,%.4f,%n", latency.repeatOverheadMs);
        }
        System.out.printf("  first query in process (cold Janino):     %9.3f ms%n", latency.firstMs);
        System.out.printf("  new query shape, warm:                    %9.3f ms%n", latency.newShapeMs);
        System.out.printf("  same shape, new constant, overhead:       %9.1f us (class cache hit: %s)%n",
                latency.repeatOverheadMs * 1000, latency.cacheHit);
        System.out.println("wrote " + out);
    }

    static double median(DoubleSupplier run, int reps) {
        double sink = 0;
        for (int i = 0; i < Math.max(3, reps / 2); i++) {
            sink += run.getAsDouble();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            sink += run.getAsDouble();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        if (sink == 42.4242) {
            System.out.println();
        }
        ms.sort(null);
        return ms.get(ms.size() / 2);
    }
}
