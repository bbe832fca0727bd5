package io.pappus.cluster;

import io.pappus.api.DataSet;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.cluster.remote.MemberTarget;
import io.pappus.cluster.remote.RanOn;
import io.pappus.cluster.worker.LocalWorkers;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.OclEngine;
import io.pappus.opencl.runtime.OpenClDevices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two worker processes ({@code java -jar pappus-worker.jar}) that look for their OpenCL devices
 * and are told to use them: the jar carries the OpenCL backend, the workers run the caller's
 * pipeline on their device (PoCL here), the replies say so, and explain lists each worker's runner.
 */
class WorkerOpenClIT {
    private static LocalWorkers workers;
    private static ClusterEngine client;

    @BeforeAll
    static void start() {
        workers = TestWorkers.create(List.of("-D" + MemberTarget.PROPERTY + "=opencl"), List.of());
        client = TestWorkers.startAndJoin(workers, 2);
    }

    @AfterAll
    static void stop() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (workers != null) {
                workers.close();
            }
        }
    }

    @Test
    void workersRunTheirChunksOnTheirDeviceAndSaySo() {
        DeviceInfo device = OclEngine.choose(OpenClDevices.available());  // the workers run on this machine
        assertTrue(device != null, "no OpenCL device: is PoCL installed?");
        double[] xs = new double[40_000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (i % 500) * 0.5;
        }
        Set<RanOn> ran = ConcurrentHashMap.newKeySet();
        Set<String> members = ConcurrentHashMap.newKeySet();
        client.onReply(r -> {
            ran.add(r.on());
            members.add(r.member());
        });
        long got;
        try {
            got = DataSet.from(xs).on(client).map(x -> x * 3 - 1).filter(x -> x > 100).count();
        } finally {
            client.onReply(null);
        }
        assertEquals(DataSet.from(xs).on(Engines.local(Target.REFERENCE)).map(x -> x * 3 - 1).filter(x -> x > 100).count(), got);
        assertEquals(Set.of(new RanOn("opencl", device.name(), "")), ran);
        // which workers get chunks depends on their measured throughput (one may get them all);
        // that both run on their device is what they advertise, checked below
        assertFalse(members.isEmpty(), "no worker replied");
        String explain = DataSet.from(xs).on(client).map(x -> x * 3 - 1).explain();
        long advertised = explain.lines().filter(l -> l.startsWith("member ") && l.contains(": opencl on " + device.name()))
                .count();
        assertEquals(2, advertised, explain);
    }
}
