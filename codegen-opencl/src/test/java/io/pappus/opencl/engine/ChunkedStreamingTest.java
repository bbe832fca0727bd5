package io.pappus.opencl.engine;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.api.query.Terminal;
import io.pappus.opencl.OclEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A data set larger than an artificially small device-memory budget
 * ({@code pappus.opencl.maxBufferBytes} = 64 KiB) streams through the device in chunks and
 * gives the reference's answer: columns in order, counts, exact integer sums, min/max, and
 * double sums within the reordering bound.
 */
class ChunkedStreamingTest {
    private static final String BUDGET = "pappus.opencl.maxBufferBytes";
    private final Engine reference = Engines.local(Target.REFERENCE);

    @BeforeEach
    void smallBudget() {
        System.setProperty(BUDGET, Integer.toString(64 << 10));
    }

    @AfterEach
    void noBudget() {
        System.clearProperty(BUDGET);
    }

    @Test
    void largeInputsStreamInChunksAndAgreeWithTheReference() {
        OclEngine e = (OclEngine) Engines.local(Target.OPENCL);
        int n = 100_003;
        int[] xs = new int[n];
        double[] ds = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i * 7919 % 10007 - 5000;
            ds[i] = xs[i] / 97.0;
        }
        DataSet<Integer> q = DataSet.from(xs).map(x -> x * 3).filter(x -> x % 5 != 0);
        List<Integer> expected = q.on(reference).toList();
        assertEquals(expected, q.on(e).toList());
        assertTrue(lastChunks(e, q.node(), new Terminal.ToList<>()) > 1, "streamed in more than one chunk");
        assertEquals(q.on(reference).count(), q.on(e).count());
        assertEquals(q.on(reference).reduce(0, Integer::sum), q.on(e).reduce(0, Integer::sum));
        assertEquals(q.on(reference).reduce(Math::max), q.on(e).reduce(Math::max));
        assertEquals(q.on(reference).reduce(Math::min), q.on(e).reduce(Math::min));
        DataSet<Double> d = DataSet.from(ds).map(x -> x * x).filter(x -> x > 0.25);
        double want = d.on(reference).reduce(0.0, Double::sum);
        double got = d.on(e).reduce(0.0, Double::sum);
        double abs = d.on(reference).map(Math::abs).reduce(0.0, Double::sum);
        assertEquals(want, got, 2 * n * 0x1p-53 * abs);
        assertTrue(lastChunks(e, d.node(), new Terminal.Reduce<>(0.0, Double::sum)) > 1);
    }

    private static int lastChunks(OclEngine e, io.pappus.api.query.Node node, Terminal<?> t) {
        String explain = e.explain(node, t);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("in (\\d+) chunk\\(s\\)").matcher(explain);
        assertTrue(m.find(), explain);
        return Integer.parseInt(m.group(1));
    }
}
