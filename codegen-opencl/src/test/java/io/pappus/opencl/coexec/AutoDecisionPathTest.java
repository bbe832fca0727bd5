package io.pappus.opencl.coexec;

import io.pappus.api.DataSet;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.lift.LambdaLifter;
import io.pappus.opencl.OclTestDevice;
import io.pappus.place.CoexecSetting;
import io.pappus.place.Decision;
import io.pappus.place.DeviceProfile;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * AUTO's per-query path, counted rather than timed: a query repeated with new data objects and
 * captured values of the same shape and size is planned once per run (the JVM runs the fragments
 * AUTO cut), placed by the cost model again only when its history changed or
 * {@link PlacementCache#REDECIDE_EVERY} queries went by, and no reason is written until read.
 */
class AutoDecisionPathTest {
    /** Below {@code ExecutionHistory.MIN_ELEMENTS}: its runs do not move the mean, so only a first run changes the history. */
    private static final int N = 1000;
    private static final int RUNS = 50;
    private static final int LAMBDAS = 3;  // map, filter, reduce

    @Test
    void aRepeatedQueryIsPlannedOncePerRunAndPlacedOnlyWhenItsHistoryChanged() {
        OclTestDevice.get();
        assumeFalse(LoggerFactory.getLogger(AutoEngine.class).isDebugEnabled(), "debug logging writes every reason");
        AtomicInteger lifts = new AtomicInteger();
        AutoEngine auto = new AutoEngine((fn, types) -> {
            lifts.incrementAndGet();
            return LambdaLifter.shared().lift(fn, types);
        }, CoexecSetting.Mode.AUTO);
        Terminal.Reduce<Double> sum = new Terminal.Reduce<>(0.0, Double::sum);
        Random random = new Random(5);
        DataSet<Double> q = null;
        for (int run = 0; run < RUNS; run++) {
            double[] xs = random.doubles(N).toArray();
            double c = 0.25 + run * 1e-3;
            q = DataSet.from(xs).map(x -> x * x).filter(x -> x > c);
            double expected = q.on(Engines.local(Target.REFERENCE)).reduce(0.0, Double::sum);
            int before = lifts.get();
            assertEquals(expected, auto.execute(q.node(), sum), 1e-9);
            assertEquals(LAMBDAS, lifts.get() - before, "run " + run + " planned the query more than once");
        }
        // placed at the first run, again after it (the JVM has compiled the fragment: its first run
        // is a warm-up that changes the history), then once every REDECIDE_EVERY queries
        assertEquals(2 + (RUNS - 2) / PlacementCache.REDECIDE_EVERY, auto.placements());
        Decision d = auto.decision(q.node(), sum);
        assertFalse(d.reason().written(), "placing or running the query wrote its reason, which no one read");
        assertEquals("jvm", d.device().id(), d.why());
        assertTrue(d.reason().written());
    }

    @Test
    void aKeptPlacementMovesWhenItsHistoryChangesMaterially() {
        OclTestDevice.get();
        AutoEngine auto = new AutoEngine(LambdaLifter.shared()::lift, CoexecSetting.Mode.AUTO);
        DataSet<Double> q = DataSet.from(new Random(6).doubles(200_000).toArray()).map(x -> x * 2.0 + 1.0);
        Terminal.Count count = new Terminal.Count();
        Decision first = auto.decision(q.node(), count);
        long placed = auto.placements();
        assertEquals(first.chosen(), auto.decision(q.node(), count).chosen());
        assertEquals(placed, auto.placements(), "an unchanged history placed the query again");
        for (DeviceProfile p : first.chosen()) {  // whatever was chosen now measures 20 us per element
            auto.history().record(first.work().signature(), p.id(), 200_000, 200_000 * 20_000.0, 0);
        }
        Decision after = auto.decision(q.node(), count);
        assertEquals(placed + 1, auto.placements());
        assertNotEquals(first.chosen(), after.chosen(), after.why());
        String explain = q.on(auto).explain();
        assertTrue(explain.contains("choice: ") && after.reason().written(), explain);
    }
}
