package io.pappus.samples;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The first program to run: every sample at a small size on the default engine (local, no GPU
 * needed), each checked against the same computation in plain Java, and with {@code --explain}
 * the plan of one query. Each sample also runs alone, with flags for bigger sizes:
 *
 * <pre>
 * mvn -q -B install -DskipTests &amp;&amp; mvn -q -B -f samples exec:java
 * mvn -q -B -f samples exec:java -Dexec.mainClass=io.pappus.samples.KMeans -Dexec.args="--points=1000000"
 * </pre>
 */
public final class Demo {
    private Demo() {
    }

    /**
     * @param args {@code --explain} also prints a query's plan
     */
    public static void main(String[] args) {
        boolean explain = List.of(args).contains("--explain");
        Engine engine = Engines.defaultEngine();
        System.out.println("Pappus demo on " + engine.name());
        long start = System.nanoTime();

        double[] prices = new Random(42).doubles(100_000, 0, 20).toArray();
        DataSet<Double> query = DataSet.from(prices).map(p -> p * 1.2).filter(p -> p > 10.0);

        List<LineItem> lineitem = LineItemGenerator.generate(0.01, 42);
        String tpch = "SF 0.01, " + lineitem.size() + " rows";
        List<Supplier<Outcome>> samples = List.of(
                () -> pricesAbove10(query, prices),
                () -> MonteCarloPi.run(200_000, engine),
                () -> BlackScholes.run(20_000, engine),
                () -> KMeans.run(10_000, 4, 20, engine),
                () -> TermFrequency.run(2_000, 10, engine),
                () -> PageRank.run(2_000, 10, engine),
                () -> TpchQ1.run(lineitem, tpch, engine),
                () -> TpchQ6.run(lineitem, tpch, engine),
                () -> ClusterKMeans.run(10_000, 4, 20));
        List<Outcome> outcomes = new ArrayList<>();
        for (Supplier<Outcome> sample : samples) {
            Outcome outcome = sample.get();
            outcome.print(System.out);
            outcomes.add(outcome);
        }

        long mismatches = outcomes.stream().filter(o -> !o.matches()).count();
        System.out.printf("%n%d samples, %s, %.1f s in all%n", outcomes.size(),
                mismatches == 0 ? "all ok" : mismatches + " MISMATCH", Outcome.millisSince(start) / 1e3);
        if (explain) {
            System.out.println();
            System.out.println(query.explain());
        }
        if (mismatches > 0) {
            System.exit(1);
        }
    }

    /** The README's first query: prices up 20%, those above 10 summed. */
    private static Outcome pricesAbove10(DataSet<Double> query, double[] prices) {
        long t0 = System.nanoTime();
        double total = query.reduce(0.0, Double::sum);
        double pappusMillis = Outcome.millisSince(t0);
        t0 = System.nanoTime();
        double expected = 0;
        for (double p : prices) {
            double q = p * 1.2;
            if (q > 10.0) {
                expected += q;
            }
        }
        return new Outcome("prices: map -> filter -> reduce", String.format("%.4f", total),
                Outcome.close(total, expected, 1e-12), pappusMillis, Outcome.millisSince(t0));
    }
}
