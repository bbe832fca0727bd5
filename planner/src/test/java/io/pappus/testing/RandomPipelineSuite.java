package io.pappus.testing;

import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.testing.RandomPipelines.Pipeline;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomGenerator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Random pipelines ({@link RandomPipelines}) run on {@link #engine()} and on the reference
 * engine, compared with {@link Results}. Subclass it per engine or backend, as
 * {@link OperatorSuite}.
 *
 * <p>Two runs: {@link #manyPipelinesAgreeWithTheReference} draws {@code pappus.pipelines.tries}
 * pipelines (default 1000) from the seed {@code pappus.pipelines.seed} and reports the
 * shortest failures; {@link #randomPipelineAgreesWithTheReference} is a jqwik property whose
 * failures jqwik shrinks to a minimal pipeline.
 *
 * <p>Double sums may be regrouped by an engine, so they are compared within
 * {@code 2 * gamma_n * sum|x_i|} (both answers lie within {@code gamma_n * sum|x_i|} of the
 * exact sum for any summation order, gamma_n = n*u/(1-n*u)); everything else within
 * {@link #ulps()}.
 */
public abstract class RandomPipelineSuite {
    /** System property: how many pipelines the bulk run draws. */
    public static final String TRIES_PROPERTY = "pappus.pipelines.tries";
    /** System property: the seed of the bulk run. */
    public static final String SEED_PROPERTY = "pappus.pipelines.seed";
    private static final int SHOWN_FAILURES = 3;

    /** @return the engine under test */
    protected abstract Engine engine();

    /** @return the allowed distance of float results from the reference's, in ulps */
    protected int ulps() {
        return 0;
    }

    /** @return the oracle */
    protected Engine oracle() {
        return Engines.local(Target.REFERENCE);
    }

    @Provide
    Arbitrary<Pipeline> pipelines() {
        return RandomPipelines.pipelines();
    }

    @Property(tries = 200)
    void randomPipelineAgreesWithTheReference(@ForAll("pipelines") Pipeline p) {
        check(p);
    }

    @Example
    void manyPipelinesAgreeWithTheReference() {
        int tries = Integer.getInteger(TRIES_PROPERTY, 1000);
        long seed = Long.getLong(SEED_PROPERTY, 0x9A99D5L);
        RandomGenerator<Pipeline> gen = RandomPipelines.pipelines().generator(1000);
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            Pipeline p = gen.next(random).value();
            try {
                check(p);
            } catch (AssertionError | RuntimeException e) {
                failures.add("pipeline #" + i + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            failures.sort(Comparator.comparingInt(String::length));
            throw new AssertionError(failures.size() + " of " + tries + " random pipelines (" + SEED_PROPERTY + "="
                    + seed + ") disagree with the reference on " + engine().name() + "; the shortest:\n\n"
                    + String.join("\n\n", failures.subList(0, Math.min(SHOWN_FAILURES, failures.size()))));
        }
    }

    /** Runs one pipeline on both engines and compares; the failure message starts with the pipeline. */
    protected void check(Pipeline p) {
        Object expected = null;
        Object actual = null;
        RuntimeException expectedFailure = null;
        RuntimeException actualFailure = null;
        try {
            expected = p.run(oracle());
        } catch (RuntimeException e) {
            expectedFailure = e;
        }
        try {
            actual = p.run(engine());
        } catch (RuntimeException e) {
            actualFailure = e;
        }
        String what = "\n" + p + "\n";
        if (expectedFailure != null || actualFailure != null) {
            if (expectedFailure == null || actualFailure == null || expectedFailure.getClass() != actualFailure.getClass()) {
                AssertionError e = new AssertionError(what + "reference " + outcome(expected, expectedFailure) + "\nbut "
                        + engine().name() + " " + outcome(actual, actualFailure));
                if (actualFailure != null) {
                    e.initCause(actualFailure);
                }
                throw e;
            }
            return;
        }
        try {
            if (p.terminal().absSum() != null) {
                checkSum(p, (Double) expected, (Double) actual);
            } else if (p.unorderedResult()) {
                Results.assertSameUnordered((List<?>) expected, (List<?>) actual, ulps());
            } else {
                Results.assertSameOrdered(expected, actual, ulps());
            }
        } catch (AssertionError e) {
            throw new AssertionError(what + "on " + engine().name() + " vs reference: " + e.getMessage(), e);
        }
    }

    private void checkSum(Pipeline p, double expected, double actual) {
        if (Results.same(expected, actual, ulps())) {
            return;
        }
        double abs = (Double) p.terminal().absSum().apply(p.build(oracle()));
        long n = p.build(oracle()).count();
        double u = 0x1p-53;
        double gamma = n * u / (1 - n * u);
        double bound = 2 * gamma * abs * (1 + gamma);
        if (!(Double.isFinite(abs) && Math.abs(expected - actual) <= bound)) {
            throw new AssertionError("sum of " + n + " values: expected " + expected + " but was " + actual
                    + "; difference " + Math.abs(expected - actual) + " exceeds the reordering bound " + bound
                    + " (sum of |x| = " + abs + ")");
        }
    }

    private static String outcome(Object value, RuntimeException failure) {
        return failure != null ? "threw " + failure : "returned " + Results.show(value);
    }
}
