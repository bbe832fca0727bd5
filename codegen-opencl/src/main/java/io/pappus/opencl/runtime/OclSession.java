package io.pappus.opencl.runtime;

import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_event;
import org.jocl.cl_mem;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A context and an in-order, profiling command queue on one device, shared by the whole
 * process ({@link #of}). Methods are synchronized: one launch or transfer at a time.
 *
 * <pre>{@code
 * OclSession s = OclSession.of(OpenClDevices.available().get(0));
 * OclProgram p = s.program(source, "-cl-fp32-correctly-rounded-divide-sqrt");
 * }</pre>
 */
public final class OclSession {
    private static final Map<String, OclSession> SESSIONS = new ConcurrentHashMap<>();

    private final DeviceInfo device;
    private final cl_context context;
    private final cl_command_queue queue;
    private final OclProgramCache programs;
    private OclTimings timings = OclTimings.ZERO;

    private OclSession(DeviceInfo device) {
        this.device = device;
        OpenClDevices.Handles h = OpenClDevices.handles(device.id());
        cl_context_properties props = new cl_context_properties();
        props.addProperty(CL.CL_CONTEXT_PLATFORM, h.platform());
        try {
            context = CL.clCreateContext(props, 1, new org.jocl.cl_device_id[] {h.device()}, null, null, null);
            // clCreateCommandQueue is deprecated in OpenCL 2.0 but the only choice on 1.2 drivers
            @SuppressWarnings("deprecation")
            cl_command_queue q = CL.clCreateCommandQueue(context, h.device(), CL.CL_QUEUE_PROFILING_ENABLE, null);
            queue = q;
        } catch (CLException e) {
            throw new OclException("cannot open a context on " + device.describe(), e);
        }
        programs = new OclProgramCache(device, context, h.device());
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
            cl_mem mem = CL.clCreateBuffer(context, CL.CL_MEM_READ_WRITE, bytes, null, null);
            return new OclBuffer(this, type, length, mem);
        } catch (CLException e) {
            throw new OclException("cannot allocate " + bytes + " bytes on " + device.name(), e);
        }
    }

    /**
     * Runs a kernel over a 1-D range and waits for it.
     *
     * @param kernel the kernel, its arguments set
     * @param global the global size
     * @param local  the work-group size, or 0 to let the driver choose
     */
    public synchronized void launch(OclKernel kernel, long global, long local) {
        if (global == 0) {
            return;
        }
        cl_event ev = new cl_event();
        try {
            CL.clEnqueueNDRangeKernel(queue, kernel.handle(), 1, null, new long[] {global},
                    local > 0 ? new long[] {local} : null, 0, null, ev);
            CL.clWaitForEvents(1, new cl_event[] {ev});
            timings = timings.plusKernel(elapsed(ev));
        } catch (CLException e) {
            throw new OclException("kernel " + kernel.name() + " over " + global + "/" + local + " failed", e);
        } finally {
            CL.clReleaseEvent(ev);
        }
    }

    synchronized void transfer(boolean write, cl_mem mem, long offset, long bytes, Pointer host) {
        if (bytes == 0) {
            return;
        }
        cl_event ev = new cl_event();
        try {
            if (write) {
                CL.clEnqueueWriteBuffer(queue, mem, CL.CL_TRUE, offset, bytes, host, 0, null, ev);
            } else {
                CL.clEnqueueReadBuffer(queue, mem, CL.CL_TRUE, offset, bytes, host, 0, null, ev);
            }
            timings = timings.plusTransfer(elapsed(ev));
        } catch (CLException e) {
            throw new OclException((write ? "write" : "read") + " of " + bytes + " bytes failed", e);
        } finally {
            CL.clReleaseEvent(ev);
        }
    }

    /** @return device time since the last reset */
    public synchronized OclTimings timings() {
        return timings;
    }

    /** Starts the timing totals again from zero. */
    public synchronized void resetTimings() {
        timings = OclTimings.ZERO;
    }

    private static long elapsed(cl_event ev) {
        long[] queued = new long[1];
        long[] end = new long[1];
        CL.clGetEventProfilingInfo(ev, CL.CL_PROFILING_COMMAND_QUEUED, Sizeof.cl_ulong, Pointer.to(queued), null);
        CL.clGetEventProfilingInfo(ev, CL.CL_PROFILING_COMMAND_END, Sizeof.cl_ulong, Pointer.to(end), null);
        return end[0] - queued[0];
    }
}
