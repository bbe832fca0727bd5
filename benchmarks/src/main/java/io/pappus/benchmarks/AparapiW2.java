package io.pappus.benchmarks;

import com.aparapi.Kernel;
import com.aparapi.device.OpenCLDevice;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.opencl.OclEngine;
import io.pappus.opencl.aparapi.AparapiDevices;
import io.pappus.samples.BlackScholes;

import java.util.List;

/**
 * W2's Aparapi anchor: Black-Scholes written by hand as an Aparapi kernel over five option
 * columns (laid out once, outside the timing, as an Aparapi user keeps arrays), with the
 * sample's formula and its Abramowitz-Stegun normal CDF, on the same OpenCL device as Pappus
 * OPENCL. A run returns {@code Price} objects like the other variants; one that Aparapi did not
 * execute through OpenCL fails.
 */
final class AparapiW2 extends Kernel {
    private double[] s;
    private double[] k;
    private double[] t;
    private double[] r;
    private double[] v;
    private double[] call;
    private double[] put;

    private AparapiW2() {
    }

    @Override
    public void run() {
        int i = getGlobalId();
        double sqrtT = sqrt(t[i]);
        double d1 = (log(s[i] / k[i]) + (r[i] + v[i] * v[i] / 2) * t[i]) / (v[i] * sqrtT);
        double d2 = d1 - v[i] * sqrtT;
        double discountedStrike = k[i] * exp(-r[i] * t[i]);
        call[i] = s[i] * cnd(d1) - discountedStrike * cnd(d2);
        put[i] = discountedStrike * cnd(-d2) - s[i] * cnd(-d1);
    }

    private double cnd(double x) {
        double l = abs(x);
        double q = 1.0 / (1.0 + 0.2316419 * l);
        double poly = q * (0.319381530 + q * (-0.356563782 + q * (1.781477937 + q * (-1.821255978
                + q * 1.330274429))));
        double w = 1.0 - exp(-l * l / 2) / sqrt(2 * Math.PI) * poly;
        return x < 0 ? 1.0 - w : w;
    }

    /** @return the variant, or why it cannot run here */
    static Variant variant(int n) {
        String name = "Aparapi hand-written kernel (same OpenCL device)";
        try {
            OclEngine ocl = (OclEngine) Engines.local(Target.OPENCL);
            OpenCLDevice device = AparapiDevices.match(ocl.device());
            if (device == null) {
                return Variant.unavailable(name, "Aparapi sees no OpenCL device matching " + ocl.device());
            }
            List<BlackScholes.Option> options = BlackScholes.generate(n, 42);
            AparapiW2 kernel = new AparapiW2();
            kernel.s = new double[n];
            kernel.k = new double[n];
            kernel.t = new double[n];
            kernel.r = new double[n];
            kernel.v = new double[n];
            kernel.call = new double[n];
            kernel.put = new double[n];
            for (int i = 0; i < n; i++) {
                BlackScholes.Option o = options.get(i);
                kernel.s[i] = o.s();
                kernel.k[i] = o.k();
                kernel.t[i] = o.t();
                kernel.r[i] = o.r();
                kernel.v[i] = o.v();
            }
            return Variant.anchor(name, () -> {
                kernel.execute(device.createRange(n));
                if (!kernel.isRunningCL()) {
                    throw new IllegalStateException("Aparapi fell back to "
                            + kernel.getTargetDevice().getShortDescription());
                }
                BlackScholes.Price[] out = new BlackScholes.Price[n];
                for (int i = 0; i < n; i++) {
                    out[i] = new BlackScholes.Price(kernel.call[i], kernel.put[i]);
                }
                return out;
            });
        } catch (RuntimeException | LinkageError e) {
            return Variant.unavailable(name, "not available: " + e);
        }
    }
}
