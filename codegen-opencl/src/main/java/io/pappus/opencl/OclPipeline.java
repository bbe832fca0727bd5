package io.pappus.opencl;

import io.pappus.exec.ElementFailure;
import io.pappus.ir.LiftedLambda;
import io.pappus.ir.PrimKind;
import io.pappus.opencl.codegen.KernelSourceWriter;
import io.pappus.opencl.codegen.Leaf;
import io.pappus.opencl.codegen.OclUnsupportedException;
import io.pappus.opencl.codegen.PipelineProgram;
import io.pappus.opencl.codegen.ReduceOp;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclBuffer;
import io.pappus.opencl.runtime.OclKernel;
import io.pappus.opencl.runtime.OclProgram;
import io.pappus.opencl.runtime.OclSession;
import io.pappus.opencl.runtime.OclTimings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A fused map/filter pipeline over primitive columns, compiled for one OpenCL device; its first
 * stage may be a lifted flatMap function ({@link Stage#fan}), whose elements the rest of the
 * pipeline takes one by one, in input order and list order.
 *
 * <pre>{@code
 * OclResult r = OclPipeline.run(device, List.of(Stage.map(square, List.of()),
 *         Stage.filter(aboveQuarter, List.of())), List.of(xs), Sink.columns());
 * double[] kept = (double[]) r.columns().get(0);
 * }</pre>
 *
 * Input columns: one primitive array per leaf of the first stage's argument type
 * ({@code double[] float[] int[] long[]}, {@code boolean[]} or {@code byte[]}), all of one
 * length. Integer division by zero and array reads out of range throw the exception Java
 * would, for the first failing element, with an {@link ElementFailure} naming it.
 */
public final class OclPipeline {
    private final OclSession session;
    private final PipelineProgram program;
    private final OclProgram built;
    private final List<Stage> stages;
    private final ReduceOp reduce;
    private final int groupSize;

    private OclPipeline(OclSession session, PipelineProgram program, OclProgram built, List<Stage> stages, ReduceOp reduce) {
        this.session = session;
        this.program = program;
        this.built = built;
        this.stages = List.copyOf(stages);
        this.reduce = reduce;
        this.groupSize = (int) Math.max(1, Math.min(256, Integer.highestOneBit((int) Math.min(1 << 30,
                session.device().maxWorkGroup()))));
    }

    /**
     * @param fragmentId names the kernels and the source header
     * @param device     the device
     * @param stages     the stages, in order
     * @param sink       where elements go
     * @return the compiled pipeline
     * @throws OclUnsupportedException with the reason when it cannot run there with Java's meaning
     */
    public static OclPipeline compile(String fragmentId, DeviceInfo device, List<Stage> stages, Sink sink) {
        PipelineProgram p = generate(fragmentId, stages, sink);
        if (p.needsFp64() && !device.fp64()) {
            throw new OclUnsupportedException("uses double, and " + device.name() + " has no cl_khr_fp64");
        }
        OclSession s = OclSession.of(device);
        return new OclPipeline(s, p, s.program(p.source(), PipelineProgram.BUILD_OPTIONS), stages, reduceOf(sink));
    }

    /**
     * @param device the device
     * @param stages the stages
     * @param sink   where elements go
     * @return why the pipeline cannot run on the device, or empty when it can
     */
    public static Optional<String> ineligibility(DeviceInfo device, List<Stage> stages, Sink sink) {
        try {
            PipelineProgram p = generate("check", stages, sink);
            return p.needsFp64() && !device.fp64()
                    ? Optional.of("uses double, and " + device.name() + " has no cl_khr_fp64") : Optional.empty();
        } catch (OclUnsupportedException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Compiles (or finds in the cache) and runs a pipeline.
     *
     * @param device  the device
     * @param stages  the stages
     * @param columns the input columns
     * @param sink    where elements go
     * @return the result
     */
    public static OclResult run(DeviceInfo device, List<Stage> stages, List<Object> columns, Sink sink) {
        return compile("pipeline", device, stages, sink).run(columns);
    }

    /** @return the generated OpenCL C */
    public String source() {
        return program.source();
    }

    /** @return whether the program came from the compiler or the disk cache */
    public OclProgram.Origin origin() {
        return built.origin();
    }

    /**
     * @param columns the input columns
     * @return the result
     */
    public OclResult run(List<Object> columns) {
        return run(columns, 0, columns.isEmpty() ? 0 : java.lang.reflect.Array.getLength(columns.get(0)));
    }

    /**
     * Runs over the elements {@code [from, from + n)} of the columns: only that range is copied
     * to the device, so a caller can stream a large input through in chunks. An
     * {@link ElementFailure} names the index in the whole columns.
     *
     * @param columns the input columns
     * @param from    the first element
     * @param n       how many elements
     * @return the result for the range
     */
    public OclResult run(List<Object> columns, int from, int n) {
        return run(columns, from, n, false);
    }

    /** As {@link #run(List, int, int)}; {@code keep}: a column sink's output stays on the device. */
    OclResult run(List<Object> columns, int from, int n, boolean keep) {
        List<Object> hostColumns = deviceColumns(columns);
        int total = java.lang.reflect.Array.getLength(hostColumns.get(0));
        if (from < 0 || n < 0 || from + n > total) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + (from + n) + ") of " + total);
        }
        try (Buffers b = new Buffers(session)) {
            List<OclBuffer> inBufs = new ArrayList<>();
            for (Object col : hostColumns) {
                inBufs.add(b.upload(col, from, n));
            }
            return runOn(inBufs, i -> ElementErrors.element(hostColumns, i), from, n, keep);
        }
    }

    /**
     * @param columns the input columns as the caller holds them
     * @return them in device layout (booleans as bytes), checked against the program's inputs
     */
    List<Object> deviceColumns(List<Object> columns) {
        List<Leaf> ins = program.inputLeaves();
        if (columns.size() != ins.size()) {
            throw new IllegalArgumentException("pipeline takes " + ins.size() + " input columns, got " + columns.size());
        }
        int total = java.lang.reflect.Array.getLength(columns.get(0));
        List<Object> out = new ArrayList<>();
        for (int j = 0; j < ins.size(); j++) {
            out.add(ColumnArrays.toDevice(columns.get(j), ins.get(j).kind(), total));
        }
        return out;
    }

    /** @return the device element type of each input column */
    List<OclBuffer.ElementType> inputTypes() {
        List<OclBuffer.ElementType> types = new ArrayList<>();
        for (Leaf l : program.inputLeaves()) {
            types.add(ColumnArrays.elementType(l.kind()));
        }
        return types;
    }

    OclSession session() {
        return session;
    }

    /**
     * Runs over input that is already on the device: element {@code i} of each buffer is
     * element {@code from + i} of the whole input.
     *
     * @param inBufs    the input columns on the device
     * @param elementAt element {@code i} of the whole input, to name a failing element
     * @param from      where the buffers start in the whole input
     * @param n         elements
     * @param keep      whether a column sink's output stays on the device ({@link OclResult#resident()})
     * @return the result
     */
    OclResult runOn(List<OclBuffer> inBufs, IntFunction<Object> elementAt, int from, int n, boolean keep) {
        if (inBufs.size() != program.inputLeaves().size()) {
            throw new IllegalArgumentException("pipeline takes " + program.inputLeaves().size() + " input columns, got "
                    + inBufs.size());
        }
        OclTimings before = session.timings();
        try (Buffers b = new Buffers(session)) {
            RunContext ctx = new RunContext(elementAt, from, keep);
            OclBuffer errors = b.upload(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE});
            OclResult r = switch (program.mode()) {
                case MAP -> map(b, inBufs, errors, n, ctx);
                case COMPACT -> compact(b, inBufs, errors, n, ctx);
                case REDUCE -> reduce(b, inBufs, errors, n, ctx);
            };
            return new OclResult(r.columns(), r.count(), r.value(), session.timings().since(before), r.resident());
        }
    }

    private OclResult map(Buffers b, List<OclBuffer> ins, OclBuffer errors, int n, RunContext ctx) {
        OclKernel k = kernel("map");
        int a = bindCommon(k, b, ins);
        List<OclBuffer> outs = new ArrayList<>();
        for (Leaf l : program.outputLeaves()) {
            OclBuffer o = b.alloc(l.kind(), n);
            outs.add(o);
            k.arg(a++, o);
        }
        k.arg(a++, errors).arg(a, n);
        session.launchOver(k, n, groupSize);
        ElementErrors.check(errors, ctx.elementAt(), ctx.from());
        return output(b, outs, n, ctx.keep());
    }

    private OclResult compact(Buffers b, List<OclBuffer> ins, OclBuffer errors, int n, RunContext ctx) {
        OclKernel k = kernel("flags");
        int a = bindCommon(k, b, ins);
        List<OclBuffer> staged = new ArrayList<>();
        int slots = Math.max(1, program.fanSlots());  // a fused flatMap stages up to K values per input element
        for (Leaf l : program.outputLeaves()) {
            OclBuffer s = b.alloc(l.kind(), Math.multiplyExact(n, slots));
            staged.add(s);
            k.arg(a++, s);
        }
        OclBuffer keep = b.track(session.buffer(OclBuffer.ElementType.INT, n));
        k.arg(a++, keep).arg(a++, errors).arg(a, n);
        session.launchOver(k, n, groupSize);
        ElementErrors.check(errors, ctx.elementAt(), ctx.from());
        OclBuffer pos = b.track(session.buffer(OclBuffer.ElementType.INT, n));
        new OclScan(session, built, groupSize).exclusive(keep, pos, n);
        int count = 0;
        if (n > 0) {
            int[] last = new int[2];
            pos.read(n - 1, last, 0, 1);
            keep.read(n - 1, last, 1, 1);
            count = last[0] + last[1];
        }
        OclKernel sc = kernel("scatter");
        int s = 0;
        for (OclBuffer st : staged) {
            sc.arg(s++, st);
        }
        sc.arg(s++, keep).arg(s++, pos);
        List<OclBuffer> outs = new ArrayList<>();
        for (Leaf l : program.outputLeaves()) {
            OclBuffer o = b.alloc(l.kind(), count);
            outs.add(o);
            sc.arg(s++, o);
        }
        sc.arg(s, n);
        session.launchOver(sc, n, groupSize);
        return output(b, outs, count, ctx.keep());
    }

    private OclResult reduce(Buffers b, List<OclBuffer> ins, OclBuffer errors, int n, RunContext ctx) {
        OclKernel k = kernel("reduce");
        int a = bindCommon(k, b, ins);
        int groups = (int) Math.max(1, Math.min((n + groupSize - 1L) / groupSize,
                Math.max(8, session.device().computeUnits() * 8L)));
        OclBuffer partials = b.alloc(program.reduceKind(), groups);
        OclBuffer counts = b.track(session.buffer(OclBuffer.ElementType.INT, groups));
        Object identity = Reductions.identity(reduce, program.reduceKind());
        k.arg(a++, partials).arg(a++, counts)
                .localArg(a++, (long) groupSize * ColumnArrays.elementType(program.reduceKind()).bytes())
                .localArg(a++, (long) groupSize * Integer.BYTES);
        KernelArgs.scalar(k, a++, identity, program.reduceKind());
        k.arg(a++, errors).arg(a, n);
        session.launch(k, (long) groups * groupSize, groupSize);
        ElementErrors.check(errors, ctx.elementAt(), ctx.from());
        Object values = ColumnArrays.newArray(program.reduceKind(), groups);
        partials.read(0, values, 0, groups);
        int[] cs = new int[groups];
        counts.read(0, cs, 0, groups);
        long count = 0;
        for (int c : cs) {
            count += c;
        }
        Object value = reduce == ReduceOp.COUNT ? (Object) count : Reductions.finish(reduce, values, identity);
        return new OclResult(List.of(), count, value, null);
    }

    /** How to name a failing element (where the device's range starts in the whole input), and where output goes. */
    private record RunContext(IntFunction<Object> elementAt, int from, boolean keep) {
    }

    private int bindCommon(OclKernel k, Buffers b, List<OclBuffer> ins) {
        int a = 0;
        for (OclBuffer in : ins) {
            k.arg(a++, in);
        }
        for (int s = 0; s < stages.size(); s++) {
            Stage st = stages.get(s);
            LiftedLambda l = st.lambda();
            for (int c = 0; c < l.captureCount(); c++) {
                List<Object> leafValues = new ArrayList<>();
                KernelArgs.flatten(l.captures().get(c).type(), st.captures().get(c), leafValues);
                List<Leaf> leaves = program.stages().get(s).captureLeaves().get(c);
                for (int j = 0; j < leaves.size(); j++) {
                    Leaf leaf = leaves.get(j);
                    if (leaf.array()) {
                        k.arg(a++, b.upload(ColumnArrays.toDevice(leafValues.get(j), leaf.kind(), -1)));
                    } else {
                        KernelArgs.scalar(k, a++, leafValues.get(j), leaf.kind());
                    }
                }
            }
        }
        return a;
    }

    private OclKernel kernel(String suffix) {
        return built.kernel(program.kernelPrefix() + "_" + suffix);
    }

    /** The output columns read back, or handed to the caller on the device. */
    private OclResult output(Buffers b, List<OclBuffer> outs, int count, boolean keep) {
        List<PrimKind> kinds = new ArrayList<>();
        for (Leaf l : program.outputLeaves()) {
            kinds.add(l.kind());
        }
        ResidentColumns out = new ResidentColumns(outs, kinds, count);
        if (keep) {
            outs.forEach(b::keep);
            return new OclResult(List.of(), count, null, null, out);
        }
        return new OclResult(out.download(), count, null, null);
    }

    private static PipelineProgram generate(String id, List<Stage> stages, Sink sink) {
        List<LiftedLambda> lambdas = new ArrayList<>();
        List<Boolean> filters = new ArrayList<>();
        for (int k = 0; k < stages.size(); k++) {
            Stage s = stages.get(k);
            if (s.kind() == Stage.Kind.FAN && k > 0) {
                throw new OclUnsupportedException("a flatMap function as stage " + (k + 1) + ": only the first stage may fan out");
            }
            lambdas.add(s.lambda());
            filters.add(s.kind() == Stage.Kind.FILTER);
        }
        boolean fan = !stages.isEmpty() && stages.get(0).kind() == Stage.Kind.FAN;
        return KernelSourceWriter.write(id, lambdas, filters, reduceOf(sink), fan);
    }

    private static ReduceOp reduceOf(Sink sink) {
        return sink instanceof Sink.Reduce r ? r.op() : null;
    }
}
