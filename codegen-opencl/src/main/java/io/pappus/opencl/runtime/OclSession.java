package io.pappus.opencl.runtime;

import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_event;
import org.jocl.cl_mem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A context and two in-order, profiling command queues on one device, shared by the whole
 * process ({@link #of}): kernels and their blocking transfers go to the compute queue, uploads
 * that do not block ({@link #uploadAsync}, {@link #copyAsync}) to the transfer queue, so the
 * next chunk crosses the bus while this one computes. Released buffers and staging areas are
 * kept for reuse ({@link ReusePool}, {@code pappus.opencl.poolBytes}). The session counts device
 * memory in use (live and peak bytes) and the bytes that cross the bus each way.
 *
 * <pre>{@code
 * OclSession s = OclSession.of(OpenClDevices.available().get(0));
 * OclProgram p = s.program(source, "-cl-fp32-correctly-rounded-divide-sqrt");
 * }</pre>
 */
public final class OclSession {
    /** System property: the most bytes of idle device buffers (and, apart, of pinned staging) kept for reuse. */
    public static final String POOL_PROPERTY = "pappus.opencl.poolBytes";
    private static final Logger LOG = LoggerFactory.getLogger(OclSession.class);
    private static final Map<String, OclSession> SESSIONS = new ConcurrentHashMap<>();

    private final DeviceInfo device;
    private final cl_context context;
    private final cl_command_queue queue;
    private final cl_command_queue transferQueue;
    private final OclProgramCache programs;
    private final AtomicLong liveBytes = new AtomicLong();
    private final AtomicLong peakBytes = new AtomicLong();
    private final AtomicLong uploadedBytes = new AtomicLong();
    private final AtomicLong downloadedBytes = new AtomicLong();
    private final AtomicBoolean saidNoPinned = new AtomicBoolean();
    private final ReusePool<cl_mem> idleBuffers;
    private final ReusePool<OclStaging> idleStaging;
    private OclTimings timings = OclTimings.ZERO;

    private OclSession(DeviceInfo device) {
        this.device = device;
        OpenClDevices.Handles h = OpenClDevices.handles(device.id());
        cl_context_properties props = new cl_context_properties();
        props.addProperty(CL.CL_CONTEXT_PLATFORM, h.platform());
        try {
            context = CL.clCreateContext(props, 1, new org.jocl.cl_device_id[] {h.device()}, null, null, null);
            queue = queue(context, h.device());
            transferQueue = queue(context, h.device());
        } catch (CLException e) {
            throw new OclException("cannot open a context on " + device.describe(), e);
        }
        programs = new OclProgramCache(device, context, h.device());
        long pool = Long.getLong(POOL_PROPERTY, Math.min(1L << 30, device.globalMemory() / 8));
        idleBuffers = new ReusePool<>(pool, CL::clReleaseMemObject);
        idleStaging = new ReusePool<>(pool, OclStaging::release);
    }


    // clCreateCommandQueue is deprecated in OpenCL 2.0 but the only choice on 1.2 drivers
    @SuppressWarnings("deprecation")
    private static cl_command_queue queue(cl_context context, org.jocl.cl_device_id device) {
        return CL.clCreateCommandQueue(context, device, CL.CL_QUEUE_PROFILING_ENABLE, null);
    }

    /**
     * @param device a discovered device
     * @return the process's session on it, opened on first use
     */
    public static OclSession of(DeviceInfo device) {
        return SESSIONS.computeIfAbsent(device.id(), id -> new OclSession(device));
    }

    /** @return the device */
    public DeviceInfo device() {
        return device;
    }

    /** @return the program cache of this device */
    public OclProgramCache programs() {
        return programs;
    }

    cl_context context() {
        return context;
    }

    cl_command_queue transferQueue() {
        return transferQueue;
    }

    /**
     * @param source  OpenCL C source
     * @param options build options
     * @return the built program, from memory, disk or the compiler
     * @throws OclBuildException with the build log when the source does not compile
     */
    public OclProgram program(String source, String options) {
        return programs.get(source, options);
    }

    /**
     * @param type   the element type
     * @param length elements (at least one is allocated)
     * @return a new read-write buffer; close it when done
     */
    public OclBuffer buffer(OclBuffer.ElementType type, long length) {
        long bytes = Math.max(1, length) * type.bytes();
        if (bytes > device.maxAlloc()) {
            throw new OclException(bytes + " bytes exceed the largest buffer of " + device.name()
                    + " (" + device.maxAlloc() + ")", null);
        }
        try {
            cl_mem mem = idleBuffers.take(bytes);
            if (mem == null) {
                mem = CL.clCreateBuffer(context, CL.CL_MEM_READ_WRITE, bytes, null, null);
            }
            peakBytes.accumulateAndGet(liveBytes.addAndGet(bytes), Math::max);
            return new OclBuffer(this, type, length, mem);
        } catch (CLException e) {
            throw new OclException("cannot allocate " + bytes + " bytes on " + device.name(), e);
        }
    }

    /** A buffer's owner is done with it: it goes back to the pool (or to the driver). */
    void freed(cl_mem mem, long bytes) {
        liveBytes.addAndGet(-bytes);
        idleBuffers.give(mem, bytes);
    }

    /**
     * @param type   the element type
     * @param length capacity in elements
     * @return a host staging area, pinned where the driver offers it; close it when done
     */
    public OclStaging staging(OclBuffer.ElementType type, long length) {
        OclStaging s = idleStaging.take(Math.max(1, length) * type.bytes());
        return s != null ? s.reopen(type, length) : OclStaging.open(this, type, length);
    }

    void stagingDone(OclStaging s) {
        idleStaging.give(s, s.bytes());
    }

    /** @return bytes of idle device buffers kept for reuse */
    public long pooledBytes() {
        return idleBuffers.bytes();
    }

    /** @return how many buffer requests reused an idle buffer */
    public long pooledReuses() {
        return idleBuffers.reuses();
    }

    /** Gives every idle pooled buffer and staging area back to the driver. */
    public void trimPools() {
        idleBuffers.clear();
        idleStaging.clear();
    }

    void notePinnedUnavailable(String why) {
        if (saidNoPinned.compareAndSet(false, true)) {
            LOG.info("{} offers no mapped pinned host memory ({}); uploads stage through direct buffers", device.name(), why);
        }
    }

    /** @return bytes of device buffers held now */
    public long liveBytes() {
        return liveBytes.get();
    }

    /** @return the most bytes of device buffers held at once since the last {@link #resetPeak()} */
    public long peakBytes() {
        return peakBytes.get();
    }

    /** Starts peak tracking again from the bytes held now. */
    public void resetPeak() {
        peakBytes.set(liveBytes.get());
    }

    /** @return bytes written from host memory to device buffers, ever */
    public long uploadedBytes() {
        return uploadedBytes.get();
    }

    /** @return bytes read from device buffers into host memory, ever */
    public long downloadedBytes() {
        return downloadedBytes.get();
    }

    /**
     * Runs a kernel over {@code n} work items in groups of {@code local} and waits for it: the
     * global size is {@code n} rounded up to whole groups (kernels check their index against n).
     *
     * @param kernel the kernel, its arguments set
     * @param n      the work items
     * @param local  the work-group size
     */
    public void launchOver(OclKernel kernel, long n, int local) {
        launch(kernel, roundUp(n, local), local);
    }

    /** @return {@code n} rounded up to a multiple of {@code group} */
    public static long roundUp(long n, int group) {
        return (n + group - 1) / group * group;
    }

    /**
     * Runs a kernel over a 1-D range and waits for it.
     *
     * @param kernel the kernel, its arguments set
     * @param global the global size
     * @param local  the work-group size, or 0 to let the driver choose
     */
    public void launch(OclKernel kernel, long global, long local) {
        if (global == 0) {
            return;
        }
        cl_event ev = new cl_event();
        try {
            CL.clEnqueueNDRangeKernel(queue, kernel.handle(), 1, null, new long[] {global},
                    local > 0 ? new long[] {local} : null, 0, null, ev);
        } catch (CLException e) {
            throw new OclException("kernel " + kernel.name() + " over " + global + "/" + local + " failed", e);
        }
        complete(new OclEvent(OclEvent.Kind.KERNEL, 0, ev));
    }

    /**
     * Starts copying the first {@code count} elements of a staging area into a device buffer
     * on the transfer queue, without waiting. The staging area must stay unchanged until the
     * event is completed.
     *
     * @param src   the staging area
     * @param dst   the device buffer
     * @param count elements
     * @return the transfer's event; pass it to {@link #complete}
     */
    public OclEvent uploadAsync(OclStaging src, OclBuffer dst, int count) {
        long bytes = (long) count * dst.type().bytes();
        if (src.type() != dst.type() || count > src.length() || count > dst.length()) {
            throw new IllegalArgumentException(count + " elements from staging " + src.type() + "[" + src.length()
                    + "] into " + dst.type() + "[" + dst.length() + "]");
        }
        if (bytes == 0) {
            return new OclEvent(OclEvent.Kind.UPLOAD, 0, null);
        }
        cl_event ev = new cl_event();
        try {
            CL.clEnqueueWriteBuffer(transferQueue, dst.mem(), CL.CL_FALSE, 0, bytes, src.pointer(), 0, null, ev);
        } catch (CLException e) {
            throw new OclException("upload of " + bytes + " bytes failed", e);
        }
        uploadedBytes.addAndGet(bytes);
        return new OclEvent(OclEvent.Kind.UPLOAD, bytes, ev);
    }

    /**
     * Starts a device-to-device copy on the transfer queue, without waiting: how a chunk of
     * columns that stay resident on the device reaches a kernel's input buffer.
     *
     * @param src       the source buffer
     * @param srcOffset first element in {@code src}
     * @param dst       the target buffer (written from its start)
     * @param count     elements
     * @return the copy's event; pass it to {@link #complete}
     */
    public OclEvent copyAsync(OclBuffer src, long srcOffset, OclBuffer dst, int count) {
        long bytes = (long) count * dst.type().bytes();
        if (src.type() != dst.type() || srcOffset + count > src.length() || count > dst.length()) {
            throw new IllegalArgumentException("copy of " + count + " from " + src.type() + "[" + src.length() + "]@"
                    + srcOffset + " into " + dst.type() + "[" + dst.length() + "]");
        }
        if (bytes == 0) {
            return new OclEvent(OclEvent.Kind.COPY, 0, null);
        }
        cl_event ev = new cl_event();
        try {
            CL.clEnqueueCopyBuffer(transferQueue, src.mem(), dst.mem(), srcOffset * src.type().bytes(), 0, bytes,
                    0, null, ev);
        } catch (CLException e) {
            throw new OclException("device copy of " + bytes + " bytes failed", e);
        }
        return new OclEvent(OclEvent.Kind.COPY, bytes, ev);
    }

    /**
     * Waits for a command and adds its device time to this session's clock.
     *
     * @param events commands started earlier; each is completed once
     */
    public void complete(List<OclEvent> events) {
        for (OclEvent e : events) {
            complete(e);
        }
    }

    private void complete(OclEvent e) {
        long nanos;
        try {
            nanos = e.finish();
        } catch (CLException x) {
            throw new OclException(e.kind() + " of " + e.bytes() + " bytes failed", x);
        }
        synchronized (this) {
            timings = e.kind() == OclEvent.Kind.KERNEL ? timings.plusKernel(nanos) : timings.plusTransfer(nanos);
        }
    }

    void transfer(boolean write, cl_mem mem, long offset, long bytes, Pointer host) {
        if (bytes == 0) {
            return;
        }
        cl_event ev = new cl_event();
        try {
            if (write) {
                CL.clEnqueueWriteBuffer(queue, mem, CL.CL_TRUE, offset, bytes, host, 0, null, ev);
                uploadedBytes.addAndGet(bytes);
            } else {
                CL.clEnqueueReadBuffer(queue, mem, CL.CL_TRUE, offset, bytes, host, 0, null, ev);
                downloadedBytes.addAndGet(bytes);
            }
        } catch (CLException e) {
            throw new OclException((write ? "write" : "read") + " of " + bytes + " bytes failed", e);
        }
        complete(new OclEvent(write ? OclEvent.Kind.UPLOAD : OclEvent.Kind.READ, bytes, ev));
    }

    /** @return device time since the last reset */
    public synchronized OclTimings timings() {
        return timings;
    }

    /** Starts the timing totals again from zero. */
    public synchronized void resetTimings() {
        timings = OclTimings.ZERO;
    }
}
