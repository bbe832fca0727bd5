package io.pappus.opencl.engine;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.opencl.OclEngine;
import io.pappus.opencl.exec.DeviceCache;
import io.pappus.opencl.exec.RunLog;
import io.pappus.opencl.runtime.OclSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code cache()} on the OpenCL engine keeps the columns in device buffers: the first query
 * uploads them, later queries on the same cached data set upload nothing (run log and the
 * session's upload counter), eviction under a tiny cache budget still gives the reference's
 * answers, and a cached data set that becomes garbage gives its device memory back.
 */
class ResidentCacheTest {
    private final Engine reference = Engines.local(Target.REFERENCE);

    @AfterEach
    void reset() {
        System.clearProperty(DeviceCache.PROPERTY);
        System.clearProperty("pappus.opencl.maxBufferBytes");
    }

    private static double[] data(int n, int seed) {
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = ((i * 7919L + seed) % 10007) / 10007.0;
        }
        return xs;
    }

    @Test
    void aSecondQueryOnACachedDataSetUploadsNothing() {
        OclEngine e = (OclEngine) Engines.local(Target.OPENCL);
        OclSession s = OclSession.of(e.device());
        int n = 50_000;
        DataSet<Double> cached = DataSet.from(data(n, 1)).cache();
        DataSet<Double> q1 = cached.map(x -> x * x).filter(x -> x > 0.25);
        assertEquals(q1.on(reference).toList(), q1.on(e).toList());
        RunLog.Run first = e.runLog().latest().orElseThrow();
        assertEquals(RunLog.Input.RESIDENT, first.input());
        assertEquals(8L * n, first.uploadedBytes(), "the first query makes the columns resident");

        long uploadsBefore = s.uploadedBytes();
        DataSet<Double> q2 = cached.map(x -> x * 3.0 - 1.0).filter(x -> x < 0.5);
        assertEquals(q2.on(reference).count(), q2.on(e).count());
        assertEquals(q1.on(reference).reduce(0.0, Double::sum), q1.on(e).reduce(0.0, Double::sum), 1e-9 * n);
        RunLog.Run later = e.runLog().latest().orElseThrow();
        assertEquals(RunLog.Input.RESIDENT, later.input());
        assertEquals(0, later.uploadedBytes());
        // only the two error slots per run cross the bus, never the column
        assertTrue(s.uploadedBytes() - uploadsBefore < 1024, "uploaded " + (s.uploadedBytes() - uploadsBefore));
    }

    @Test
    void residentColumnsStreamThroughSmallChunksByDeviceCopies() {
        System.setProperty("pappus.opencl.maxBufferBytes", Integer.toString(64 << 10));
        System.setProperty(DeviceCache.PROPERTY, Integer.toString(1 << 20));  // the cache may hold more than a run
        OclEngine e = (OclEngine) Engines.local(Target.OPENCL);
        int n = 40_000;
        DataSet<Double> cached = DataSet.from(data(n, 2)).cache();
        DataSet<Double> q = cached.map(x -> x + 1.0).filter(x -> x > 1.5);
        assertEquals(q.on(reference).toList(), q.on(e).toList());
        assertEquals(q.on(reference).toList(), q.on(e).toList());
        RunLog.Run run = e.runLog().latest().orElseThrow();
        assertTrue(run.chunks() > 1, "chunks " + run.chunks());
        assertEquals(RunLog.Input.RESIDENT, run.input());
        assertEquals(0, run.uploadedBytes());
    }

    @Test
    void evictionUnderATinyCacheBudgetStillGivesTheReferenceAnswers() {
        int n = 10_000;
        System.setProperty(DeviceCache.PROPERTY, Long.toString(8L * n + 100));  // room for one data set
        OclEngine e = (OclEngine) Engines.local(Target.OPENCL);
        DeviceCache cache = DeviceCache.of(e.device());
        cache.clear();
        long evictions = cache.evictions();
        List<DataSet<Double>> sets = List.of(DataSet.from(data(n, 3)).cache(), DataSet.from(data(n, 4)).cache());
        for (int round = 0; round < 3; round++) {
            for (DataSet<Double> c : sets) {
                DataSet<Double> q = c.map(x -> x * x).filter(x -> x > 0.25);
                assertEquals(q.on(reference).toList(), q.on(e).toList());
                assertEquals(8L * n, e.runLog().latest().orElseThrow().uploadedBytes(), "evicted, so uploaded again");
                assertTrue(cache.residentBytes() <= 8L * n + 100);
            }
        }
        assertTrue(cache.evictions() - evictions >= 5, "evictions " + (cache.evictions() - evictions));
        DataSet<Double> big = DataSet.from(data(2 * n, 5)).cache();  // larger than the whole cache: streamed
        DataSet<Double> q = big.map(x -> x - 0.5).filter(x -> x > 0.0);
        assertEquals(q.on(reference).toList(), q.on(e).toList());
        assertEquals(RunLog.Input.HOST, e.runLog().latest().orElseThrow().input());
    }

    @Test
    void aCachedDataSetThatBecomesGarbageGivesItsDeviceMemoryBack() throws InterruptedException {
        OclEngine e = (OclEngine) Engines.local(Target.OPENCL);
        DeviceCache cache = DeviceCache.of(e.device());
        cache.clear();
        long before = cache.residentBytes();
        runOnce(e, 30_000);
        assertTrue(cache.residentBytes() >= before + 8L * 30_000, "resident after the query");
        for (int i = 0; i < 100 && cache.residentBytes() > before; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(before, cache.residentBytes(), "released once the data set is garbage");
    }

    private void runOnce(OclEngine e, int n) {
        DataSet<Double> cached = DataSet.from(data(n, 6)).cache();
        DataSet<Double> q = cached.map(x -> x * 2.0).filter(x -> x > 1.0);
        assertEquals(q.on(reference).count(), q.on(e).count());
    }
}
