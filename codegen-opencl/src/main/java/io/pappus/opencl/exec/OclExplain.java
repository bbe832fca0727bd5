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
 * run (profiling events); for each edge between fragments, whether the data stays on the
 * device or why it goes through the host, and, once the query ran, what crossed the bus.
 */
public final class OclExplain {
    private static final java.util.Map<String, String> BREAKER_HOW = java.util.Map.of(
            "orderBy", "key lambda kernel, stable LSD radix sort (8-bit digits) on order-preserving key bits, gather",
            "orderByDescending", "key lambda kernel, stable LSD radix sort on complemented key bits, gather",
            "groupBy", "key lambda kernel, radix sort (a record key's fields packed into 64-bit sort words, sorted"
                    + " word by word), segment heads + prefix sum, in-order folds of blocks of up to 1024 elements of a"
                    + " group combined in block order by the reduce op or the combine lambda (one in-order fold per"
                    + " group when the combine does not translate; a record accumulator as one column per field),"
                    + " groups in first-occurrence order",
            "distinct", "radix sort (a record's fields packed into 64-bit sort words), segment heads + prefix sum,"
                    + " first element of each run, in input order",
            "take", "the first n elements of the feed's columns (no kernel)",
            "zip", "zip lambda kernel over position-paired elements, up to the shorter input",
            "flatMap", "lifted function kernel (a count and slots per element), prefix sum of the counts, copy of each"
                    + " element's slots in input and list order",
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
        java.util.Optional<RunLog.Traffic> last = log.query(OclExecutor.signature(root));
        if (d != null) {
            b.append("bus traffic of the last run: ").append(last.map(RunLog.Traffic::toString).orElse("not run yet"))
                    .append('\n');
        }
        fragment(root, placer, log, last.orElse(null), b);
        return b.toString();
    }

    private static void fragment(Fragment f, DevicePlacer placer, RunLog log, RunLog.Traffic last, StringBuilder b) {
        b.append("\n== fragment ").append(f.id()).append(": ").append(f.describe()).append(" ==\n");
        Object op = f.input().op();
        boolean breakerOnDevice = false;
        if (op instanceof Source) {
            b.append("input: source columns\n");
        } else if (op instanceof CacheOp) {
            b.append("input: cache() columns, computed by fragment ").append(f.feeds().get(0).id()).append(" on first use\n");
        } else {
            b.append("input: ").append(f.input().op().opName()).append(" of fragment(s)");
            for (Fragment feed : f.feeds()) {
                b.append(' ').append(feed.id());
            }
            java.util.Optional<String> why = placer.breakerWhyNot(f);
            if (why.isEmpty() && op instanceof io.pappus.api.query.TakeOp && !placer.place(f.feeds().get(0)).onDevice()) {
                why = java.util.Optional.of("its feed runs on the JVM, where take stops early");
            }
            breakerOnDevice = why.isEmpty();
            DevicePlacer.Placed self = placer.place(f);
            if (breakerOnDevice && self.onDevice() && self.work().fused()) {
                b.append(" fused into this fragment's kernel on OpenCL device ").append(placer.device().name())
                        .append(": each work-item runs the flatMap function on its element, then the fragment's stages"
                                + " and sink on each element of its list, in list order (no prefix sum, no flatMap"
                                + " output in memory)\n");
            } else if (why.isPresent()) {
                b.append(" runs on the JVM: ").append(why.get()).append('\n');
            } else {
                b.append(" runs on OpenCL device ").append(placer.device().name()).append(": ")
                        .append(BREAKER_HOW.getOrDefault(f.input().op().opName(), "")).append('\n');
                if (op instanceof io.pappus.api.query.FlatMapOp) {
                    b.append("not fused into this fragment's kernel: ").append(Placement.fusionWhyNot(f, placer.device())
                            .orElse("fragment " + f.id() + " runs on the JVM: " + self.reason())).append('\n');
                }
                b.append("last breaker run: ").append(log.lastBreaker(DeviceBreakers.name(f.input())).map(OclExplain::run)
                        .orElse("not run yet")).append('\n');
            }
        }
        for (Fragment feed : f.feeds()) {
            edge(feed, f, placer, last, b);
        }
        DevicePlacer.Placed p = placer.place(f);
        if (f.stages().isEmpty() && f.sink() instanceof io.pappus.plan.fragment.Sink.Count && breakerOnDevice
                && !(p.onDevice() && p.work().fused())) {
            b.append("runs on: nothing to run: the count is the size of the ").append(f.input().op().opName())
                    .append(" output on the device, which is not read back\n");
        } else if (!p.onDevice()) {
            b.append("runs on: JVM, not the device: ").append(p.reason()).append('\n');
        } else {
            b.append("runs on: OpenCL device ").append(placer.device().name()).append(" (")
                    .append(p.pipeline().origin()).append(")\n");
            b.append("last run: ").append(log.last(p.pipeline().source()).map(OclExplain::run).orElse("not run yet"))
                    .append('\n');
            b.append(OclBuildException.numbered(p.pipeline().source()));
        }
        for (Fragment feed : f.feeds()) {
            fragment(feed, placer, log, last, b);
        }
    }

