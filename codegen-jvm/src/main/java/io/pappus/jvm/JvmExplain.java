package io.pappus.jvm;

import io.pappus.api.query.CacheOp;
import io.pappus.api.query.Source;
import io.pappus.exec.ExplainWriter;
import io.pappus.jvm.codegen.FragmentGenerator;
import io.pappus.jvm.codegen.GeneratedFragment;
import io.pappus.jvm.codegen.Unsupported;
import io.pappus.jvm.compile.ClassCache;
import io.pappus.jvm.compile.NumberedSource;
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
        fragment(root, b);
        return b.toString();
    }

    private static void fragment(Fragment f, StringBuilder b) {
        b.append("\n== fragment ").append(f.id()).append(": ").append(f.describe()).append(" ==\n");
        Object op = f.input().op();
        if (op instanceof Source) {
            b.append("input: source columns (primitive arrays used in place)\n");
        } else if (op instanceof CacheOp) {
            b.append("input: cache() columns kept by this engine, computed by fragment ")
                    .append(f.feeds().get(0).id()).append(" on first use\n");
        } else {
            b.append("input: ").append(f.input().op().opName())
                    .append(" runs with reference semantics over materialised columns of fragment(s)");
            for (Fragment feed : f.feeds()) {
                b.append(' ').append(feed.id());
            }
            b.append(" (not compiled natively yet)\n");
        }
        try {
            GeneratedFragment g = FragmentGenerator.generate(f, f.describe());
            ClassCache.Lookup l = ClassCache.shared().get(g.className(), g.source());
            b.append("compiled natively: ").append(g.predicated() ? "predicated loop" : "fused loop")
                    .append(", Janino ").append(String.format("%.1f", l.compiled().compileMillis()))
                    .append(" ms, class cache ").append(l.hit() ? "hit" : "miss").append('\n');
            b.append(NumberedSource.of(g.source()));
        } catch (Unsupported e) {
            b.append("not compiled: ").append(e.getMessage()).append("; runs with reference semantics\n");
        }
        for (Fragment feed : f.feeds()) {
            fragment(feed, b);
        }
    }
}
