package io.pappus.opencl.runtime;

import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;

import static org.jocl.CL.clSetKernelArg;

/**
 * One kernel of a program, with typed argument setters that return {@code this}. Launch it
 * through {@link OclSession#launch}.
 *
 * <pre>{@code
 * OclKernel k = program.kernel("map_main");
 * k.arg(0, in).arg(1, out).arg(2, n);
 * session.launch(k, n, 0);
 * }</pre>
 */
public final class OclKernel {
    private final String name;
    private cl_kernel kernel;

    OclKernel(String name, cl_kernel kernel) {
        this.name = name;
        this.kernel = kernel;
    }

    /** @return the kernel's name */
    public String name() {
        return name;
    }

    cl_kernel handle() {
        return kernel;
    }

    /**
     * @param index  argument position
     * @param buffer a buffer ({@code __global} pointer)
     * @return this
     */
    public OclKernel arg(int index, OclBuffer buffer) {
        clSetKernelArg(kernel, index, Sizeof.cl_mem, Pointer.to(buffer.mem()));
        return this;
    }

    /**
     * @param index argument position
     * @param value an {@code int}
     * @return this
     */
    public OclKernel arg(int index, int value) {
        clSetKernelArg(kernel, index, Sizeof.cl_int, Pointer.to(new int[] {value}));
        return this;
    }

    /**
     * @param index argument position
     * @param value a {@code long}
     * @return this
     */
    public OclKernel arg(int index, long value) {
        clSetKernelArg(kernel, index, Sizeof.cl_long, Pointer.to(new long[] {value}));
        return this;
    }

    /**
     * @param index argument position
     * @param value a {@code float}
     * @return this
     */
    public OclKernel arg(int index, float value) {
        clSetKernelArg(kernel, index, Sizeof.cl_float, Pointer.to(new float[] {value}));
        return this;
    }

    /**
     * @param index argument position
     * @param value a {@code double}
     * @return this
     */
    public OclKernel arg(int index, double value) {
        clSetKernelArg(kernel, index, Sizeof.cl_double, Pointer.to(new double[] {value}));
        return this;
    }

    /**
     * @param index argument position
     * @param bytes size of a {@code __local} buffer
     * @return this
     */
    public OclKernel localArg(int index, long bytes) {
        clSetKernelArg(kernel, index, bytes, null);
        return this;
    }

    void release() {
        if (kernel != null) {
            OclProgram.releaseKernel(kernel);
            kernel = null;
        }
    }
}
