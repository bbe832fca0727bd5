package io.pappus.benchmarks;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;

import java.util.ArrayList;
import java.util.List;

/** W2: the Black-Scholes sample's map over {@code n} option records, every price returned. */
final class W2 {
    private W2() {
    }

    static List<Row> run(int n, int reps) throws Exception {
        BlackScholesBench bench = new BlackScholesBench(n);
        Engine jvm = Engines.local(Target.JVM);
        Engine auto = Engines.local(Target.AUTO);
        DataSet<?> cached = bench.cache(jvm);
        List<Variant> variants = new ArrayList<>(List.of(
                Variant.anchor("hand loop, 1 thread", bench::handLoop),
                Variant.anchor("hand loop, parallel over the same chunks", bench::handLoopParallel),
                Variant.anchor("Stream.parallel().map(price).toList()", bench::parallelStream),
                Variant.pappus("Pappus JVM, from(List) per run (layout included)", () -> bench.pappus(jvm)),
                Variant.pappus("Pappus AUTO, from(List) per run", () -> bench.pappus(auto)),
                Variant.pappus("Pappus JVM, cached DataSet", () -> bench.pappusCached(cached))));
        variants.add(openCl(bench));
        variants.add(openClCached(bench));
        variants.add(AparapiW2.variant(n));
        List<Row> rows = new ArrayList<>(Measure.group("W2", n + " options", variants, BlackScholesBench::digest, 1e-9, reps));
        rows.addAll(Measure.group("W2", n + " options", PlacementVariants.of(bench::pappus), BlackScholesBench::digest, 1e-9, reps));
        double best = rows.stream().filter(r -> r.anchor() && r.measured()).mapToDouble(Row::ms).min().orElse(Double.NaN);
        rows.replaceAll(r -> r.withRatio(best));  // the placement rows against the same anchors
        return rows;
    }

    private static Variant openClCached(BlackScholesBench bench) {
        String name = "Pappus OPENCL, cached DataSet (columns resident on the device)";
        try {
            DataSet<?> cached = bench.cache(Engines.local(Target.OPENCL));
            return Variant.pappus(name, () -> bench.pappusCached(cached));
        } catch (IllegalStateException e) {
            return Variant.unavailable(name, "not available: " + e.getMessage());
        }
    }

    private static Variant openCl(BlackScholesBench bench) {
        String name = "Pappus OPENCL, from(List) per run";
        try {
            Engine ocl = Engines.local(Target.OPENCL);
            return Variant.pappus(name, () -> bench.pappus(ocl));
        } catch (IllegalStateException e) {
            return Variant.unavailable(name, "not available: " + e.getMessage());
        }
    }
}
