package io.pappus.jvm;

import io.pappus.api.query.CacheOp;
import io.pappus.api.query.DistinctOp;
import io.pappus.api.query.GroupOp;
import io.pappus.api.query.JoinOp;
import io.pappus.api.query.TakeOp;
import io.pappus.api.query.Source;
import io.pappus.exec.ExplainWriter;
import io.pappus.ir.Type;
import io.pappus.jvm.codegen.FragmentGenerator;
import io.pappus.jvm.codegen.GeneratedBreaker;
import io.pappus.jvm.codegen.GroupGenerator;
import io.pappus.jvm.codegen.RecordRows;
import io.pappus.jvm.codegen.JoinGenerator;
import io.pappus.jvm.codegen.GeneratedFragment;
import io.pappus.jvm.codegen.Unsupported;
import io.pappus.jvm.compile.ClassCache;
import io.pappus.jvm.compile.NumberedSource;
import io.pappus.jvm.exec.NativeBreakers;
import io.pappus.lift.FanOut;
import io.pappus.plan.LogicalPlan;
import io.pappus.plan.fragment.Fragment;

/**
 * Writes {@code explain()} for the JVM engine: the lifted plan, then each fragment with what
 * feeds it (saying honestly which operators run with reference semantics), its generated
 * source with {@code /* 001 *}{@code /} line numbers, the compile time and whether the class
 * cache hit.
 */
final class JvmExplain {
    private JvmExplain() {
    }

    static String write(String engine, LogicalPlan plan, Fragment root) {
        StringBuilder b = new StringBuilder(ExplainWriter.lifted(engine, plan));
        fragment(root, b, 0);
        return b.toString();
    }

    /** @param groupFusing the groupBy fragment whose loop runs this fragment's stages, or 0 */
    private static void fragment(Fragment f, StringBuilder b, int groupFusing) {
        b.append("\n== fragment ").append(f.id()).append(": ").append(f.describe()).append(" ==\n");
        if (groupFusing != 0) {
            b.append("fused: its stages run inside the group loop of fragment ").append(groupFusing)
                    .append(" over its input; the loop below is not run\n");
        }
        Object op = f.input().op();
        if (op instanceof Source s && s.kind() != Source.Kind.OBJECTS) {
            b.append("input: source columns (primitive arrays used in place)\n");
        } else if (op instanceof Source) {
            RecordRows rows = RecordRows.of(f);
            b.append(rows != null ? "input: the source's " + rows.recordClass().getSimpleName()
                    + " records, read in place through their accessors (no columns)\n"
                    : "input: the source's objects, laid out as columns for the fields the loop reads\n");
        } else if (op instanceof CacheOp) {
            b.append("input: cache() columns kept by this engine, computed by fragment ")
                    .append(f.feeds().get(0).id()).append(" on first use\n");
        } else if (FragmentGenerator.fusedZip(f)) {
            b.append("input: zip fused into this loop: both sides read at the same index from fragment(s)");
            feeds(f, b);
            b.append(" (a side that only collects a source or cache is read in place)\n");
        } else if (FragmentGenerator.fusedFlatMap(f)) {
            Type fan = f.input().lambda("fn").resultType();
            boolean lifted = FanOut.is(fan);
            b.append("input: flatMap fused into this loop: its ").append(lifted ? "lifted function inlined" : "function called")
                    .append(" per element of fragment(s)");
            feeds(f, b);
            b.append(lifted ? ", up to " + FanOut.slots(fan) + " elements each run through the stages in an inner loop"
                    + " (no Java list)\n" : ", each element it returns run through the stages in an inner loop\n");
        } else if (NativeBreakers.whyNot(f.input()) == null) {
            b.append("input: ").append(f.input().op().opName()).append(" runs natively over columns of fragment(s)");
            feeds(f, b);
            b.append(" (").append(nativeHow(f)).append(")\n");
            breakerSource(f, b);
        } else {
            b.append("input: ").append(f.input().op().opName())
                    .append(" runs with reference semantics over materialised columns of fragment(s)");
            feeds(f, b);
            b.append(" (not native: ").append(NativeBreakers.whyNot(f.input())).append(")\n");
        }
        try {
            RecordRows rows = RecordRows.of(f);
            GeneratedFragment g = FragmentGenerator.generate(f, f.describe(), rows);
            ClassCache.Lookup l = ClassCache.shared().get(g.className(), g.source(), rows == null ? null : rows.loader());
            b.append("compiled natively: ").append(g.predicated() ? "predicated loop" : "fused loop")
                    .append(", Janino ").append(String.format("%.1f", l.compiled().compileMillis()))
                    .append(" ms, class cache ").append(l.hit() ? "hit" : "miss").append('\n');
            b.append(NumberedSource.of(g.source()));
        } catch (Unsupported e) {
            b.append("not compiled: ").append(e.getMessage()).append("; runs with reference semantics\n");
        }
        boolean group = op instanceof GroupOp && NativeBreakers.whyNot(f.input()) == null;
        for (Fragment feed : f.feeds()) {
            fragment(feed, b, group && NativeBreakers.fusesInto(feed) ? f.id() : 0);
        }
    }

    private static void feeds(Fragment f, StringBuilder b) {
        for (Fragment feed : f.feeds()) {
            b.append(' ').append(feed.id());
        }
    }

    private static String nativeHow(Fragment f) {
        Object op = f.input().op();
        if (op instanceof TakeOp) {
            return "early exit: chunks in order, none scheduled once the prefix holds n";
        } else if (op instanceof GroupOp) {
            return "generated hash aggregation over the key columns, chunk tables merged in order";
        } else if (op instanceof JoinOp) {
            return "compiled key columns, hash table on the right key columns, generated result loop";
        } else if (op instanceof DistinctOp) {
            return "hash set over the element columns, first occurrences in order";
        }
        return "compiled key column, stable index sort, gather";
    }

    private static void breakerSource(Fragment f, StringBuilder b) {
        Object op = f.input().op();
        Fragment feed = f.feeds().isEmpty() ? null : f.feeds().get(0);
        GeneratedBreaker g = op instanceof GroupOp ? (NativeBreakers.fusesInto(feed)
                ? GroupGenerator.generate(f.input(), f.id(), feed.stages(), feed.inputType(), RecordRows.of(feed))
                : GroupGenerator.generate(f.input(), f.id()))
                : op instanceof JoinOp ? JoinGenerator.generate(f.input(), f.id()) : null;
        if (g != null) {
            b.append("breaker source (").append(g.className()).append("):\n").append(NumberedSource.of(g.source()));
        }
    }
}
