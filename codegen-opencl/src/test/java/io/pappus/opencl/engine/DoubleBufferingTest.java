package io.pappus.opencl.engine;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.opencl.OclEngine;
import io.pappus.opencl.exec.RunLog;
import io.pappus.opencl.runtime.OclSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streaming under a small device-memory budget: the input crosses in many double-buffered
 * chunks, the device never holds more than the budget (the session's peak of live buffer
 * bytes), every input byte is uploaded exactly once, and explain() shows the profiled kernel
 * and transfer times with how the input travelled.
 */
class DoubleBufferingTest {
    private static final String BUDGET = "pappus.opencl.maxBufferBytes";
    private static final long BYTES = 96 << 10;
    private final Engine reference = Engines.local(Target.REFERENCE);

    @BeforeEach
    void smallBudget() {
        System.setProperty(BUDGET, Long.toString(BYTES));
    }

    @AfterEach
    void noBudget() {
        System.clearProperty(BUDGET);
    }

    @Test
    void deviceMemoryStaysWithinTheBudgetWhileManyChunksStream() {
        OclEngine e = (OclEngine) Engines.local(Target.OPENCL);
        int n = 200_000;
        double[] xs = new double[n];
        long[] ks = new long[n];
        for (int i = 0; i < n; i++) {
            xs[i] = ((i * 7919L) % 10007) / 10007.0;
            ks[i] = i * 31L - 77;
        }
        OclSession s = OclSession.of(e.device());
        DataSet<Double> q = DataSet.from(xs).map(x -> x * x).filter(x -> x > 0.25);
        List<Double> want = q.on(reference).toList();
        long live = s.liveBytes();
        s.resetPeak();
        List<Double> got = q.on(e).toList();
        assertEquals(want, got);
        RunLog.Run run = e.runLog().latest().orElseThrow();
        assertTrue(run.chunks() >= 10, "chunks: " + run.chunks());
        assertTrue(s.peakBytes() - live <= BYTES, "peak " + (s.peakBytes() - live) + " > budget " + BYTES);
        assertEquals(RunLog.Input.HOST, run.input());
        assertEquals(8L * n, run.uploadedBytes(), "each input byte crosses once");
        assertTrue(run.timings().kernelNanos() > 0 && run.timings().transferNanos() > 0, run.toString());

        DataSet<Long> longs = DataSet.from(ks).map(k -> k ^ (k >>> 3)).filter(k -> (k & 1) == 0);
        s.resetPeak();
        assertEquals(longs.on(reference).reduce(0L, Long::sum), longs.on(e).reduce(0L, Long::sum));
        assertTrue(s.peakBytes() - live <= BYTES, "peak " + (s.peakBytes() - live) + " > budget " + BYTES);
        String explain = e.explain(q.node(), new Terminal.ToList<>());
        assertTrue(explain.contains("double-buffered"), explain);
        System.out.println(explain.lines().filter(l -> l.startsWith("last run")).findFirst().orElse(""));
        assertTrue(explain.matches("(?s).*kernels \\d+\\.\\d+ ms \\(\\d+\\), transfers \\d+\\.\\d+ ms \\(\\d+\\).*"),
                explain);
    }

    @Test
    void aRepeatedQueryReusesItsDeviceBuffers() {
        OclEngine e = (OclEngine) Engines.local(Target.OPENCL);
        OclSession s = OclSession.of(e.device());
        double[] xs = new double[30_000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (i % 977) / 977.0;
        }
        DataSet<Double> q = DataSet.from(xs).map(x -> x * x).filter(x -> x > 0.25);
        List<Double> want = q.on(reference).toList();
        assertEquals(want, q.on(e).toList());
        long reuses = s.pooledReuses();
        assertEquals(want, q.on(e).toList());
        assertTrue(s.pooledReuses() > reuses, "the second run takes idle buffers from the pool");
    }

    @Test
    void emptyAndOneElementInputsStillWork() {
        OclEngine e = (OclEngine) Engines.local(Target.OPENCL);
        for (double[] xs : List.of(new double[0], new double[] {0.9})) {
            DataSet<Double> q = DataSet.from(xs).map(x -> x * x).filter(x -> x > 0.25);
            assertEquals(q.on(reference).toList(), q.on(e).toList());
            assertEquals(q.on(reference).count(), q.on(e).count());
        }
    }
}
