package io.pappus.samples;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;

import java.util.Set;

/**
 * Estimates pi by throwing darts at the unit square: the share that lands inside the quarter
 * circle is pi/4. Every dart's coordinates come from {@link CounterHash} of its index, so the
 * lambdas need no random-number state and any engine throws the same darts.
 *
 * <pre>
 * java io.pappus.samples.MonteCarloPi --darts=1000000 --explain
 * </pre>
 */
public final class MonteCarloPi {
    /** One dart's landing point in the unit square. */
    record Dart(double x, double y) {
    }

    private MonteCarloPi() {
    }

    /**
     * The query: index, to dart, to inside-or-not, counted.
     *
     * @param darts how many darts
     * @return the darts inside the quarter circle, not yet counted
     */
    static DataSet<Dart> insideDarts(int darts) {
        return DataSet.range(0, darts)
                .map(i -> new Dart(CounterHash.unit(i, 1), CounterHash.unit(i, 2)))
                .filter(d -> d.x() * d.x() + d.y() * d.y() <= 1.0);
    }

    /**
     * @param darts  how many darts
     * @param engine where to run
     * @return how many land inside the quarter circle
     */
    static long countInside(int darts, Engine engine) {
        return insideDarts(darts).on(engine).count();
    }

    /** @return the same count with a plain loop */
    static long countInsidePlainJava(int darts) {
        long inside = 0;
        for (int i = 0; i < darts; i++) {
            double x = CounterHash.unit(i, 1);
            double y = CounterHash.unit(i, 2);
            if (x * x + y * y <= 1.0) {
                inside++;
            }
        }
        return inside;
    }

    /**
     * Runs the sample and checks it: the count must equal plain Java's exactly.
     *
     * @param darts  how many darts
     * @param engine where to run
     * @return the outcome
     */
    static Outcome run(int darts, Engine engine) {
        long t0 = System.nanoTime();
        long inside = Progress.during("Monte-Carlo pi", () -> countInside(darts, engine));
        double pappusMillis = Outcome.millisSince(t0);
        t0 = System.nanoTime();
        long expected = countInsidePlainJava(darts);
        double plainMillis = Outcome.millisSince(t0);
        String result = String.format("pi ~ %.5f (%d of %d darts inside)", 4.0 * inside / darts, inside, darts);
        return new Outcome("Monte-Carlo pi (" + darts + " darts)", result, inside == expected, pappusMillis,
                plainMillis);
    }

    /**
     * @param args {@code --darts=N} (default 200,000), {@code --explain}
     */
    public static void main(String[] args) {
        Flags flags = Flags.parse(args, Set.of("darts"));
        int darts = flags.intValue("darts", 200_000);
        run(darts, Engines.defaultEngine()).print(System.out);
        if (flags.explain()) {
            System.out.println(insideDarts(darts).explain());
        }
    }
}
