package io.pappus.benchmarks;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmarks of W2-W4, each Pappus variant beside its anchors, over the same data and code
 * as the comparison runner (W1 is {@link W1Benchmark}). Sizes are parameters, e.g.
 * {@code java -jar benchmarks/target/benchmarks.jar WorkloadBenchmarks.BlackScholes -p options=10000000 -f 1 -wi 3 -i 5}.
 */
public final class WorkloadBenchmarks {
    private WorkloadBenchmarks() {
    }

    /** W2: Black-Scholes call prices of option records. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(jvmArgsAppend = {"-Xmx10g", "--add-modules=jdk.incubator.vector"})
    public static class BlackScholes {
        @Param("1000000")
        int options;
        BlackScholesBench bench;
        Engine jvm;
        DataSet<?> cached;

        @Setup(Level.Trial)
        public void setup() {
            bench = new BlackScholesBench(options);
            jvm = Engines.local(Target.JVM);
            cached = bench.cache(jvm);
        }

        @Benchmark
        public Object handLoopParallel() {
            return bench.handLoopParallel();
        }

        @Benchmark
        public Object parallelStream() {
            return bench.parallelStream();
        }

        @Benchmark
        public Object pappusJvm() {
            return bench.pappus(jvm);
        }

        @Benchmark
        public Object pappusJvmCached() {
            return bench.pappusCached(cached);
        }
    }

    /** W3: k-means over 4-d point records. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(jvmArgsAppend = {"-Xmx10g", "--add-modules=jdk.incubator.vector"})
    public static class KMeans {
        @Param("1000000")
        int points;
        @Param("16")
        int k;
        @Param("10")
        int iterations;
        KMeans4.Point4[] data;
        double[] initial;
        Engine jvm;

        @Setup(Level.Trial)
        public void setup() {
            data = KMeans4.blobs(points, k, 7);
            initial = KMeans4.firstK(data, k);
            jvm = Engines.local(Target.JVM);
        }

        @Benchmark
        public Object handLoopParallel() {
            return KMeans4Baselines.handLoop(data, initial, iterations, true);
        }

        @Benchmark
        public Object parallelStream() {
            return KMeans4Baselines.parallelStream(data, initial, iterations);
        }

        @Benchmark
        public Object pappusJvmCached() {
            return KMeans4.pappus(data, initial, iterations, jvm, true);
        }
    }

    /** W4: TPC-H Q1 and Q6 over a generated lineitem table. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(jvmArgsAppend = {"-Xmx10g", "--add-modules=jdk.incubator.vector"})
    public static class Tpch {
        @Param("1.0")
        double sf;
        TpchBench bench;
        TpchBaselines hand;
        DuckDbTpch duck;
        Engine jvm;
        DataSet<?> cached;

        @Setup(Level.Trial)
        public void setup() throws SQLException {
            bench = new TpchBench(sf);
            hand = new TpchBaselines(bench);
            duck = new DuckDbTpch(bench.columns());
            jvm = Engines.local(Target.JVM);
            cached = bench.cache(jvm);
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            duck.close();
        }

        @Benchmark
        public Object q1HandLoopParallel() {
            return hand.q1HandLoop(true);
        }

        @Benchmark
        public Object q1DuckDb() throws SQLException {
            return duck.q1();
        }

        @Benchmark
        public Object q1PappusFromRecords() {
            return bench.q1(jvm);
        }

        @Benchmark
        public Object q1PappusCached() {
            return bench.q1(cached);
        }

        @Benchmark
        public Object q6HandLoopParallel() {
            return hand.q6HandLoop(true);
        }

        @Benchmark
        public Object q6DuckDb() throws SQLException {
            return duck.q6();
        }

        @Benchmark
        public Object q6PappusFromRecords() {
            return bench.q6(jvm);
        }

        @Benchmark
        public Object q6PappusCached() {
            return bench.q6(cached);
        }
    }
}
