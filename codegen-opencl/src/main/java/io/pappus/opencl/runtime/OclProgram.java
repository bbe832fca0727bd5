package io.pappus.opencl.runtime;

import org.jocl.CL;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

import java.util.HashMap;
import java.util.Map;

/**
 * A built program on one device, with its kernels created on demand. Owned by the session's
 * {@link OclProgramCache}; callers do not release it.
 */
public final class OclProgram {

    /** Where the program's code came from. */
    public enum Origin {
        /** Compiled from source in this process. */
        SOURCE,
        /** Loaded from a binary in the on-disk cache. */
        DISK
    }

    private final cl_program program;
    private final Origin origin;
    private final long buildNanos;
    private final Map<String, OclKernel> kernels = new HashMap<>();

    OclProgram(cl_program program, Origin origin, long buildNanos) {
        this.program = program;
        this.origin = origin;
        this.buildNanos = buildNanos;
    }

    /** @return whether it was compiled from source or loaded from the disk cache */
    public Origin origin() {
        return origin;
    }

    /** @return wall time to create and build it, in nanoseconds */
    public long buildNanos() {
        return buildNanos;
    }

    /**
     * @param name a {@code __kernel} function of the program
     * @return its kernel object (one per name; not thread-safe, like the session)
     */
    public synchronized OclKernel kernel(String name) {
        return kernels.computeIfAbsent(name, n -> new OclKernel(n, CL.clCreateKernel(program, n, null)));
    }

    cl_program handle() {
        return program;
    }

    synchronized void release() {
        for (OclKernel k : kernels.values()) {
            k.release();
        }
        kernels.clear();
        CL.clReleaseProgram(program);
    }

    /** Releases a kernel object created by the driver. */
    static void releaseKernel(cl_kernel k) {
        CL.clReleaseKernel(k);
    }
}
