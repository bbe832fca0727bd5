package io.pappus.opencl.exec;

import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclSession;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one query moves over the bus: the column bytes counted where columns cross (a source
 * or a JVM fragment's output going up, a result or a device fragment's output for the JVM
 * coming down), every transfer of the device's session over the query (columns plus the few
 * bytes of error slots, counts and partial results; other queries running at the same time on
 * the device are counted too), and each edge between two fragments with where the data went.
 */
final class BusMeter {
    private final OclSession session;
    private final long sessionUp;
    private final long sessionDown;
    private final AtomicLong up = new AtomicLong();
    private final AtomicLong down = new AtomicLong();
    private final List<RunLog.Edge> edges = new ArrayList<>();
    private final List<RunLog.Ran> ran = new ArrayList<>();

    /** @param device the device, or null when there is none */
    BusMeter(DeviceInfo device) {
        this.session = device == null ? null : OclSession.of(device);
        this.sessionUp = session == null ? 0 : session.uploadedBytes();
        this.sessionDown = session == null ? 0 : session.downloadedBytes();
    }

    void up(long bytes) {
        up.addAndGet(bytes);
    }

    void down(long bytes) {
        down.addAndGet(bytes);
    }

    synchronized void edge(RunLog.Edge e) {
        edges.add(e);
    }

    synchronized void ran(RunLog.Ran r) {
        ran.add(r);
    }

    /** @return the query's traffic so far */
    synchronized RunLog.Traffic traffic() {
        long allUp = session == null ? 0 : session.uploadedBytes() - sessionUp;
        long allDown = session == null ? 0 : session.downloadedBytes() - sessionDown;
        return new RunLog.Traffic(up.get(), down.get(), allUp, allDown, edges, ran);
    }
}
