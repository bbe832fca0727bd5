package io.pappus.opencl.engine;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Pair;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.exec.ElementFailure;
import io.pappus.opencl.OclEngine;
import io.pappus.opencl.exec.MemoryBudget;
import io.pappus.opencl.exec.RunLog;
import io.pappus.opencl.runtime.OclSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Between the fragments of one query (map/filter, then a breaker, then another) the data stays
 * on the device: the source crosses the bus once up and only the result comes down. Measured
 * two ways: the column bytes the executor moved (exact, from the data sizes) and every byte
 * the device's session transferred over the query (columns plus a few KiB of error slots,
 * counts and sort digit masks), which would also count any intermediate that went through the
 * host. A budget too small for an intermediate sends that edge through the host, and
 * explain() says why; a failing element after a resident breaker is still Java's exception,
 * and no device buffer outlives its query.
 */
class ResidentHandoffTest {
    /** Error slots, match counts, partial reductions and sort digit masks: far below one intermediate. */
    private static final long CONTROL = 64 << 10;
    private static final int N = 100_000;
    private final Engine reference = Engines.local(Target.REFERENCE);
    private final OclEngine ocl = (OclEngine) Engines.local(Target.OPENCL);
    private final OclSession session = OclSession.of(ocl.device());

    @AfterEach
    void reset() {
        System.clearProperty(MemoryBudget.PROPERTY);
    }

    private static long[] longs(int n) {
        long[] xs = new long[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (i * 7919L) % 100_003 - 50_000;
        }
        return xs;
    }

    @Test
    void mapFilterOrderByUploadsTheSourceOnceAndDownloadsOnlyTheResult() {
        DataSet<Long> q = DataSet.from(longs(N)).map(x -> x * 3 + 1).filter(x -> x % 5 != 0).orderBy(x -> -x);
        List<Long> want = q.on(reference).toList();
        RunLog.Traffic t = measure(() -> assertEquals(want, q.on(ocl).toList()));
        assertMovedOnly(t, 8L * N, 8L * want.size());
        assertTrue(t.edges().stream().anyMatch(e -> e.from() == 2 && e.to() == 1 && e.onDevice()), t.edges().toString());
        String explain = ocl.explain(q.node(), new Terminal.ToList<>());
        assertTrue(explain.contains("edge from fragment 2: stays on the device"), explain);
        assertTrue(explain.contains("last run: fragment 2 -> 1: stayed on the device, " + 8L * want.size()
                + " byte(s)"), explain);
        assertTrue(explain.contains("bus traffic of the last run: columns " + 8L * N + " byte(s) up, "
                + 8L * want.size() + " down"), explain);
    }

    @Test
    void filterGroupByOrderByKeepsBothIntermediatesOnTheDevice() {
        DataSet<Pair<Long, Long>> q = DataSet.from(longs(N)).filter(x -> x % 3 != 0)
                .groupBy(x -> x % 97).reduce(Long::sum).orderBy(p -> p.second());
        List<Pair<Long, Long>> want = q.on(reference).toList();
        RunLog.Traffic t = measure(() -> assertEquals(want, q.on(ocl).toList()));
        assertMovedOnly(t, 8L * N, 16L * want.size());  // a pair is two long columns
        assertEquals(2, t.edges().stream().filter(RunLog.Edge::onDevice).count(), t.edges().toString());
    }

    @Test
    void mapDistinctCountDownloadsNoColumnAtAll() {
        DataSet<Long> q = DataSet.from(longs(N)).map(x -> x / 50).distinct();
        long want = q.on(reference).count();
        RunLog.Traffic t = measure(() -> assertEquals(want, q.on(ocl).count()));
        assertMovedOnly(t, 8L * N, 0);
        String explain = ocl.explain(q.node(), new Terminal.Count());
        assertTrue(explain.contains("the count is the size of the distinct output on the device"), explain);
    }

