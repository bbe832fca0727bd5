package io.pappus.jvm;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.jvm.compile.ClassCache;
import io.pappus.testing.PropertyScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first tier ({@link WarmUp}): while the compiler is cold a query below the warm-up size runs
 * by reference and compiles in the background; afterwards the same query runs compiled from the
 * cache, and a larger query compiles in the foreground even when cold. The suites turn the tier
 * off ({@code pappus.jvm.warmUpBelow=0}); this test turns it on over a cold-again compiler.
 */
class JvmWarmUpTest {
    private PropertyScope warmUp;

    @BeforeEach
    void warmUpTier() {
        warmUp = PropertyScope.set(JvmEngine.WARM_UP_BELOW, "50000");
        WarmUp.resetForTest();
    }

    @AfterEach
    void restore() {
        warmUp.close();
        WarmUp.compiled();
    }

    @Test
    void aColdCompilerRunsSmallQueriesByReferenceAndCompilesThemBehind() throws InterruptedException {
        Engine jvm = Engines.local(Target.JVM);
        Engine ref = Engines.local(Target.REFERENCE);
        double[] xs = new Random(5).doubles(49_999).toArray();
        double shift = 0.8125;  // a shape no other test compiles: x * 3.5 - shift
        DataSet<Double> q = DataSet.from(xs).map(x -> x * 3.5 - shift).filter(x -> x > 0.75);
        int before = ClassCache.shared().size();
        assertEquals(q.on(ref).toList(), q.on(jvm).toList());
        // a foreground compile would have warmed the compiler without starting the background one
        assertTrue(WarmUp.awaitForTest(60), "no background compile ran (or it did not finish)");
        assertTrue(ClassCache.shared().size() > before, "the background compile cached nothing");
        int warmed = ClassCache.shared().size();
        assertTrue(q.on(jvm).explain().startsWith("== Pappus plan"), q.on(jvm).explain());
        assertEquals(q.on(ref).toList(), q.on(jvm).toList());
        assertEquals(warmed, ClassCache.shared().size(), "the query after the warm-up missed the class cache");
        WarmUp.resetForTest();
        assertTrue(q.on(jvm).explain().startsWith("runs by reference (the user's lambdas, in order) while the compiler"
                + " warms up"), q.on(jvm).explain());
    }

    @Test
    void aLargeQueryCompilesInTheForegroundEvenWhenCold() {
        Engine jvm = Engines.local(Target.JVM);
        double[] xs = new Random(6).doubles(50_000).toArray();
        DataSet<Double> q = DataSet.from(xs).map(x -> x * 2.75).filter(x -> x < 1.25);
        assertTrue(q.on(jvm).explain().startsWith("== Pappus plan"), q.on(jvm).explain());
        assertEquals(q.on(Engines.local(Target.REFERENCE)).count(), q.on(jvm).count());
        assertFalse(WarmUp.runByReference(10), "a foreground compile left the compiler cold");
    }
}
