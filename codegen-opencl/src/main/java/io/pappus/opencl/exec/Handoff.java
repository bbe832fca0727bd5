package io.pappus.opencl.exec;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.exec.column.Columns;
import io.pappus.opencl.ResidentColumns;
import io.pappus.opencl.runtime.OclSession;

/**
 * One fragment's output on its way to the next fragment of a query: left on the device by the
 * fragment that computed it ({@link ResidentColumns}), or on the host with the reason. It
 * crosses the bus only when the next side needs it where it is not, at most once each way
 * (the copy is kept), and every crossing is counted on the query's {@link BusMeter}. The
 * query owns the device columns: {@link #close()} frees them when it ends.
 */
final class Handoff implements AutoCloseable {
    private final ColumnLayout layout;
    private final boolean resident;
    private final String hostReason;
    private Columns host;
    private ResidentColumns device;

    private Handoff(ColumnLayout layout, Columns host, ResidentColumns device, String hostReason) {
        this.layout = layout;
        this.host = host;
        this.device = device;
        this.resident = device != null;
        this.hostReason = hostReason;
    }

    /**
     * @param c   host columns
     * @param why why they are on the host (for {@code explain()})
     * @return a handoff on the host
     */
    static Handoff onHost(Columns c, String why) {
        return new Handoff(c.layout(), c, null, why);
    }

    /**
     * @param d      columns a device fragment left on the device, now owned by the query
     * @param layout their element type
     * @return a handoff on the device
     */
    static Handoff onDevice(ResidentColumns d, ColumnLayout layout) {
        return new Handoff(layout, null, d, null);
    }

    /** @return whether the producing fragment left the data on the device */
    boolean resident() {
        return resident;
    }

    /** @return why the data is on the host, or null when it is resident */
    String hostReason() {
        return hostReason;
    }

    ColumnLayout layout() {
        return layout;
    }

    int size() {
        return resident ? device.size() : host.size();
    }

    /** @return the bytes the data takes on the bus */
    long bytes() {
        return resident ? device.bytes() : host.bytes();
    }

    /**
     * @param bus counts the download
     * @return the data on the host, read back the first time
     */
    Columns host(BusMeter bus) {
        if (host == null) {
            host = DeviceColumns.download(layout, device);
            bus.down(device.bytes());
        }
        return host;
    }

    /**
     * @param session the device's session
     * @param bus     counts the upload
     * @return the data on the device, uploaded the first time
     */
    ResidentColumns device(OclSession session, BusMeter bus) {
        if (device == null) {
            device = DeviceColumns.upload(session, host);
            bus.up(device.bytes());
        }
        return device;
    }

    /**
     * @param n at most this many elements
     * @return the first {@code n} elements where they are now (device buffers are shared, not copied)
     */
    Handoff prefix(int n) {
        int k = Math.min(n, size());
        return resident ? onDevice(new ResidentColumns(device.buffers(), device.kinds(), k), layout)
                : onHost(new Columns(layout, host.leaves(), k), hostReason);
    }

    @Override
    public void close() {
        if (device != null) {
            device.close();
        }
    }
}
