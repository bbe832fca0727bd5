package io.pappus.samples;

import io.pappus.api.Engines;
import io.pappus.api.Target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonteCarloPiTest {
    private static final int DARTS = 50_000;

    @OnEveryEngine
    void countsTheDartsPlainJavaCounts(Target target) {
        long inside = MonteCarloPi.countInside(DARTS, Engines.local(target));
        assertEquals(MonteCarloPi.countInsidePlainJava(DARTS), inside);
    }

    @OnEveryEngine
    void estimatesPiWithinFourStandardErrors(Target target) {
        double p = Math.PI / 4;
        double standardError = 4 * Math.sqrt(p * (1 - p) / DARTS);
        double estimate = 4.0 * MonteCarloPi.countInside(DARTS, Engines.local(target)) / DARTS;
        assertTrue(Math.abs(estimate - Math.PI) < 4 * standardError, "pi estimate " + estimate);
    }
}
