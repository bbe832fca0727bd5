package io.pappus.jvm.exec;

import io.pappus.api.query.CacheOp;
import io.pappus.api.query.Source;
import io.pappus.api.query.Terminal;
import io.pappus.exec.column.ColumnConverter;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.exec.column.Columns;
import io.pappus.jvm.codegen.FragmentGenerator;
import io.pappus.jvm.codegen.GeneratedFragment;
import io.pappus.jvm.codegen.Unsupported;
import io.pappus.jvm.compile.ClassCache;
import io.pappus.jvm.runtime.Kernel;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a fragment tree: each fragment's input becomes columns (a source's arrays as they are,
 * a cache's kept columns, or a breaker's output), its generated class runs chunk-parallel, and
 * the partials are combined in chunk order.
 */
public final class FragmentExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FragmentExecutor.class);
    private final Object cacheKey;

    /** @param cacheKey the key this engine keeps {@code cache()} columns under */
    public FragmentExecutor(Object cacheKey) {
        this.cacheKey = cacheKey;
    }

    /**
     * @param root     the fragment that ends in the terminal
     * @param terminal the terminal
     * @return the query's result
     */
    public Object result(Fragment root, Terminal<?> terminal) {
        Object r = run(root, terminal);
        return r instanceof Columns c ? Finisher.objects(c) : r;
    }

    private Object run(Fragment f, Terminal<?> terminal) {
        Columns in = input(f);
        GeneratedFragment g;
        try {
            g = FragmentGenerator.generate(f, f.describe());
        } catch (Unsupported e) {
            LOG.debug("fragment {} runs by reference: {}", f.id(), e.getMessage());
            Object r = ReferenceFallback.pipeline(Finisher.objects(in), f.stages(), terminal);
            return terminal instanceof Terminal.ToList<?> ? ColumnConverter.fromObjects((List<?>) r, f.outputType()) : r;
        }
        Kernel k = ClassCache.shared().get(g.className(), g.source()).compiled().bind(g.refs());
        List<Object> parts = ChunkRunner.run(k, in.leaves(), in.size());
        return Finisher.finish(f.sink(), sinkLayout(f), k, parts);
    }

    private static ColumnLayout sinkLayout(Fragment f) {
        return ColumnLayout.of(f.sink() instanceof Sink.Aggregate a ? a.accumulate().argTypes().get(0) : f.outputType());
    }

    private Columns columns(Fragment f) {
        return (Columns) run(f, new Terminal.ToList<>());
    }

    private Columns input(Fragment f) {
        Object op = f.input().op();
        if (op instanceof Source s) {
            return ColumnConverter.fromSource(s, f.inputType());
        } else if (op instanceof CacheOp c) {
            return c.slot().computeIfAbsent(cacheKey, k -> columns(f.feeds().get(0)));
        }
        List<List<Object>> inputs = new ArrayList<>();
        for (Fragment feed : f.feeds()) {
            inputs.add(Finisher.objects(columns(feed)));
        }
        return ColumnConverter.fromObjects(ReferenceFallback.apply(f.input().op(), inputs), f.inputType());
    }
}
