package io.pappus.opencl.coexec;

import io.pappus.api.DataSet;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.jvm.JvmEngine;
import io.pappus.lift.LambdaLifter;
import io.pappus.testing.PropertyScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AUTO with the default tiers (the suites set {@code pappus.jvm.compileFrom=0}): a small input
 * runs by reference before anything is lifted, placed or started, so the first tiny query of a
 * process pays for no device discovery; a larger one is placed as usual.
 */
class AutoTieringTest {
    private PropertyScope defaults;

    @BeforeEach
    void defaultTiering() {
        defaults = PropertyScope.cleared(JvmEngine.COMPILE_FROM);
    }

    @AfterEach
    void restore() {
        defaults.close();
    }

    @Test
    void smallInputsAreNotPlaced() {
        AutoEngine auto = new AutoEngine(LambdaLifter.shared()::lift);
        double[] small = new Random(8).doubles(4095).toArray();
        DataSet<Double> q = DataSet.from(small).map(x -> x * 1.75).filter(x -> x > 0.5);
        Terminal.Reduce<Double> sum = new Terminal.Reduce<>(0.0, Double::sum);
        assertEquals(q.on(Engines.local(Target.REFERENCE)).reduce(0.0, Double::sum), auto.execute(q.node(), sum));
        String explain = auto.explain(q.node(), sum);
        assertTrue(explain.startsWith("local[AUTO]: not placed. runs by reference"), explain);
        assertTrue(auto.decision(q.node(), sum) != null);  // placing it on request still works
        assertTrue(auto.history().last(auto.decision(q.node(), sum).work().signature(), "jvm").isEmpty(),
                "a query run by reference entered the placement history");

        double[] large = new Random(9).doubles(4096).toArray();
        DataSet<Double> big = DataSet.from(large).map(x -> x * 1.75).filter(x -> x > 0.5);
        assertEquals(big.on(Engines.local(Target.REFERENCE)).reduce(0.0, Double::sum), auto.execute(big.node(), sum),
                1e-9);
        assertTrue(auto.explain(big.node(), sum).startsWith("== local[AUTO]: placement =="), auto.explain(big.node(), sum));
    }
}
