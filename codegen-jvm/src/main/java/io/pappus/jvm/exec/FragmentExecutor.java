package io.pappus.jvm.exec;

import io.pappus.api.query.CacheOp;
import io.pappus.api.query.Source;
import io.pappus.api.query.Terminal;
import io.pappus.exec.ShapeCache;
import io.pappus.exec.column.ColumnConverter;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.exec.column.Columns;
import io.pappus.ir.Type;
import io.pappus.jvm.codegen.FragmentGenerator;
import io.pappus.jvm.codegen.FragmentShape;
import io.pappus.jvm.codegen.GeneratedFragment;
import io.pappus.jvm.codegen.RecordRows;
import io.pappus.jvm.codegen.Unsupported;
import io.pappus.jvm.compile.ClassCache;
import io.pappus.jvm.runtime.Kernel;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Runs a fragment tree: each fragment's input becomes columns (a source's arrays as they are,
 * a cache's kept columns, or a breaker's output), its generated class runs chunk-parallel, and
 * the partials are combined in chunk order.
 */
public final class FragmentExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FragmentExecutor.class);
    /** Per fragment shape, the generated class: a repeated query skips generation (~20 us). */
    private static final ShapeCache<Shaped> SHAPES = new ShapeCache<>(4096);
    private final Object cacheKey;

    private record Shaped(GeneratedFragment generated, ClassCache.Compiled compiled) {
        /** @return the class bound to {@code f}'s values (a fragment of this shape: only captured values change) */
        Kernel bind(Fragment f) {
            return compiled.bind(generated.fragment() == f ? generated.refs() : generated.refsFor(f));
        }
    }

    /** @param cacheKey the key this engine keeps {@code cache()} columns under */
    public FragmentExecutor(Object cacheKey) {
        this.cacheKey = cacheKey;
    }

    /**
     * @param reads the leaves the consuming loop reads, or null for all
     * @return the columns a fragment's pipeline reads, only those leaves laid out from records
     */
    Columns inputOf(Fragment f, BitSet reads) {
        return input(f, reads);
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
        RecordRows rows = RecordRows.of(f);
        Shaped s = rows == null ? null : shaped(f, rows);
        if (s != null) {  // the loop reads the source's records in place: no columns at all
            Kernel k = s.bind(f);
            return Finisher.finish(f.sink(), sinkLayout(f), k, ChunkRunner.run(k, RecordRows.input(f), RecordRows.size(f)));
        }
        s = shaped(f, null);
        // records are laid out only for the fields the generated loop reads
        return run(f, terminal, input(f, s == null ? null : s.generated().reads()), s);
    }

    private Object run(Fragment f, Terminal<?> terminal, Columns in, Shaped s) {
        if (s == null) {
            Object r = ReferenceFallback.pipeline(referenceInput(f, in), f.stages(), terminal);
            return terminal instanceof Terminal.ToList<?> ? ColumnConverter.fromObjects((List<?>) r, f.outputType()) : r;
        }
        Kernel k = s.bind(f);
        List<Object> parts = ChunkRunner.run(k, in.leaves(), in.size());
        return Finisher.finish(f.sink(), sinkLayout(f), k, parts);
    }

    /**
     * @param rows how the loop reads the source's records in place, or null for columns
     * @return the fragment's generated and compiled class, or null when it runs by reference
     */
    private static Shaped shaped(Fragment f, RecordRows rows) {
        List<Object> shape = FragmentShape.key(f);
        shape.add(rows == null ? null : rows.key());
        Shaped known = SHAPES.get(shape);
        if (known != null) {
            return known;
        }
        GeneratedFragment g;
        try {
            g = FragmentGenerator.generate(f, f.describe(), rows);
        } catch (Unsupported e) {
            LOG.debug("fragment {} runs by reference: {}", f.id(), e.getMessage());
            return null;
        }
        ClassCache.Compiled c = ClassCache.shared().get(g.className(), g.source(), rows == null ? null : rows.loader())
                .compiled();
        Shaped s = new Shaped(g, c);
        SHAPES.put(shape, s);
        return s;
    }

    /** @return the key column a key fragment computes over {@code in} */
    Columns keyColumn(Fragment keyFragment, Columns in) {
        return (Columns) run(keyFragment, new Terminal.ToList<>(), in, shaped(keyFragment, null));
    }

    /**
     * @param f    a collecting fragment
     * @param need how many leading outputs are wanted
     * @return its first {@code need} outputs (fewer when it has fewer), scanning only a prefix
     */
    Columns prefix(Fragment f, long need) {
        Shaped s = shaped(f, null);
        Columns in = input(f, s == null ? null : s.generated().reads());
        ColumnLayout out = ColumnLayout.of(f.outputType());
        Columns all;
        if (s == null) {
            all = (Columns) run(f, new Terminal.ToList<>(), in, null);
        } else {
            List<Object> parts = ChunkRunner.prefix(s.bind(f), in.leaves(), in.size(), need);
            BreakerCounters.scanned((Integer) parts.remove(parts.size() - 1));
            all = parts.isEmpty() ? Columns.allocate(out, 0) : Finisher.collect(out, parts);
        }
        return new Columns(all.layout(), all.leaves(), (int) Math.min(all.size(), need));
    }

    private static ColumnLayout sinkLayout(Fragment f) {
        return ColumnLayout.of(f.sink() instanceof Sink.Aggregate a ? a.accumulate().argTypes().get(0) : f.outputType());
    }

    Columns columns(Fragment f) {
        return (Columns) run(f, new Terminal.ToList<>());
    }

    /** @return the fragment's input elements as objects, zipped by reference when the zip is fused */
    private static List<Object> referenceInput(Fragment f, Columns in) {
        if (FragmentGenerator.fusedFlatMap(f)) {
            return ReferenceFallback.apply(f.input().op(), List.of(Finisher.objects(in)));
        } else if (!FragmentGenerator.fusedZip(f)) {
            return Finisher.objects(in);
        }
        List<Type> sides = FragmentGenerator.readTypes(f);
        int split = ColumnLayout.of(sides.get(0)).leaves().size();
        Object[] l = Arrays.copyOfRange(in.leaves(), 0, split);
        Object[] r = Arrays.copyOfRange(in.leaves(), split, in.leaves().length);
        return ReferenceFallback.apply(f.input().op(), List.of(
                Finisher.objects(new Columns(ColumnLayout.of(sides.get(0)), l, in.size())),
                Finisher.objects(new Columns(ColumnLayout.of(sides.get(1)), r, in.size()))));
    }

    /** @return a zip's two sides, read in place where a side is a bare input, side by side */
    private Columns zipInput(Fragment f) {
        Columns l = bare(f.feeds().get(0));
        Columns r = bare(f.feeds().get(1));
        Object[] leaves = new Object[l.leaves().length + r.leaves().length];
        System.arraycopy(l.leaves(), 0, leaves, 0, l.leaves().length);
        System.arraycopy(r.leaves(), 0, leaves, l.leaves().length, r.leaves().length);
        return new Columns(ColumnLayout.of(f.inputType()), leaves, Math.min(l.size(), r.size()));
    }

    /** @return a feed's columns; a feed without stages that just collects is its input, not a copy */
    private Columns bare(Fragment feed) {
        // a fused zip's or flatMap's input is not its output
        boolean bare = feed.stages().isEmpty() && feed.sink() instanceof Sink.Collect
                && !FragmentGenerator.fusedZip(feed) && !FragmentGenerator.fusedFlatMap(feed);
        return bare ? input(feed) : columns(feed);
    }

    private Columns input(Fragment f) {
        return input(f, null);
    }

    private Columns input(Fragment f, BitSet reads) {
        Object op = f.input().op();
        if (FragmentGenerator.fusedZip(f)) {
            return zipInput(f);
        } else if (FragmentGenerator.fusedFlatMap(f)) {
            return bare(f.feeds().get(0));
        } else if (op instanceof Source s) {
            return ColumnConverter.fromSource(s, f.inputType(), reads);
        } else if (op instanceof CacheOp c) {
            return c.slot().computeIfAbsent(cacheKey, k -> columns(f.feeds().get(0)));
        }
        if (NativeBreakers.whyNot(f.input()) == null) {
            return NativeBreakers.run(f, this);
        }
        List<List<Object>> inputs = new ArrayList<>();
        for (Fragment feed : f.feeds()) {
            inputs.add(Finisher.objects(columns(feed)));
        }
        return ColumnConverter.fromObjects(ReferenceFallback.apply(f.input().op(), inputs), f.inputType());
    }
}
