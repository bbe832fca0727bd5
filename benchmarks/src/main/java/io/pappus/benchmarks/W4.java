package io.pappus.benchmarks;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;

import java.util.ArrayList;
import java.util.List;

/** W4: TPC-H Q1 and Q6 over the samples' generated {@code lineitem} at a scale factor. */
final class W4 {
    private W4() {
    }

    static List<Row> run(double sf, int reps) throws Exception {
        TpchBench bench = new TpchBench(sf);
        TpchBaselines hand = new TpchBaselines(bench);
        Engine jvm = Engines.local(Target.JVM);
        DataSet<?> cached = bench.cache(jvm);
        String size = "SF " + sf + ", " + bench.size() + " rows";
        Engine ocl = openCl();
        DataSet<?> oclCached = ocl == null ? null : bench.cache(ocl);
        List<Row> rows = new ArrayList<>();
        try (DuckDbTpch duck = new DuckDbTpch(bench.columns())) {
            // DuckDB sums exact decimals, the rest doubles: 1e-9 relative is the samples' bound.
            rows.addAll(Measure.group("Q1", size, List.of(
                    Variant.anchor("hand loop over LineItem[], 1 thread", () -> hand.q1HandLoop(false)),
                    Variant.anchor("hand loop over LineItem[], parallel chunks", () -> hand.q1HandLoop(true)),
                    Variant.anchor("DuckDB (JDBC, in-process, data loaded)", duck::q1),
                    Variant.anchor("Stream.parallel()", hand::q1ParallelStream),
                    Variant.pappus("Pappus JVM from LineItem[] (layout included)", () -> bench.q1(jvm)),
                    Variant.pappus("Pappus JVM on cached DataSet", () -> bench.q1(cached)),
                    device("Pappus OPENCL from LineItem[] (filter, record-key groupBy, orderBy on the device)", ocl,
                            () -> bench.q1(ocl)),
                    device("Pappus OPENCL on cached DataSet (columns resident on the device)", ocl,
                            () -> bench.q1(oclCached))),
                    TpchBench::q1Digest, 1e-9, reps));
            rows.addAll(Measure.group("Q6", size, List.of(
                    Variant.anchor("hand loop over LineItem[], 1 thread", () -> hand.q6HandLoop(false)),
                    Variant.anchor("hand loop over LineItem[], parallel chunks", () -> hand.q6HandLoop(true)),
                    Variant.anchor("DuckDB (JDBC, in-process, data loaded)", duck::q6),
                    Variant.anchor("Stream.parallel()", hand::q6ParallelStream),
                    Variant.pappus("Pappus JVM from LineItem[] (layout included)", () -> bench.q6(jvm)),
                    Variant.pappus("Pappus JVM on cached DataSet", () -> bench.q6(cached)),
                    device("Pappus OPENCL from LineItem[]", ocl, () -> bench.q6(ocl)),
                    device("Pappus OPENCL on cached DataSet (columns resident on the device)", ocl,
                            () -> bench.q6(oclCached))),
                    TpchBench::q6Digest, 1e-9, reps));
        }
        return rows;
    }

    /** @return the OpenCL engine, or null when this machine has no OpenCL device */
    private static Engine openCl() {
        try {
            return Engines.local(Target.OPENCL);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static Variant device(String name, Engine ocl, java.util.concurrent.Callable<Object> run) {
        return ocl == null ? Variant.unavailable(name, "not available: no OpenCL device") : Variant.pappus(name, run);
    }
}