    /** Where the data goes from a feed to the fragment that reads it: planned, and in the last run. */
    private static void edge(Fragment feed, Fragment to, DevicePlacer placer, RunLog.Traffic last, StringBuilder b) {
        b.append("edge from fragment ").append(feed.id()).append(": ").append(planned(feed, to, placer)).append('\n');
        if (last != null) {
            for (RunLog.Edge e : last.edges()) {
                if (e.from() == feed.id() && e.to() == to.id()) {
                    b.append("  last run: ").append(e).append('\n');
                }
            }
        }
        if (to.input().op() instanceof io.pappus.api.query.TakeOp) {
            b.append("  take crosses the bus with nothing of its own: it keeps a prefix where the columns are\n");
        }
    }

    private static String planned(Fragment feed, Fragment to, DevicePlacer placer) {
        Object op = to.input().op();
        if (op instanceof CacheOp) {
            return "through the host: cache() keeps host columns (the device cache holds its own copy)";
        }
        java.util.Optional<String> reader = placer.device() == null ? java.util.Optional.of("no OpenCL device")
                : placer.breakerWhyNot(to);
        if (reader.isPresent() || op instanceof io.pappus.api.query.TakeOp && !placer.place(feed).onDevice()) {
            return "through the host: " + to.input().op().opName() + " runs on the JVM ("
                    + reader.orElse("its feed runs on the JVM, where take stops early") + ")";
        }
        DevicePlacer.Placed toPlace = placer.place(to);
        String fused = toPlace.onDevice() && toPlace.work().fused() ? "read by fragment " + to.id()
                + "'s kernel, into which the flatMap is fused; " : "";
        String host = hostReason(feed, placer);
        return fused + (host != null ? "uploaded from the host: " + host
                : "stays on the device when it fits (fragment " + feed.id() + " in one chunk, a breaker's output within"
                + " the device-memory budget of " + MemoryBudget.bytes(placer.device()) + " bytes, "
                + MemoryBudget.PROPERTY + "); else through the host");
    }

    /** @return why a fragment's output starts on the host, or null when the device computes it */
    private static String hostReason(Fragment f, DevicePlacer placer) {
        Object op = f.input().op();
        if (!f.stages().isEmpty() || !(f.sink() instanceof io.pappus.plan.fragment.Sink.Collect)) {
            DevicePlacer.Placed p = placer.place(f);
            return p.onDevice() ? null : "fragment " + f.id() + " runs on the JVM: " + p.reason();
        } else if (op instanceof Source) {
            return "the query's source, uploaded once";
        } else if (op instanceof CacheOp) {
            return "cache() columns";
        }
        return placer.breakerWhyNot(f).map(w -> f.input().op().opName() + " runs on the JVM: "
                + w).orElse(null);
    }

    private static String run(RunLog.Run r) {
        String input = r.input() == RunLog.Input.RESIDENT
                ? "input resident on the device (cache()), " + r.uploadedBytes() + " byte(s) uploaded"
                : r.input() == RunLog.Input.FRAGMENT ? "input left on the device by the fragment before, 0 byte(s) uploaded"
                : "input uploaded " + r.uploadedBytes() + " byte(s)" + (r.chunks() > 1 ? ", double-buffered" : "")
                + (r.pinned() ? " through pinned memory" : "");
        return String.format("%s on %s, %d element(s) in %d chunk(s) of at most %d, %s, wall %.3f ms", r.timings(),
                r.device(), r.elements(), r.chunks(), r.chunkSize(), input, r.wallNanos() / 1e6);
    }
}
