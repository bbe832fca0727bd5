package io.pappus.opencl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A 10M-element map, correct and timed (kernel vs transfer, from profiling events). */
class LargeMapTest {
    @Test
    void tenMillionSquares() {
        int n = 10_000_000;
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i * 1e-3;
        }
        OclPipeline p = OclPipeline.compile("big", OclTestDevice.get(), List.of(Stage.map(Lambdas.square(), List.of())),
                Sink.columns());
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            OclResult r = p.run(List.of(xs));
            long wall = System.nanoTime() - t0;
            double[] out = (double[]) r.columns().get(0);
            assertEquals(xs[n - 1] * xs[n - 1], out[n - 1]);
            System.out.printf("10M double map round %d (program from %s): %s, wall %.1f ms%n", round, p.origin(),
                    r.timings(), wall / 1e6);
        }
    }
}
