package io.pappus.opencl.coexec;

import io.pappus.api.DataSet;
import io.pappus.api.ToDoubleFn;
import io.pappus.api.query.Source;
import io.pappus.api.query.Terminal;
import io.pappus.exec.column.ColumnConverter;
import io.pappus.plan.Lifting;
import io.pappus.opencl.OclResult;
import io.pappus.opencl.exec.DeviceColumns;
import io.pappus.opencl.exec.DevicePlacer;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.place.DeviceProfile;
import io.pappus.place.FragmentWork;
import io.pappus.place.WorkEstimate;
import io.pappus.plan.LogicalPlanner;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.FragmentPlanner;

import java.util.List;

/**
 * Measures one OpenCL device once, with the same map-and-sum probe as the JVM's: the compile
 * cost is the first build of the probe, kept between 20 and 250 ms (a cold build is one-off:
 * binaries are kept on disk, so most first uses in a process read them back), the launch cost the best run over 16 elements, the link bandwidth the input
 * bytes over the profiled transfer time of a 4M-element run, and the throughput its work over
 * the rest of that run's time.
 */
final class OclCalibration {
    static final int N = 1 << 22;
    /** A cold PoCL build measures 0.8 s to several seconds, but built binaries are kept on disk. */
    static final double MAX_COMPILE = 250e6;
    private static final ToDoubleFn<Double> IDENTITY = x -> x;

    private OclCalibration() {
    }

    static DeviceProfile measure(DeviceInfo device) {
        double[] big = new double[N];
        for (int i = 0; i < N; i++) {
            big[i] = i * 0.5;
        }
        DataSet<Double> probe = DataSet.from(big).map(x -> x * 1.0001 + 0.5);
        Terminal.Sum sum = new Terminal.Sum(IDENTITY);
        Fragment f = new FragmentPlanner().cut(new LogicalPlanner(Lifting.shared()).plan(probe.node(), sum));
        long t0 = System.nanoTime();
        DevicePlacer.Placed placed = new DevicePlacer(device, null).place(f);
        double compile = Math.min(MAX_COMPILE, Math.max(20e6, System.nanoTime() - t0));
        if (!placed.onDevice()) {
            throw new IllegalStateException("calibration probe cannot run on " + device.name() + ": " + placed.reason());
        }
        List<Object> cols = DeviceColumns.of(ColumnConverter.fromSource((Source) f.input().op(), f.inputType()));
        long launch = Long.MAX_VALUE;
        for (int i = 0; i < 9; i++) {
            long t = System.nanoTime();
            placed.pipeline().run(cols, 0, 16);
            launch = Math.min(launch, System.nanoTime() - t);
        }
        long best = Long.MAX_VALUE;
        long transfer = 1;
        for (int i = 0; i < 4; i++) {
            long t = System.nanoTime();
            OclResult r = placed.pipeline().run(cols, 0, N);
            long wall = System.nanoTime() - t;
            if (wall < best) {
                best = wall;
                transfer = Math.max(1, r.timings().transferNanos());
            }
        }
        WorkEstimate w = FragmentWork.estimate(f);
        double link = w.bytesIn() / (double) transfer;
        double throughput = w.work() / Math.max(1, best - launch - transfer);
        return new DeviceProfile("opencl:" + device.id(), device.name() + " [OpenCL " + device.type() + "]", "opencl",
                launch, link, throughput, compile, device.fp64());
    }
}
