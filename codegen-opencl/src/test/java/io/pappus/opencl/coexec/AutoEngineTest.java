package io.pappus.opencl.coexec;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.lift.LambdaLifter;
import io.pappus.opencl.OclTestDevice;
import io.pappus.place.Candidate;
import io.pappus.place.Decision;
import io.pappus.place.DeviceProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Target.AUTO on PoCL + JVM: choices follow the model and history, reasons are shown, answers are Java's. */
class AutoEngineTest {
    private final AutoEngine auto = new AutoEngine(LambdaLifter.shared()::lift);
    private final Engine reference = Engines.local(Target.REFERENCE);

    @Test
    void autoIsThisEngineWhenOpenClIsPresent() {
        assertTrue(Engines.local(Target.AUTO) instanceof AutoEngine);
    }

    @Test
    void aSmallMapStaysOnTheJvmAndSaysWhy() {
        OclTestDevice.get();
        DataSet<Double> ds = DataSet.from(new double[1000]).map(x -> x * 1.2 + 1.0);
        Decision d = auto.decision(ds.node(), new Terminal.ToList<>());
        assertEquals(List.of("jvm"), d.chosen().stream().map(DeviceProfile::id).toList(), d.why());
        Candidate ocl = d.candidates().get(1);
        assertTrue(ocl.eligibility().ok());
        assertTrue(ocl.total() > d.predicted(), "the device's launch and transfers cost more than 1,000 elements of work");
        assertEquals(ds.on(reference).toList(), ds.on(auto).toList());
    }

    @Test
    void stringColumnsAreNotPlacedOnTheDeviceAndTheReasonIsShown() {
        OclTestDevice.get();
        DataSet<Integer> ds = DataSet.from(List.of("a", "bb", "ccc")).map(String::length);
        Decision d = auto.decision(ds.node(), new Terminal.Count());
        Candidate ocl = d.candidates().get(1);
        assertFalse(ocl.eligibility().ok());
        assertTrue(ocl.eligibility().reason().contains("object columns"), ocl.eligibility().reason());
        String explain = ds.on(auto).explain();
        assertTrue(explain.contains("not eligible: " + ocl.eligibility().reason()), explain);
        assertEquals(3L, ds.on(auto).count());
    }

    @Test
    void explainShowsPredictionsChoiceAndAfterARunTheMeasuredTime() {
        OclTestDevice.get();
        DataSet<Double> ds = DataSet.from(new double[5000]).map(x -> x + 1.0);
        String before = ds.on(auto).explain();
        assertTrue(before.contains("placement: 5,000 elements"), before);
        assertTrue(before.contains("predicted"), before);
        assertTrue(before.contains("choice: "), before);
        assertTrue(before.contains("measured: not run yet"), before);
        assertEquals(ds.on(reference).toList(), ds.on(auto).toList());
        String after = ds.on(auto).explain();
        assertTrue(after.matches("(?s).*measured: JVM \\(\\d+ threads\\) \\d+\\.\\d{3} ms \\(5,000 elements\\).*"), after);
    }

    @Test
    void measuredHistoryMovesTheChoice() {
        OclTestDevice.get();
        DataSet<Double> ds = DataSet.from(new double[200_000]).map(x -> x * 2.0 + 1.0);
        Terminal.Count count = new Terminal.Count();
        Decision d = auto.decision(ds.node(), count);
        for (DeviceProfile p : d.chosen()) {  // whatever was chosen measures 20 us per element: far slower
            for (int i = 0; i < 8; i++) {
                auto.history().record(d.work().signature(), p.id(), 200_000, 200_000 * 20_000.0, 0);
            }
        }
        Decision after = auto.decision(ds.node(), count);
        assertNotEquals(d.chosen(), after.chosen(), after.why());
        assertEquals(200_000L, ds.on(auto).count());
    }

    @Test
    void coexecutionCanBeSwitchedOff() {
        OclTestDevice.get();
        DataSet<Double> ds = DataSet.from(new double[4_000_000]).map(x -> x * 2.0 + 1.0);
        String old = System.setProperty("pappus.coexec", "off");
        try {
            Decision d = auto.decision(ds.node(), new Terminal.Count());
            assertFalse(d.coexecution());
            assertTrue(d.why().contains("co-execution is off") || d.why().contains("the only eligible"), d.why());
        } finally {
            if (old == null) {
                System.clearProperty("pappus.coexec");
            } else {
                System.setProperty("pappus.coexec", old);
            }
        }
    }

    @Test
    void aLargeIntegerQueryGivesJavasAnswerWhereverItRuns() {
        OclTestDevice.get();
        int[] xs = new int[2_000_000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i * 7919;
        }
        DataSet<Integer> ds = DataSet.from(xs).map(x -> x * 3 + 1).filter(x -> x % 7 != 0);
        int expected = ds.on(reference).reduce(0, Integer::sum);
        for (int run = 0; run < 3; run++) {  // history changes the choice between runs; the answer stays
            assertEquals(expected, ds.on(auto).reduce(0, Integer::sum));
        }
    }

    @Test
    void forcedCoexecutionSharesTheFragmentAndExplainShowsEachDevicesPart() {
        OclTestDevice.get();
        AutoEngine both = new AutoEngine(LambdaLifter.shared()::lift, io.pappus.place.CoexecSetting.Mode.FORCE);
        long[] xs = new long[300_000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i * 2654435761L;
        }
        DataSet<Long> ds = DataSet.from(xs).map(x -> x ^ (x >>> 7)).filter(x -> (x & 1) == 0);
        assertTrue(auto.decision(ds.node(), new Terminal.Count()).chosen().size() >= 1);
        assertTrue(both.decision(ds.node(), new Terminal.Count()).coexecution());
        assertEquals(ds.on(reference).count(), ds.on(both).count());
        assertEquals(ds.on(reference).reduce(0L, Long::sum), ds.on(both).reduce(0L, Long::sum));
        assertEquals(ds.on(reference).toList(), ds.on(both).toList());
        assertEquals(3, both.sharedRuns());
        String explain = ds.on(both).explain();
        assertTrue(explain.contains("co-execution forced (pappus.coexec=force)"), explain);
        assertTrue(explain.matches("(?s).*last co-executed run: .*; jvm [\\d,]+ elements in \\d+ chunks.*"), explain);
    }
}