    @Test
    void doublesThroughSortThenAMapStayOnTheDevice() {
        double[] xs = new double[N];
        for (int i = 0; i < N; i++) {
            xs[i] = Math.sin(i) * 1000;
        }
        DataSet<Double> q = DataSet.from(xs).filter(x -> x > -500.0).orderBy(x -> x).map(x -> x * 0.5);
        List<Double> want = q.on(reference).toList();
        RunLog.Traffic t = measure(() -> assertEquals(want, q.on(ocl).toList()));
        assertMovedOnly(t, 8L * N, 8L * want.size());
        assertEquals(RunLog.Input.FRAGMENT, ocl.runLog().latest().orElseThrow().input(), "the map read the sort's output");
    }

    @Test
    void anIntermediateOverTheBudgetGoesThroughTheHostAndExplainSaysWhy() {
        System.setProperty(MemoryBudget.PROPERTY, Integer.toString(256 << 10));  // the 800 KB source streams in chunks
        DataSet<Long> q = DataSet.from(longs(N)).map(x -> x * 3 + 1).filter(x -> x % 5 != 0).orderBy(x -> -x);
        List<Long> want = q.on(reference).toList();
        RunLog.Traffic t = measure(() -> assertEquals(want, q.on(ocl).toList()));
        long kept = 8L * want.size();
        // the filter's output came down and went up again for the sort: what the old code did on every edge
        assertEquals(8L * N + kept, t.columnBytesUp());
        assertEquals(kept + 8L * want.size(), t.columnBytesDown());
        assertTrue(t.busBytesUp() >= t.columnBytesUp(), t.toString());
        RunLog.Edge e = t.edges().stream().filter(x -> x.from() == 2).findFirst().orElseThrow();
        assertFalse(e.onDevice());
        assertTrue(e.how().contains("streamed its input in") && e.how().contains(MemoryBudget.PROPERTY), e.how());
        assertTrue(ocl.explain(q.node(), new Terminal.ToList<>()).contains("streamed its input in"));
    }

    @Test
    void aFailingElementAfterAResidentSortIsJavasAndFreesTheQuerysBuffers() {
        long[] xs = longs(5000);
        DataSet<Long> q = DataSet.from(xs).orderBy(x -> x).map(x -> 1000 / (x % 1000));  // x = 0 after sorting
        ArithmeticException want = assertThrows(ArithmeticException.class, () -> q.on(reference).toList());
        long live = session.liveBytes();
        ArithmeticException got = assertThrows(ArithmeticException.class, () -> q.on(ocl).toList());
        assertEquals(want.getMessage(), got.getMessage());
        assertEquals(failure(want), failure(got), "the same element is named");
        assertEquals(live, session.liveBytes(), "every device buffer of the failed query is released");
        DataSet<Long> ok = DataSet.from(xs).orderBy(x -> x).map(x -> x + 1).distinct();
        assertEquals(ok.on(reference).toList(), ok.on(ocl).toList());
        assertEquals(live, session.liveBytes(), "and of a query that succeeded");
    }

    /** Runs the query and returns what it moved, cross-checked with the session's own counters. */
    private RunLog.Traffic measure(Runnable query) {
        long up = session.uploadedBytes();
        long down = session.downloadedBytes();
        query.run();
        RunLog.Traffic t = ocl.runLog().latestQuery().orElseThrow();
        assertEquals(session.uploadedBytes() - up, t.busBytesUp(), "the run log counts the session's uploads");
        assertEquals(session.downloadedBytes() - down, t.busBytesDown(), "and its downloads");
        return t;
    }

    private static void assertMovedOnly(RunLog.Traffic t, long source, long result) {
        assertEquals(source, t.columnBytesUp(), "the source goes up once: " + t);
        assertEquals(result, t.columnBytesDown(), "only the result comes down: " + t);
        assertTrue(t.busBytesUp() - source < CONTROL, "no intermediate went up: " + t);
        assertTrue(t.busBytesDown() - result < CONTROL, "no intermediate came down: " + t);
        assertTrue(t.busBytesUp() >= source && t.busBytesDown() >= result, t.toString());
    }

    private static String failure(RuntimeException e) {
        for (Throwable s : e.getSuppressed()) {
            if (s instanceof ElementFailure f) {
                return f.getMessage();
            }
        }
        return "no element named";
    }
}
