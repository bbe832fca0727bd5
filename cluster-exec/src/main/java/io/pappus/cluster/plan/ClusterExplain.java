package io.pappus.cluster.plan;

import io.pappus.api.query.OrderByOp;
import io.pappus.api.query.Source;
import io.pappus.cluster.remote.RemotePipeline;
import io.pappus.exec.ExplainWriter;
import io.pappus.plan.LogicalPlan;
import io.pappus.plan.PlanNode;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * Writes a cluster engine's {@code explain()}: for every operator and the terminal, whether it
 * runs on the members or on the caller and why, how many partitions each shipped source is cut
 * into, which keyed operators shuffle across the members and which of those combine on the
 * map side; then the lifted IR of every lambda (what travels to the members).
 */
public final class ClusterExplain {
    private final StringBuilder out = new StringBuilder();
    private final IntUnaryOperator partitions;
    private final boolean combine;

    private ClusterExplain(IntUnaryOperator partitions, boolean combine) {
        this.partitions = partitions;
        this.combine = combine;
    }

    /**
     * @param engine     the engine's description
     * @param plan       the typed plan
     * @param partitions the number of partitions a source of a given size is cut into
     * @param runner     where the members run a pipeline, and why not on a better device
     * @param advertised each member's runner as it advertises it ({@code address: runner}); empty
     *                   for embedded members, which run with this JVM's runner
     * @param combine    whether map-side combining is on
     * @return the explanation
     */
    public static String explain(String engine, LogicalPlan plan, IntUnaryOperator partitions,
                                 Function<RemotePipeline, String> runner, List<String> advertised, boolean combine) {
        ClusterExplain w = new ClusterExplain(partitions, combine);
        w.out.append("== Pappus cluster placement on ").append(engine).append(" ==\n");
        Optional<Chain> whole = ShufflePlacement.chain(plan.root());
        String term = plan.terminal().name();
        if (whole.isPresent()) {
            TerminalPlacement tp = Placement.terminal(plan, whole.get().output());
            w.out.append(term).append("  [").append(tp.onMembers()
                    ? "members: partial " + tp.partial().name() + " per partition, run by " + runner.apply(
                            whole.get().pipeline(tp.partial())) + "; the caller combines them in partition order"
                    : "caller: " + tp.reason()).append("]\n");
            w.members(whole.get(), "  ", tp.onMembers() ? "" : COLLECTED);
        } else {
            w.out.append(term).append("  [caller: its input is on the caller]\n");
            w.node(plan.root(), "  ");
        }
        for (String m : advertised) {
            w.out.append("member ").append(m).append('\n');
        }
        w.out.append('\n').append(ExplainWriter.lifted(engine
                + ": each lambda's IR (what members receive for their steps)", plan));
        return w.out.toString();
    }

    private void node(PlanNode n, String indent) {
        Optional<Chain> c = ShufflePlacement.chain(n);
        if (c.isPresent() && (c.get().shuffles() || !c.get().steps().isEmpty())) {
            members(c.get(), indent, COLLECTED);
            return;
        }
        String where = n.op() instanceof Source ? "caller: read by the operator above (nothing to run on members first)"
                : "caller: " + Placement.callerReason(n) + ", with the original lambdas (reference semantics)";
        out.append(indent).append(n.op().opName()).append("  [").append(where).append("]\n");
        for (int i = 0; i < n.inputs().size(); i++) {
            if (n.inputs().size() > 1) {
                out.append(indent).append(i == 0 ? "  left:\n" : "  right:\n");
            }
            node(n.inputs().get(i), indent + (n.inputs().size() > 1 ? "    " : "  "));
        }
    }

    private static final String COLLECTED = "; output collected to the caller in partition order";

    /** Prints a chain that members run; {@code fate} says where its output goes. */
    private void members(Chain c, String indent, String fate) {
        PlanNode n = c.top();
        String pad = indent;
        for (int i = c.steps().size() - 1; i >= 0; i--, n = n.inputs().get(0)) {
            out.append(pad).append(n.op().opName()).append("  [members: lifted IR, one fused pass per partition")
                    .append(i == c.steps().size() - 1 ? fate : "").append("]\n");
            pad += "  ";
        }
        if (c.shuffles()) {
            PlanNode k = c.base();
            boolean combines = KeyedOps.combines(k, combine);
            out.append(pad).append(k.op().opName()).append("  [members: ")
                    .append(k.op() instanceof OrderByOp ? "range shuffle on sampled key splitters" : "hash shuffle by key")
                    .append(" through the shuffle map")
                    .append(combines ? ", combined on the map side (one partial per key and source partition)" : "")
                    .append("; each target partition finished on its owner")
                    .append(c.steps().isEmpty() ? fate : "").append("]\n");
            for (int i = 0; i < c.inputs().size(); i++) {
                if (c.inputs().size() > 1) {
                    out.append(pad).append(i == 0 ? "  left:\n" : "  right:\n");
                }
                String inPad = pad + (c.inputs().size() > 1 ? "    " : "  ");
                members(c.inputs().get(i), inPad, combines ? COMBINED : SHUFFLED);
            }
            return;
        }
        int size = c.source().size();
        out.append(pad).append("source ").append(c.sourceType().show()).append(" x ").append(size)
                .append("  [members: ").append(partitions.applyAsInt(size))
                .append(" partitions in the chunk map, with backups").append(c.steps().isEmpty() ? fate : "")
                .append("]\n");
    }

    private static final String SHUFFLED = "; output written to the shuffle by key";
    private static final String COMBINED = "; output folded per key, the partials written to the shuffle by key";
}
