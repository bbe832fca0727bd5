package io.pappus.opencl.engine;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;

/**
 * W1 end to end on Target.OPENCL and Target.JVM:
 * {@code DataSet.from(double[10_000_000]).map(x -> x * x).filter(x -> x > 0.25).reduce(0.0, Double::sum)}.
 * Run from the repository root after {@code mvn -o -q -pl codegen-opencl -am test-compile}:
 * {@code java -cp "$(cat codegen-opencl/target/cp.txt):codegen-opencl/target/classes:codegen-opencl/target/test-classes" io.pappus.opencl.engine.W1Main}
 * (args: elements, repetitions).
 */
public final class W1Main {
    private W1Main() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        double[] xs = new double[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            xs[i] = r.nextDouble();
        }
        for (Target t : new Target[] {Target.JVM, Target.OPENCL}) {
            Engine e = Engines.local(t);
            DataSet<Double> q = DataSet.from(xs).map(x -> x * x).filter(x -> x > 0.25).on(e);
            double first = 0;
            long t0 = System.nanoTime();
            first = q.reduce(0.0, Double::sum);
            long cold = System.nanoTime() - t0;
            long best = Long.MAX_VALUE;
            long total = 0;
            for (int k = 0; k < reps; k++) {
                long s = System.nanoTime();
                q.reduce(0.0, Double::sum);
                long d = System.nanoTime() - s;
                best = Math.min(best, d);
                total += d;
            }
            System.out.printf("W1 %-7s n=%d result=%.6f cold=%.1f ms best=%.1f ms mean=%.1f ms%n", t, n, first, cold / 1e6,
                    best / 1e6, total / 1e6 / reps);
            if (t == Target.OPENCL) {
                System.out.println(e.explain(q.node(), new Terminal.Reduce<>(0.0, Double::sum)));
            }
        }
    }
}
