package io.pappus.opencl.coexec;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Pair;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.lift.LambdaLifter;
import io.pappus.opencl.OclTestDevice;
import io.pappus.opencl.exec.RunLog;
import io.pappus.place.Candidate;
import io.pappus.place.Decision;
import io.pappus.place.DeviceProfile;
import io.pappus.place.TreePlacement;
import io.pappus.place.WorkEstimate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Target.AUTO on PoCL + JVM runs one query with fragments on both sides, as the cost model put
 * them. The choice is made deterministic by measured history written before the run: each
 * fragment measured 10 us per element on the side it should not take (a second over 100,000
 * elements, against the edges' fraction of a millisecond), 1 ns on the other. The run log says
 * where each fragment ran and the answers are the reference engine's.
 */
class AutoPerFragmentTest {
    private static final int N = 100_000;
    private final AutoEngine auto = new AutoEngine(LambdaLifter.shared()::lift);
    private final Engine reference = Engines.local(Target.REFERENCE);

    private static long[] longs() {
        long[] xs = new long[N];
        for (int i = 0; i < N; i++) {
            xs[i] = (i * 7919L) % 100_003 - 50_000;
        }
        return xs;
    }

    /** Writes history that makes the fragments with the given ids fast on the device and the rest fast on the JVM. */
    private TreePlacement steer(DataSet<?> q, Set<Integer> onDevice) {
        TreePlacement before = auto.placement(q.node(), new Terminal.ToList<>());
        for (Map.Entry<Integer, Decision> e : before.decisions().entrySet()) {
            WorkEstimate w = e.getValue().work();
            for (Candidate c : e.getValue().candidates()) {
                boolean fast = c.device().readsHostMemory() != onDevice.contains(e.getKey());
                auto.history().record(w.signature(), c.device().id(), w.elements(), w.elements() * (fast ? 1.0 : 10_000.0), 0);
            }
        }
        return auto.placement(q.node(), new Terminal.ToList<>());
    }

    private static Set<Integer> placedOnDevice(TreePlacement p) {
        Set<Integer> ids = new TreeSet<>();
        p.decisions().forEach((id, d) -> {
            if (d.chosen().stream().noneMatch(DeviceProfile::readsHostMemory)) {
                ids.add(id);
            }
        });
        return ids;
    }

    @Test
    void aGroupByOnTheDeviceBetweenAFilterAndASortOnTheJvm() {
        OclTestDevice.get();
        DataSet<Pair<Long, Long>> q = DataSet.from(longs()).filter(x -> x % 3 != 0)
                .groupBy(x -> x % 97).reduce(Long::sum).orderBy(p -> p.second());
        TreePlacement p = steer(q, Set.of(2));
        assertEquals(Set.of(2), placedOnDevice(p), p.toString());
        assertEquals("uploaded", p.edge(3, 2).orElseThrow().how());
        assertEquals("read back", p.edge(2, 1).orElseThrow().how());
        assertTrue(p.edge(3, 2).orElseThrow().nanos() > 0);

        assertEquals(q.on(reference).toList(), q.on(auto).toList());
        RunLog.Traffic t = auto.runLog().latestQuery().orElseThrow();
        assertEquals(Set.of(2), t.fragmentsOn(true), t.ran().toString());
        assertEquals(Set.of(1, 3), t.fragmentsOn(false), t.ran().toString());
        RunLog.Edge up = t.edges().stream().filter(e -> e.from() == 3).findFirst().orElseThrow();
        assertFalse(up.onDevice());
        assertTrue(up.how().startsWith("uploaded from the host: fragment 3 runs on the JVM: placed on the JVM by the"
                + " cost model"), up.how());
        RunLog.Edge down = t.edges().stream().filter(e -> e.from() == 2).findFirst().orElseThrow();
        assertTrue(down.how().startsWith("read back"), down.how());
        assertEquals(1, auto.runLog().breakerRuns("groupBy"), "the groupBy ran on the device once");

        String explain = q.on(auto).explain();
        assertTrue(explain.contains("query predicted "), explain);
        assertTrue(explain.contains("edge from fragment 3: uploaded"), explain);
        assertTrue(explain.contains("edge from fragment 2: read back"), explain);
        assertTrue(explain.matches("(?s).*fragment 2: groupBy -> collect\n.*choice: [^\n]*OpenCL.*"), explain);
        String device = p.decision(2).device().id();
        assertTrue(auto.history().last(p.decision(2).work().signature(), device).orElseThrow().nanos() < 1e9,
                "the device's own measured run of fragment 2 is in the history");
        assertTrue(auto.history().last(p.decision(3).work().signature(), "jvm").orElseThrow().nanos() < 1e9);
    }

    @Test
    void aSortAndMapOnTheDeviceAfterAMapOnTheJvm() {
        OclTestDevice.get();
        DataSet<Long> q = DataSet.from(longs()).map(x -> x * 3 + 1).orderBy(x -> -x).map(x -> x / 7);
        TreePlacement p = steer(q, Set.of(1));
        assertEquals(Set.of(1), placedOnDevice(p), p.toString());
        assertEquals(q.on(reference).toList(), q.on(auto).toList());
        RunLog.Traffic t = auto.runLog().latestQuery().orElseThrow();
        assertEquals(Set.of(1), t.fragmentsOn(true), t.ran().toString());
        assertEquals(Set.of(2), t.fragmentsOn(false), t.ran().toString());
        assertEquals(8L * N, t.columnBytesUp(), "the JVM map's output went up once: " + t);
        assertEquals(8L * N, t.columnBytesDown(), "and only the result came down: " + t);
    }

    @Test
    void aHistoryThatFavoursTheJvmEverywhereKeepsTheWholeQueryOffTheDevice() {
        OclTestDevice.get();
        DataSet<Long> q = DataSet.from(longs()).map(x -> x * 3 + 1).orderBy(x -> -x).map(x -> x / 7);
        TreePlacement p = steer(q, Set.of());
        assertEquals(Set.of(), placedOnDevice(p));
        long before = auto.runLog().deviceRuns();
        assertEquals(q.on(reference).toList(), q.on(auto).toList());
        assertEquals(before, auto.runLog().deviceRuns());
        assertEquals(List.of(), p.edges().stream().filter(e -> e.nanos() > 0).toList());
    }
}
