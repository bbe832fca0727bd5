package io.pappus.place;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.pappus.place.FakeDevices.cpu;
import static io.pappus.place.FakeDevices.gpu;
import static io.pappus.place.FakeDevices.offers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Placing a query's fragments one by one, with every edge whose ends are on different sides
 * paying its bytes over the link: the cheapest tree, by the numbers the formula gives.
 * Fake profiles: the CPU launches in 20 us at 2 work units/ns, the GPU in 50 us at 40/ns over a
 * 10 bytes/ns link.
 */
class TreePlacerTest {
    private static final DeviceProfile GPU = gpu(50_000, 10.0);
    private final ExecutionHistory history = new ExecutionHistory(0.5);
    private final TreePlacer placer = new TreePlacer(new CostModel(history), false);

    private static FragmentNode node(int id, long n, long in, long out, double work, FragmentNode... feeds) {
        return new FragmentNode(id, new WorkEstimate("f" + id, n, in, out, work), offers(cpu(), GPU), List.of(feeds));
    }

    /**
     * A cheap filter over a large source (8 MB: 0.8 ms to upload), a heavy map over its 10,000
     * survivors (80 kB: 8 us each way), a light last step.
     */
    private static FragmentNode chain(long middleOut) {
        FragmentNode filter = node(3, 1_000_000, 8_000_000, 80_000, 1);
        FragmentNode heavy = node(2, 10_000, 80_000, middleOut, 10_000, filter);
        return node(1, 10_000, middleOut, 80_000, 2, heavy);
    }

    private static String side(TreePlacement p, int fragment) {
        return p.decision(fragment).device().id();
    }

    @Test
    void aCheapToMoveHeavyMiddleFragmentGoesToTheDeviceAndTheRestStayOnTheJvm() {
        TreePlacement p = placer.place(chain(80_000), "");
        assertEquals(List.of("jvm", "gpu", "jvm"), List.of(side(p, 3), side(p, 2), side(p, 1)), p.toString());
        // filter 20 us + 1 M/2 ns; up 80 kB / 10; heavy 50 us + 100 M/40; down 80 kB / 10; last 20 us + 20,000/2
        double want = (20_000 + 500_000) + 8_000 + (50_000 + 2_500_000) + 8_000 + (20_000 + 10_000);
        assertEquals(want, p.predicted(), 1e-6);
        assertEquals(8_000, p.edge(3, 2).orElseThrow().nanos(), 1e-9);
        assertEquals("uploaded", p.edge(3, 2).orElseThrow().how());
        assertEquals("read back", p.edge(2, 1).orElseThrow().how());
        // the device fragment's own time has no transfer: its input and output are edges
        Decision heavy = p.decision(2);
        assertEquals(50_000 + 2_500_000 + 8_000, heavy.predicted(), 1e-6);
        assertEquals(0, heavy.candidates().get(1).prediction().transferIn());
        String explain = PlacementExplain.write(heavy, history, "  ");
        assertTrue(explain.contains("choice: GPU (2.558 ms): least predicted time of fragment 2 with its feeds: 3.078 ms"
                + " here against 50.540 ms with it on JVM; edges in: from fragment 3: uploaded, 80.0 kB (0.008 ms)"),
                explain);
        assertTrue(p.decision(1).why().contains("from fragment 2: read back, 80.0 kB (0.008 ms)"), p.decision(1).why());
    }

    @Test
    void anEdgeCostlierThanTheDevicesGainBringsTheFragmentBackToTheJvm() {
        // source -> heavy map (100,000 elements, 800 kB in, 100 work units each) -> a step only the JVM runs
        // device: 50 us + 0.8 MB / 10 + 10 M / 40 = 0.38 ms, plus B / 10 to read back B bytes; JVM: 20 us + 5 ms
        double flip = (5_020_000 - 380_000) * 10.0;
        for (double f : new double[] {0.95, 1.05}) {
            long b = (long) (flip * f);
            FragmentNode map = node(2, 100_000, 800_000, b, 100);
            FragmentNode last = new FragmentNode(1, new WorkEstimate("f1", 100_000, b, 8, 1),
                    List.of(new Offer(cpu(), Eligibility.yes(), true), new Offer(GPU, Eligibility.no("no kernel"), true)),
                    List.of(map));
            TreePlacement p = placer.place(last, "");
            double lastJvm = 20_000 + 100_000 / 2.0;
            assertEquals("jvm", side(p, 1));
            if (f < 1) {
                assertEquals("gpu", side(p, 2), p.decision(2).why());
                assertEquals(lastJvm + 380_000 + b / 10.0, p.predicted(), 1e-6);
            } else {
                assertEquals("jvm", side(p, 2), p.decision(2).why());
                assertEquals(lastJvm + 5_020_000, p.predicted(), 1e-6);
                assertTrue(p.decision(2).why().contains("alone it is faster on GPU, 0.380 ms against 5.020 ms"),
                        p.decision(2).why());
            }
        }
    }

