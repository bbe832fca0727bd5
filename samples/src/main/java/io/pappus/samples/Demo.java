package io.pappus.samples;

import io.pappus.api.DataSet;
import io.pappus.api.Engines;
import io.pappus.api.Pair;

import java.util.List;
import java.util.Random;

/**
 * The first program to run: a few queries on the default engine (local, no GPU needed), each
 * checked against plain Java, and one {@code explain()}.
 *
 * <pre>
 * mvn -q -B install -DskipTests &amp;&amp; mvn -q -B -f samples exec:java
 * </pre>
 */
public final class Demo {
    /** An option to price. */
    record Option(double s, double k, double t, double r, double v) {
    }

    private Demo() {
    }

    /**
     * @param args {@code --explain} also prints each query's plan
     */
    public static void main(String[] args) {
        boolean explain = List.of(args).contains("--explain");
        System.out.println("Pappus demo on " + Engines.defaultEngine().name());

        double[] prices = new Random(42).doubles(100_000, 0, 20).toArray();
        long t0 = System.nanoTime();
        DataSet<Double> query = DataSet.from(prices).map(p -> p * 1.2).filter(p -> p > 10.0);
        double total = query.reduce(0.0, Double::sum);
        double expected = 0;
        for (double p : prices) {
            double q = p * 1.2;
            if (q > 10.0) {
                expected += q;
            }
        }
        report("prices: map -> filter -> reduce", total, expected, t0);

        t0 = System.nanoTime();
        long inside = DataSet.range(0, 200_000)
                .map(i -> Pair.of(Hash.unit(i, 1), Hash.unit(i, 2)))
                .filter(p -> p.first() * p.first() + p.second() * p.second() <= 1.0)
                .count();
        System.out.printf("%-36s pi ~ %.4f  (%.1f ms)%n", "Monte-Carlo pi: range -> map -> count",
                4.0 * inside / 200_000, (System.nanoTime() - t0) / 1e6);

        t0 = System.nanoTime();
        double call = DataSet.from(new Option(100, 100, 1, 0.05, 0.2)).map(BlackScholes::call)
                .reduce(0.0, Double::sum);
        report("Black-Scholes call (S=K=100, T=1)", call, 10.4506, t0);

        t0 = System.nanoTime();
        List<Pair<Integer, Long>> byDigit = DataSet.range(0, 1000).groupBy(i -> i % 10).count()
                .orderBy(Pair::first).toList();
        System.out.printf("%-36s %s  (%.1f ms)%n", "groupBy(last digit).count", byDigit.subList(0, 3) + "...",
                (System.nanoTime() - t0) / 1e6);

        if (explain) {
            System.out.println();
            System.out.println(query.explain());
        }
    }

    private static void report(String what, double got, double expected, long t0) {
        boolean ok = Math.abs(got - expected) <= 1e-4 * Math.max(1, Math.abs(expected));
        System.out.printf("%-36s %.4f  (expected %.4f: %s, %.1f ms)%n", what, got, expected, ok ? "ok" : "MISMATCH",
                (System.nanoTime() - t0) / 1e6);
    }

    /** A counter-based hash to [0, 1): random numbers a lambda can compute from an index. */
    static final class Hash {
        private Hash() {
        }

        static double unit(int i, int stream) {
            long z = i * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            return (z >>> 11) * 0x1.0p-53;
        }
    }

    /** The Black-Scholes closed form, written as a user would. */
    static final class BlackScholes {
        private BlackScholes() {
        }

        static double call(Option o) {
            double d1 = (Math.log(o.s() / o.k()) + (o.r() + o.v() * o.v() / 2) * o.t()) / (o.v() * Math.sqrt(o.t()));
            double d2 = d1 - o.v() * Math.sqrt(o.t());
            return o.s() * cnd(d1) - o.k() * Math.exp(-o.r() * o.t()) * cnd(d2);
        }

        /** The cumulative normal distribution (Abramowitz-Stegun 26.2.17, error below 7.5e-8). */
        static double cnd(double x) {
            double l = Math.abs(x);
            double k = 1.0 / (1.0 + 0.2316419 * l);
            double w = 1.0 - 1.0 / Math.sqrt(2 * Math.PI) * Math.exp(-l * l / 2)
                    * (0.31938153 * k - 0.356563782 * k * k + 1.781477937 * k * k * k
                    - 1.821255978 * k * k * k * k + 1.330274429 * k * k * k * k * k);
            return x < 0 ? 1.0 - w : w;
        }
    }
}
