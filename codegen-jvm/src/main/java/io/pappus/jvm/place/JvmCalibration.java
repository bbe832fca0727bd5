package io.pappus.jvm.place;

import io.pappus.api.DataSet;
import io.pappus.api.ToDoubleFn;
import io.pappus.api.query.Terminal;
import io.pappus.jvm.JvmEngine;
import io.pappus.jvm.exec.ChunkRunner;
import io.pappus.plan.Lifting;
import io.pappus.place.DeviceProfile;
import io.pappus.place.FragmentWork;
import io.pappus.place.WorkEstimate;
import io.pappus.plan.LogicalPlanner;
import io.pappus.plan.fragment.FragmentPlanner;

/**
 * Measures the JVM backend once: the launch cost is the best time of a 16-element query, the
 * throughput the work units of a 4M-element map-and-sum over its best time less the launch.
 * The compile cost is Janino's typical 20 ms (STACK.md); there is no link to cross.
 */
final class JvmCalibration {
    static final int N = 1 << 22;
    static final double COMPILE_NANOS = 20e6;
    private static final ToDoubleFn<Double> IDENTITY = x -> x;

    private JvmCalibration() {
    }

    static DeviceProfile measure() {
        JvmEngine engine = new JvmEngine(Lifting.shared());
        double[] small = new double[16];
        double[] big = new double[N];
        for (int i = 0; i < N; i++) {
            big[i] = i * 0.5;
        }
        double launch = best(engine, small, 9);
        double run = best(engine, big, 4);
        DataSet<Double> probe = query(big);
        WorkEstimate w = FragmentWork.estimate(new FragmentPlanner().cut(
                new LogicalPlanner(Lifting.shared()).plan(probe.node(), new Terminal.Sum(IDENTITY))));
        double throughput = w.work() / Math.max(1, run - launch);
        return new DeviceProfile(JvmDevices.ID, "JVM (" + ChunkRunner.threads() + " threads)", "jvm", launch,
                Double.POSITIVE_INFINITY, throughput, COMPILE_NANOS, true);
    }

    private static DataSet<Double> query(double[] xs) {
        return DataSet.from(xs).map(x -> x * 1.0001 + 0.5);
    }

    private static double best(JvmEngine engine, double[] xs, int runs) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            engine.execute(query(xs).node(), new Terminal.Sum(IDENTITY));
            best = Math.min(best, System.nanoTime() - t);
        }
        return best;
    }
}
