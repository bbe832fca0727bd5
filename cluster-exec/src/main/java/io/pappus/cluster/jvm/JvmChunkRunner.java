package io.pappus.cluster.jvm;

import io.pappus.cluster.fragment.IrColumns;
import io.pappus.cluster.fragment.PipelineFragment;
import io.pappus.cluster.fragment.StepCounts;
import io.pappus.cluster.remote.Chunk;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.cluster.remote.ChunkRun;
import io.pappus.cluster.remote.ChunkRunner;
import io.pappus.cluster.remote.InterpretingChunkRunner;
import io.pappus.cluster.remote.PartialSpec;
import io.pappus.cluster.remote.RanOn;
import io.pappus.cluster.remote.RemotePipeline;
import io.pappus.exec.Fallback;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.jvm.codegen.FragmentGenerator;
import io.pappus.jvm.codegen.GeneratedFragment;
import io.pappus.jvm.codegen.Unsupported;
import io.pappus.jvm.compile.ClassCache;
import io.pappus.jvm.compile.JaninoRejected;
import io.pappus.jvm.runtime.Kernel;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs shipped pipelines on a member with the JVM backend: the pipeline becomes a fragment,
 * codegen-jvm writes it as one fused loop, Janino compiles it (cached by source, so every
 * chunk of a job after the first reuses the class), and the loop runs over the chunk's
 * columns. Found through {@link java.util.ServiceLoader} with a higher priority than the
 * interpreter, which still runs what has no compiled form here (an aggregate's accumulator)
 * and every chunk in which a lambda throws, so the failing element and step are exactly the
 * ones the sequential run reports.
 *
 * <p>With {@code -Dpappus.fallback=off} (the tests) a Janino rejection is thrown, as everywhere
 * else: a code generator bug must fail, not hide on the interpreter.
 */
public final class JvmChunkRunner implements ChunkRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JvmChunkRunner.class);
    private static final AtomicLong COMPILED = new AtomicLong();
    private final InterpretingChunkRunner interpreter = new InterpretingChunkRunner();

    private static final String NO_COMPILED_ACCUMULATOR = "an accumulator's partial has no compiled form";

    /** Why a chunk that threw on a compiled run is run again on the interpreter. */
    public static final String RERUN = "a lambda threw: re-run on the interpreter for the exact element and step";

    @Override
    public ChunkRun run(RemotePipeline pipeline, Chunk chunk) {
        if (!PipelineFragment.compilable(pipeline)) {
            return interpreter.run(pipeline, chunk).because(NO_COMPILED_ACCUMULATOR);
        }
        Object[] in = IrColumns.leaves(chunk);
        int n = chunk.size();
        Fragment f = PipelineFragment.of(pipeline, pipeline.steps().size(), null, n);
        Kernel k = kernel(f);
        if (k == null) {
            return interpreter.run(pipeline, chunk).because("codegen-jvm has no compiled form of " + f.describe());
        }
        Object part;
        long[] counts;
        try {
            part = k.chunk(in, 0, n);
            counts = StepCounts.of(pipeline, n, finalCount(pipeline.partial(), part),
                    upTo -> prefixCount(pipeline, upTo, in, n));
        } catch (RuntimeException e) {
            // A lambda threw (or a predicated loop evaluated a map the sequential run skips):
            // the interpreter finds the exact element and step, or finishes the chunk.
            return interpreter.run(pipeline, chunk).because(RERUN);
        }
        COMPILED.incrementAndGet();
        return new ChunkRun(new ChunkResult.Done(counts, partial(pipeline.partial(), f, part)), RanOn.cpu(name(), ""));
    }

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public String describe(RemotePipeline pipeline) {
        return PipelineFragment.compilable(pipeline) ? name() : "ir-interpreter (" + NO_COMPILED_ACCUMULATOR + ")";
    }

    @Override
    public int priority() {
        return 10;
    }

    /** @return how many chunks runners in this JVM have run compiled (not on the interpreter) */
    public static long compiledInThisJvm() {
        return COMPILED.get();
    }

    /** @return the fragment's kernel, or null when codegen-jvm has no compiled form of it */
    private static Kernel kernel(Fragment f) {
        GeneratedFragment g;
        try {
            g = FragmentGenerator.generate(f, "shipped to a cluster member: " + f.describe());
        } catch (Unsupported e) {
            LOG.debug("shipped pipeline {} stays on the interpreter: {}", f.describe(), e.getMessage());
            return null;
        }
        try {
            return ClassCache.shared().get(g.className(), g.source()).compiled().bind(g.refs());
        } catch (JaninoRejected e) {
            if (Fallback.off()) {
                throw e;
            }
            LOG.warn("shipped pipeline {} falls back to the interpreter: {}", f.describe(), e.getMessage());
            return null;
        }
    }

    /** @return the number of elements reaching the partial, or -1 when the partial does not say */
    private static long finalCount(PartialSpec spec, Object part) {
        if (spec instanceof PartialSpec.Collect) {
            return (Integer) ((Object[]) part)[0];
        } else if (spec instanceof PartialSpec.Count) {
            return (Long) part;
        } else if (spec instanceof PartialSpec.Sum) {
            return (Long) ((Object[]) part)[1];
        }
        return -1;
    }

    private static long prefixCount(RemotePipeline p, int upTo, Object[] in, int n) {
        Kernel k = kernel(PipelineFragment.of(p, upTo, new Sink.Count(), n));
        if (k == null) {
            throw new IllegalStateException("no compiled count for a compiled pipeline's prefix");
        }
        return (Long) k.chunk(in, 0, n);
    }

    /** @return the kernel's partial in the interpreter's IR form, which the caller combines */
    private static Object partial(PartialSpec spec, Fragment f, Object part) {
        ColumnLayout out = ColumnLayout.of(f.outputType());
        if (spec instanceof PartialSpec.Collect) {
            Object[] p = (Object[]) part;
            return IrColumns.values(f.outputType(), Arrays.copyOfRange(p, 1, p.length), (Integer) p[0]);
        } else if (spec instanceof PartialSpec.Count) {
            return null;
        } else if (spec instanceof PartialSpec.Sum) {
            return ((Object[]) part)[0];
        } else if (spec instanceof PartialSpec.Fold) {
            Object[] p = (Object[]) part;
            return (Boolean) p[0] ? IrColumns.value(out, p, 1) : null;
        } else if (spec instanceof PartialSpec.Extreme x) {
            Object[] p = (Object[]) part;
            if (!(Boolean) p[0]) {
                return null;
            }
            return new Object[] {IrColumns.value(out, p, 2), IrColumns.normal(p[1], x.key().ir().main().result())};
        }
        throw new AssertionError(spec);
    }
}
