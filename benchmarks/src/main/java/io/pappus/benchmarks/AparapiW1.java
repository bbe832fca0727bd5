package io.pappus.benchmarks;

import com.aparapi.Kernel;
import com.aparapi.Range;
import com.aparapi.device.OpenCLDevice;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.opencl.OclEngine;
import io.pappus.opencl.aparapi.AparapiDevices;

/**
 * W1's Aparapi anchor: the kernel an Aparapi user writes by hand for map x*x, filter > 0.25,
 * sum, on the same OpenCL device as Pappus OPENCL. Each work-item sums a strided slice (so
 * neighbouring work-items read neighbouring elements) into one partial; the host adds the
 * partials. End to end from the Java array: the input is sent every run. A run that Aparapi
 * did not execute through OpenCL fails rather than timing its Java thread pool.
 */
final class AparapiW1 extends Kernel {
    private static final int WORK_ITEMS = 1 << 16;
    private double[] xs;
    private double[] partial;
    private int n;
    private int stride;

    private AparapiW1() {
    }

    @Override
    public void run() {
        int g = getGlobalId();
        double s = 0.0;
        for (int i = g; i < n; i += stride) {
            double y = xs[i] * xs[i];
            if (y > 0.25) {
                s += y;
            }
        }
        partial[g] = s;
    }

    /** @return the variant, or why it cannot run here */
    static Variant variant(double[] xs) {
        String name = "Aparapi hand-written kernel (same OpenCL device)";
        try {
            OclEngine ocl = (OclEngine) Engines.local(Target.OPENCL);
            OpenCLDevice device = AparapiDevices.match(ocl.device());
            if (device == null) {
                return Variant.unavailable(name, "Aparapi sees no OpenCL device matching " + ocl.device());
            }
            AparapiW1 k = new AparapiW1();
            k.xs = xs;
            k.n = xs.length;
            int items = Math.max(256, Math.min(WORK_ITEMS, (xs.length + 255) / 256 * 256));
            k.stride = items;
            k.partial = new double[items];
            Range range = device.createRange(items, 256);
            return Variant.anchor(name, () -> {
                k.execute(range);
                if (!k.isRunningCL()) {
                    throw new IllegalStateException("Aparapi fell back to " + k.getTargetDevice().getShortDescription());
                }
                double sum = 0.0;
                for (double p : k.partial) {
                    sum += p;
                }
                return sum;
            });
        } catch (RuntimeException | LinkageError e) {
            return Variant.unavailable(name, "not available: " + e);
        }
    }
}
