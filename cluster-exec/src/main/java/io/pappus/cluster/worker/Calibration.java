package io.pappus.cluster.worker;

import io.pappus.api.Fn;
import io.pappus.api.Pred;
import io.pappus.cluster.remote.Chunk;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.cluster.remote.ChunkRunner;
import io.pappus.cluster.remote.ChunkRunners;
import io.pappus.cluster.remote.PartialSpec;
import io.pappus.cluster.remote.RemotePipeline;
import io.pappus.cluster.remote.RemoteStep;
import io.pappus.cluster.remote.ShippedLambda;
import io.pappus.ir.Type;
import io.pappus.lift.LambdaLifter;
import io.pappus.lift.LiftResult;

import java.util.List;

/**
 * Measures how fast this member runs shipped work: a map, filter and sum over a chunk of
 * doubles, through the same {@link ChunkRunner} that runs the cluster's tasks, repeated within
 * a time budget; the best run counts (the first ones include compiling and warm-up).
 */
final class Calibration {
    static final int ELEMENTS = 1 << 18;

    private Calibration() {
    }

    /**
     * @param budgetMillis roughly how long to measure
     * @return elements per second of the best run
     */
    static double elementsPerSecond(long budgetMillis) {
        RemotePipeline p = pipeline();
        double[] xs = new double[ELEMENTS];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (i % 1000) * 0.001;
        }
        Chunk chunk = new Chunk(Type.DOUBLE, xs);
        ChunkRunner runner = ChunkRunners.get();
        long deadline = System.nanoTime() + budgetMillis * 1_000_000L;
        long best = Long.MAX_VALUE;
        int runs = 0;
        do {
            long t0 = System.nanoTime();
            ChunkResult r = runner.run(p, chunk).result();
            long t = System.nanoTime() - t0;
            if (!(r instanceof ChunkResult.Done)) {
                throw new IllegalStateException("calibration pipeline failed on " + runner.name() + ": " + r);
            }
            best = Math.min(best, t);
            runs++;
        } while (runs < 2 || System.nanoTime() < deadline);
        return ELEMENTS / (Math.max(best, 1) / 1e9);
    }

    static RemotePipeline pipeline() {
        Fn<Double, Double> scale = x -> x * 1.0001 + 0.5;
        Pred<Double> keep = x -> x > 0.75;
        Fn<Double, Double> summand = x -> x;
        return new RemotePipeline(Type.DOUBLE, List.of(
                new RemoteStep(RemoteStep.Kind.MAP, lift(scale)),
                new RemoteStep(RemoteStep.Kind.FILTER, lift(keep))),
                new PartialSpec.Sum(lift(summand), "sum"));
    }

    private static ShippedLambda lift(Object fn) {
        LiftResult r = LambdaLifter.shared().lift(fn, List.of(Type.DOUBLE));
        if (!(r instanceof LiftResult.Lifted l)) {
            throw new IllegalStateException("calibration lambda did not lift: " + r);
        }
        return new ShippedLambda(l.ir(), l.captures());
    }
}