    @Test
    void anEdgeBetweenTwoDeviceFragmentsMovesNothing() {
        // 800 MB between two heavy fragments: 80 ms each way over the link, nothing when both run on the device
        FragmentNode first = node(2, 100_000_000, 800_000_000, 800_000_000, 100);
        FragmentNode second = node(1, 100_000_000, 800_000_000, 8, 100, first);
        TreePlacement p = placer.place(second, "");
        assertEquals(List.of("gpu", "gpu"), List.of(side(p, 2), side(p, 1)));
        assertEquals(0, p.edge(2, 1).orElseThrow().nanos());
        assertEquals("stays on the device", p.edge(2, 1).orElseThrow().how());
        // first: launch + 800 MB up + 10 G work; second: launch + 10 G work + 8 bytes back
        assertEquals((50_000 + 80e6 + 250e6) + (50_000 + 250e6 + 0.8), p.predicted(), 1e-3);
    }

    @Test
    void aReaderThatCannotRunItsBreakerOnTheDeviceReadsItsFeedThroughTheHost() {
        FragmentNode first = node(2, 100_000_000, 800_000_000, 800_000_000, 100);
        FragmentNode second = new FragmentNode(1, new WorkEstimate("f1", 100_000_000, 800_000_000, 8, 100),
                List.of(new Offer(cpu(), Eligibility.yes(), true), new Offer(GPU, Eligibility.yes(), true, false)),
                List.of(first));
        TreePlacement p = placer.place(second, "");
        assertEquals(List.of("gpu", "gpu"), List.of(side(p, 2), side(p, 1)));
        assertEquals("read back", p.edge(2, 1).orElseThrow().how());  // the breaker runs on the JVM
        assertEquals(80e6, p.edge(2, 1).orElseThrow().nanos(), 1e-6);
        assertEquals(80e6, p.decision(1).candidates().get(1).prediction().transferIn(), 1e-6);  // and its output goes up
    }

    @Test
    void measuredHistoryMovesTheMiddleFragmentOffTheDeviceAndBackOn() {
        assertEquals("gpu", side(placer.place(chain(80_000), ""), 2));
        double fixed = 50_000;
        for (int i = 0; i < 3; i++) {  // the device measures 20 us per element: 200 ms against the JVM's 50
            history.record("f2", "gpu", 10_000, fixed + 10_000 * 20_000.0, fixed);
        }
        TreePlacement slow = placer.place(chain(80_000), "");
        assertEquals(List.of("jvm", "jvm", "jvm"), List.of(side(slow, 3), side(slow, 2), side(slow, 1)));
        assertTrue(slow.decision(2).candidates().get(1).prediction().fromHistory());
        assertTrue(slow.edges().stream().allMatch(e -> e.nanos() == 0), slow.edges().toString());
        for (int i = 0; i < 10; i++) {  // unloaded again: 250 ns per element
            history.record("f2", "gpu", 10_000, fixed + 10_000 * 250.0, fixed);
        }
        assertEquals("gpu", side(placer.place(chain(80_000), ""), 2));
    }

    @Test
    void aQueryOfOneFragmentIsThePlacersDecision() {
        FragmentNode only = node(1, 50_000_000, 400_000_000, 8, 10);
        TreePlacement p = placer.place(only, "co-execution is off");
        Decision d = new Placer(new CostModel(history)).decide(only.work(), only.offers(), "co-execution is off");
        assertEquals(d, p.decision(1));
        assertTrue(p.edges().isEmpty());
        assertFalse(p.decision(1).coexecution());
    }
}
