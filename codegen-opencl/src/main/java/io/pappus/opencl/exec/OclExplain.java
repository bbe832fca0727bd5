package io.pappus.opencl.exec;

import io.pappus.api.query.CacheOp;
import io.pappus.api.query.Source;
import io.pappus.exec.ExplainWriter;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclBuildException;
import io.pappus.plan.LogicalPlan;
import io.pappus.plan.fragment.Fragment;

/**
 * Writes {@code explain()} for the OpenCL engine: the lifted plan, then each fragment with
 * where it runs and why not on the device, and for device fragments the device, the OpenCL C
 * with {@code /* 001 *}{@code /} line numbers, and the kernel and transfer times of the last
 * run (profiling events).
 */
public final class OclExplain {
    private static final java.util.Map<String, String> BREAKER_HOW = java.util.Map.of(
            "orderBy", "key lambda kernel, stable LSD radix sort (8-bit digits) on order-preserving key bits, gather",
            "orderByDescending", "key lambda kernel, stable LSD radix sort on complemented key bits, gather",
            "groupBy", "key lambda kernel, radix sort, segment heads + prefix sum, one in-order fold per group,"
                    + " groups in first-occurrence order",
            "distinct", "radix sort, segment heads + prefix sum, first element of each run, in input order",
            "take", "the first n elements of the feed's columns (no kernel)",
            "zip", "zip lambda kernel over position-paired elements, up to the shorter input",
            "join", "key lambda kernels, radix sort of the right keys, binary search per left key, prefix sum of the"
                    + " match counts, result lambda kernel per matched pair");

    private OclExplain() {
    }

    /**
     * @param engine   the engine's name
     * @param plan     the typed plan
     * @param root     its fragments
     * @param placer   places fragments
     * @param noDevice why there is no device, or null
     * @param log      the engine's measured runs
     * @return the explanation
     */
    public static String write(String engine, LogicalPlan plan, Fragment root, DevicePlacer placer, String noDevice,
                               RunLog log) {
        StringBuilder b = new StringBuilder(ExplainWriter.lifted(engine, plan));
        DeviceInfo d = placer.device();
        b.append(d == null ? "OpenCL: no device (" + noDevice + "); every fragment runs on the JVM\n"
                : "OpenCL device: " + d.describe() + "\n");
        fragment(root, placer, log, b);
        return b.toString();
    }

    private static void fragment(Fragment f, DevicePlacer placer, RunLog log, StringBuilder b) {
        b.append("\n== fragment ").append(f.id()).append(": ").append(f.describe()).append(" ==\n");
        Object op = f.input().op();
        if (op instanceof Source) {
            b.append("input: source columns\n");
        } else if (op instanceof CacheOp) {
            b.append("input: cache() columns, computed by fragment ").append(f.feeds().get(0).id()).append(" on first use\n");
        } else {
            b.append("input: ").append(f.input().op().opName()).append(" of fragment(s)");
            for (Fragment feed : f.feeds()) {
                b.append(' ').append(feed.id());
            }
            java.util.Optional<String> why = DeviceBreakers.whyNot(f.input(), placer.device());
            if (why.isEmpty() && op instanceof io.pappus.api.query.TakeOp && !placer.place(f.feeds().get(0)).onDevice()) {
                why = java.util.Optional.of("its feed runs on the JVM, where take stops early");
            }
            if (why.isPresent()) {
                b.append(" runs on the JVM: ").append(why.get()).append('\n');
            } else {
                b.append(" runs on OpenCL device ").append(placer.device().name()).append(": ")
                        .append(BREAKER_HOW.getOrDefault(f.input().op().opName(), "")).append('\n');
                b.append(bus(f.input().op().opName())).append('\n');
                b.append("last breaker run: ").append(log.lastBreaker(DeviceBreakers.name(f.input())).map(OclExplain::run)
                        .orElse("not run yet")).append('\n');
            }
        }
        DevicePlacer.Placed p = placer.place(f);
        if (!p.onDevice()) {
            b.append("runs on: JVM, not the device: ").append(p.reason()).append('\n');
        } else {
            b.append("runs on: OpenCL device ").append(placer.device().name()).append(" (")
                    .append(p.pipeline().origin()).append(")\n");
            b.append("last run: ").append(log.last(p.pipeline().source()).map(OclExplain::run).orElse("not run yet"))
                    .append('\n');
            b.append(OclBuildException.numbered(p.pipeline().source()));
        }
        for (Fragment feed : f.feeds()) {
            fragment(feed, placer, log, b);
        }
    }

    /** What one device breaker run moves between host and device. */
    private static String bus(String op) {
        if (op.equals("take")) {
            return "crosses the bus: nothing (a slice of the feed's host columns)";
        }
        String keys = op.equals("distinct") || op.equals("zip") ? ""
                : " the key column(s) down and up again (not for a key x -> x),";
        return "crosses the bus: the feed's columns up," + keys + " the result columns down;"
                + " each breaker is its own round trip (no device residency between fragments yet)";
    }

    private static String run(RunLog.Run r) {
        String input = r.input() == RunLog.Input.RESIDENT
                ? "input resident on the device (cache()), " + r.uploadedBytes() + " byte(s) uploaded"
                : "input uploaded " + r.uploadedBytes() + " byte(s)" + (r.chunks() > 1 ? ", double-buffered" : "")
                + (r.pinned() ? " through pinned memory" : "");
        return String.format("%s on %s, %d element(s) in %d chunk(s) of at most %d, %s, wall %.3f ms", r.timings(),
                r.device(), r.elements(), r.chunks(), r.chunkSize(), input, r.wallNanos() / 1e6);
    }
}
