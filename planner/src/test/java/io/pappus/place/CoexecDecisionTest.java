package io.pappus.place;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.pappus.place.FakeDevices.map;
import static io.pappus.place.FakeDevices.offers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sharing a fragment between devices: chosen when they are within 3x and the input is large. */
class CoexecDecisionTest {
    private final Placer placer = new Placer(new CostModel(new ExecutionHistory()));

    private static DeviceProfile dev(String id, double launch, double workPerNano) {
        return new DeviceProfile(id, id, id.startsWith("jvm") ? "jvm" : "opencl", launch, Double.POSITIVE_INFINITY,
                workPerNano, 0, true);
    }

    @Test
    void devicesWithinThreeTimesShareALargeFragment() {
        Decision d = placer.decide(map(50_000_000), offers(dev("jvm", 20_000, 2), dev("ocl", 50_000, 3)), "");
        assertTrue(d.coexecution(), d.why());
        assertEquals(List.of("jvm", "ocl"), d.chosen().stream().map(DeviceProfile::id).toList().stream().sorted().toList());
        // rates add: 2 + 3 work/ns over 500 M work units = 100 ms, plus four launches of the slower-starting device
        assertEquals(100e6 + 4 * 50_000, d.predicted(), 1);
        assertTrue(d.predicted() < d.candidates().get(1).total());
    }

    @Test
    void aSharedRunMeasuredSlowerThanOneDeviceStopsTheSharing() {
        // the rates predict sharing; the measured wall of an earlier shared run (edges included) says no
        ExecutionHistory h = new ExecutionHistory();
        Placer p = new Placer(new CostModel(h));
        List<Offer> offers = offers(dev("jvm", 20_000, 2), dev("ocl", 50_000, 3));
        assertTrue(p.decide(map(50_000_000), offers, "").coexecution());
        h.record(FakeDevices.SIG, Placer.SHARED, 50_000_000, 400e6, 0);  // 400 ms against 250 ms on ocl alone
        Decision d = p.decide(map(50_000_000), offers, "");
        assertFalse(d.coexecution(), d.why());
        assertEquals("ocl", d.device().id());
        assertTrue(d.why().contains("sharing measured 400.000 ms"), d.why());
        h.clear();
        h.record(FakeDevices.SIG, Placer.SHARED, 50_000_000, 150e6, 0);  // faster than alone: shares again
        assertTrue(p.decide(map(50_000_000), offers, "").coexecution());
    }

    @Test
    void aDeviceMoreThanThreeTimesFasterRunsAlone() {
        Decision d = placer.decide(map(50_000_000), offers(dev("jvm", 20_000, 2), dev("ocl", 50_000, 6.5)), "");
        assertFalse(d.coexecution());
        assertEquals("ocl", d.device().id());
        assertTrue(d.why().contains("more than 3.0x"), d.why());
    }

    @Test
    void smallInputsRunOnOneDeviceBecauseSharingMultipliesLaunches() {
        Decision d = placer.decide(map(10_000), offers(dev("jvm", 20_000, 2), dev("ocl", 500_000, 3)), "");
        assertFalse(d.coexecution(), d.why());
        assertEquals("jvm", d.device().id());
    }

    @Test
    void aFragmentThatCannotBeSharedSaysWhy() {
        Decision d = placer.decide(map(50_000_000), offers(dev("jvm", 20_000, 2), dev("ocl", 50_000, 3)),
                "co-execution is off (pappus.coexec=off)");
        assertFalse(d.coexecution());
        assertTrue(d.why().endsWith("not shared: co-execution is off (pappus.coexec=off)"), d.why());
    }

    @Test
    void explainShowsCandidatesPredictionsChoiceAndMeasuredTimes() {
        ExecutionHistory h = new ExecutionHistory();
        Placer p = new Placer(new CostModel(h));
        List<Offer> offers = List.of(new Offer(dev("jvm", 20_000, 2), Eligibility.yes(), true),
                new Offer(dev("ocl", 50_000, 3), Eligibility.no("element type has a String column"), true));
        String before = PlacementExplain.write(p.decide(map(1_000_000), offers, ""), h, "  ");
        assertTrue(before.contains("jvm                          predicted 5.020 ms"), before);
        assertTrue(before.contains("ocl                          not eligible: element type has a String column"), before);
        assertTrue(before.contains("choice: jvm (5.020 ms): the only eligible device"), before);
        assertTrue(before.contains("measured: not run yet"), before);
        h.record(FakeDevices.SIG, "jvm", 1_000_000, 6_500_000, 20_000);
        String after = PlacementExplain.write(p.decide(map(1_000_000), offers, ""), h, "  ");
        assertTrue(after.contains("measured: jvm 6.500 ms (1,000,000 elements)"), after);
        assertTrue(after.contains("[history]"), after);
    }
}
