package io.pappus.opencl.runtime;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_event;

/**
 * A command enqueued without waiting (a transfer of the next chunk while this one computes).
 * {@link OclSession#complete} waits for it, adds its profiled time to the session's clock and
 * releases it; each event is completed exactly once.
 */
public final class OclEvent {
    /** What the command was, for the clock. */
    enum Kind { UPLOAD, COPY, READ, KERNEL }

    private final Kind kind;
    private final long bytes;
    private cl_event event;
    private boolean finished;

    OclEvent(Kind kind, long bytes, cl_event event) {
        this.kind = kind;
        this.bytes = bytes;
        this.event = event;
    }

    Kind kind() {
        return kind;
    }

    /** @return bytes moved by a transfer, 0 for a kernel */
    public long bytes() {
        return bytes;
    }

    /** @return whether it was already completed */
    public boolean done() {
        return finished;
    }

    /** Waits, then returns the command's device time (profiling START to END) and releases the event. */
    long finish() {
        if (finished) {
            throw new IllegalStateException("event already completed");
        }
        finished = true;
        if (event == null) {
            return 0;  // nothing was enqueued (an empty transfer)
        }
        try {
            CL.clWaitForEvents(1, new cl_event[] {event});
            return elapsed(event);
        } finally {
            CL.clReleaseEvent(event);
            event = null;
        }
    }

    static long elapsed(cl_event ev) {
        long[] start = new long[1];
        long[] end = new long[1];
        CL.clGetEventProfilingInfo(ev, CL.CL_PROFILING_COMMAND_START, Sizeof.cl_ulong, Pointer.to(start), null);
        CL.clGetEventProfilingInfo(ev, CL.CL_PROFILING_COMMAND_END, Sizeof.cl_ulong, Pointer.to(end), null);
        return Math.max(0, end[0] - start[0]);
    }
}
