package io.pappus.benchmarks;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.ir.SourceRef;
import io.pappus.jvm.JvmEngine;
import io.pappus.lift.LiftResult;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** W1: {@code from(double[n]).map(x -> x * x).filter(x -> x > 0.25).reduce(0.0, Double::sum)}. */
final class W1 {
    private W1() {
    }

    static List<Row> run(int n, int reps) throws Exception {
        double[] xs = new Random(42).doubles(n).toArray();
        Engine jvm = Engines.local(Target.JVM);
        Engine opaque = new JvmEngine((fn, types) -> new LiftResult.Opaque("benchmark: kept opaque",
                SourceRef.UNKNOWN));
        String plan = jvm.explain(DataSet.from(xs).map(W1Ir.SQUARE).filter(W1Ir.above(0.25)).node(),
                new Terminal.Reduce<>(0.0, W1Ir.SUM));
        if (!plan.contains("compiled natively: predicated loop") || plan.contains("opaque")) {
            throw new IllegalStateException("W1 is not lifted and predicated:\n" + plan);
        }
        for (int w = 0; w < 30; w++) {
            Loops.parallelPlainSum(xs);  // the floor must be C2-compiled before it is a floor
        }
        List<Variant> variants = List.of(
                Variant.anchor("bandwidth floor (plain sum, a share per core, 8 acc)",
                        () -> Loops.parallelPlainSum(xs)),
                Variant.pappus("Pappus JVM (lifted lambdas, predicated)", () -> DataSet.from(xs)
                        .map(W1Ir.SQUARE).filter(W1Ir.above(0.25)).on(jvm).reduce(0.0, W1Ir.SUM)),
                Variant.pappus("Pappus JVM (lambdas kept opaque)", () -> DataSet.from(xs).map(W1Ir.SQUARE)
                        .filter(W1Ir.above(0.25)).on(opaque).reduce(0.0, W1Ir.SUM)),
                Variant.anchor("naive loop, 1 thread", () -> Loops.naive(xs, 0, xs.length)),
                Variant.anchor("naive loop, parallel over the same chunks", () -> Loops.parallelNaive(xs)),
                Variant.anchor("DoubleStream.parallel()", () -> Arrays.stream(xs).parallel().map(x -> x * x)
                        .filter(x -> x > 0.25).reduce(0.0, Double::sum)),
                Variant.anchor("Stream<Double>.parallel()", () -> Arrays.stream(xs).boxed().parallel()
                        .map(x -> x * x).filter(x -> x > 0.25).reduce(0.0, Double::sum)),
                openCl(xs), AparapiW1.variant(xs));
        // The floor sums every x, not the filtered squares: it is the only variant not checked.
        List<Row> floor = Measure.group("W1", n + " doubles", variants.subList(0, 1), W1::digest, 0, reps);
        List<Row> rest = Measure.group("W1", n + " doubles", variants.subList(1, variants.size()), W1::digest,
                1e-9, reps);
        rest = concat(rest, Measure.group("W1", n + " doubles", PlacementVariants.of(e -> DataSet.from(xs)
                .map(W1Ir.SQUARE).filter(W1Ir.above(0.25)).on(e).reduce(0.0, W1Ir.SUM)), W1::digest, 1e-9, reps));
        double best = floor.get(0).ms();
        return java.util.stream.Stream.concat(floor.stream(), rest.stream()).map(r -> r.withRatio(best)).toList();
    }

    private static Variant openCl(double[] xs) {
        try {
            Engine ocl = Engines.local(Target.OPENCL);
            return Variant.pappus("Pappus OPENCL (lifted lambdas, device kernel)", () -> DataSet.from(xs)
                    .map(W1Ir.SQUARE).filter(W1Ir.above(0.25)).on(ocl).reduce(0.0, W1Ir.SUM));
        } catch (IllegalStateException e) {
            return Variant.unavailable("Pappus OPENCL", "not available: " + e.getMessage());
        }
    }

    private static List<Row> concat(List<Row> a, List<Row> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static double[] digest(Object answer) {
        return new double[] {(Double) answer};
    }
}
