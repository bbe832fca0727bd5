package io.pappus.cluster.remote;

import io.pappus.exec.IrInterpreter;

import java.util.ArrayList;
import java.util.List;

/**
 * The default {@link ChunkRunner}: evaluates each lambda with the {@link IrInterpreter}, one
 * step at a time over the whole chunk, as the sequential reference runs one operator after
 * the other, so the first failing element is the one the reference would report.
 */
public final class InterpretingChunkRunner implements ChunkRunner {
    private final IrInterpreter interpreter = new IrInterpreter();

    @Override
    public ChunkRun run(RemotePipeline pipeline, Chunk chunk) {
        return new ChunkRun(evaluate(pipeline, chunk), RanOn.cpu(name(), ""));
    }

    private ChunkResult evaluate(RemotePipeline pipeline, Chunk chunk) {
        List<RemoteStep> steps = pipeline.steps();
        long[] counts = new long[steps.size() + 1];
        List<Object> in = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            in.add(chunk.get(i));
        }
        for (int s = 0; s < steps.size(); s++) {
            counts[s] = in.size();
            RemoteStep step = steps.get(s);
            List<Object> out = new ArrayList<>(step.kind() == RemoteStep.Kind.MAP ? in.size() : 16);
            for (int i = 0; i < in.size(); i++) {
                Object x = in.get(i);
                Object y;
                try {
                    y = call(step.lambda(), x);
                } catch (RuntimeException e) {
                    return failed(s, i, x, e);
                }
                if (step.kind() == RemoteStep.Kind.MAP) {
                    out.add(y);
                } else if ((Boolean) y) {
                    out.add(x);
                }
            }
            in = out;
        }
        counts[steps.size()] = in.size();
        return partial(pipeline, steps.size(), in, counts);
    }

    @Override
    public String name() {
        return "ir-interpreter";
    }

    private ChunkResult partial(RemotePipeline pipeline, int stage, List<Object> in, long[] counts) {
        PartialSpec spec = pipeline.partial();
        int i = 0;
        try {
            if (spec instanceof PartialSpec.Collect) {
                return new ChunkResult.Done(counts, in.toArray());
            } else if (spec instanceof PartialSpec.Count) {
                return new ChunkResult.Done(counts, null);
            } else if (spec instanceof PartialSpec.Sum s) {
                double sum = 0.0;
                for (; i < in.size(); i++) {
                    sum += ((Number) call(s.f(), in.get(i))).doubleValue();
                }
                return new ChunkResult.Done(counts, sum);
            } else if (spec instanceof PartialSpec.Fold f) {
                Object acc = in.isEmpty() ? null : in.get(0);
                for (i = 1; i < in.size(); i++) {
                    acc = call(f.op(), acc, in.get(i));
                }
                return new ChunkResult.Done(counts, acc);
            } else if (spec instanceof PartialSpec.Accumulate a) {
                Object acc = a.seed();
                for (; i < in.size(); i++) {
                    acc = call(a.accumulate(), acc, in.get(i));
                }
                return new ChunkResult.Done(counts, in.isEmpty() ? null : acc);
            } else if (spec instanceof PartialSpec.Extreme x) {
                Object best = null;
                Comparable<Object> bestKey = null;
                for (; i < in.size(); i++) {
                    @SuppressWarnings("unchecked")
                    Comparable<Object> k = (Comparable<Object>) call(x.key(), in.get(i));
                    int c = bestKey == null ? 0 : k.compareTo(bestKey);
                    if (bestKey == null || (x.max() ? c > 0 : c < 0)) {
                        best = in.get(i);
                        bestKey = k;
                    }
                }
                return new ChunkResult.Done(counts, best == null ? null : new Object[] {best, bestKey});
            }
        } catch (RuntimeException e) {
            return failed(stage, i, i < in.size() ? in.get(i) : null, e);
        }
        throw new AssertionError(spec);
    }

    private Object call(ShippedLambda f, Object... args) {
        return interpreter.call(f.ir(), f.captures(), args);
    }

    private static ChunkResult failed(int stage, long index, Object element, RuntimeException e) {
        return new ChunkResult.ElementFailed(stage, index, element, e.getClass().getName(), e.getMessage());
    }
}
