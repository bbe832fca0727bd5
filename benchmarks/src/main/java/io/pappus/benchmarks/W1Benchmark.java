package io.pappus.benchmarks;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * W1: {@code from(double[n]).map(x -> x * x).filter(x -> x > 0.25).reduce(0.0, Double::sum)}
 * on uniform [0,1) inputs, on Target.JVM beside a plain loop. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar W1 -f 1 -wi 3 -i 5}. The forked JVM gets the
 * vector API, as {@code benchmarks/compare} does, so Pappus's loop is the SIMD one.
 */
@State(Scope.Benchmark)
@Fork(jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class W1Benchmark {
    @Param("10000000")
    int n;
    double[] xs;
    Engine jvm;

    @Setup
    public void setup() {
        xs = new Random(42).doubles(n).toArray();
        jvm = io.pappus.api.Engines.local(io.pappus.api.Target.JVM);  // the real lambda lifter
    }

    @Benchmark
    public double pappusJvm() {
        return DataSet.from(xs).map(W1Ir.SQUARE).filter(W1Ir.above(0.25)).on(jvm).reduce(0.0, W1Ir.SUM);
    }

    @Benchmark
    public double naiveLoop() {
        return Loops.naive(xs, 0, xs.length);
    }

    @Benchmark
    public double bandwidthFloor() {
        return Loops.parallelPlainSum(xs);
    }

    @Benchmark
    public double bandwidthOneCore() {
        return Loops.plainSum(xs, 0, xs.length);
    }
}
