package io.pappus.exec;

import io.pappus.api.query.Node;
import io.pappus.api.query.Source;
import io.pappus.api.query.TakeOp;
import io.pappus.api.query.Terminal;
import io.pappus.ir.IrPrinter;
import io.pappus.lift.LiftResult;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.LogicalPlan;
import io.pappus.plan.PlanNode;

import java.util.List;

/**
 * Writes {@code explain()} text: the operator tree from the terminal down to the sources, and
 * for each lambda its lifted IR (or why it is opaque, with class and line).
 */
public final class ExplainWriter {
    private final StringBuilder out = new StringBuilder();

    private ExplainWriter() {
    }

    /**
     * @param engine the engine's description
     * @param plan   a typed plan
     * @return the explanation
     */
    public static String lifted(String engine, LogicalPlan plan) {
        ExplainWriter w = new ExplainWriter();
        w.out.append("== Pappus plan on ").append(engine).append(" ==\n");
        w.out.append(plan.terminal().name()).append('\n');
        w.lambdas(plan.terminalLambdas(), "  ");
        w.node(plan.root(), "");
        return w.out.toString();
    }

    /**
     * @param engine   the engine's name
     * @param root     a query tree
     * @param terminal its action
     * @return the explanation: the reference engine lifts nothing
     */
    public static String reference(String engine, Node root, Terminal<?> terminal) {
        ExplainWriter w = new ExplainWriter();
        w.out.append("== Pappus plan on ").append(engine)
                .append(": original lambdas, sequential, nothing lifted ==\n");
        w.out.append(terminal.name()).append('\n');
        w.raw(root, "");
        return w.out.toString();
    }

    private void node(PlanNode n, String indent) {
        out.append(indent).append(describe(n.op())).append("  -> ").append(n.output().show()).append('\n');
        lambdas(n.lambdas(), indent + "  ");
        inputs(n.inputs(), indent, this::node);
    }

    private void raw(Node n, String indent) {
        out.append(indent).append(describe(n)).append('\n');
        inputs(n.inputs(), indent, this::raw);
    }

    private <T> void inputs(List<T> inputs, String indent, java.util.function.BiConsumer<T, String> print) {
        if (inputs.size() == 1) {
            print.accept(inputs.get(0), indent);
        } else {
            for (int i = 0; i < inputs.size(); i++) {
                out.append(indent).append(i == 0 ? "  left:" : "  right:").append('\n');
                print.accept(inputs.get(i), indent + "    ");
            }
        }
    }

    private void lambdas(List<LambdaSite> sites, String indent) {
        for (LambdaSite s : sites) {
            out.append(indent).append(s.role()).append(": ");
            if (s.lift() instanceof LiftResult.Lifted l) {
                out.append("lifted from ").append(l.source()).append('\n');
                for (String line : IrPrinter.print(l.ir()).split("\n")) {
                    out.append(indent).append("  ").append(line).append('\n');
                }
            } else if (s.lift() instanceof LiftResult.Opaque o) {
                out.append("opaque, runs on the JVM: ").append(o.reason()).append(" (at ").append(o.source())
                        .append(")\n");
            }
        }
    }

    private static String describe(Node n) {
        if (n instanceof Source s) {
            return switch (s.kind()) {
                case DOUBLES -> "source double[" + s.size() + "]";
                case FLOATS -> "source float[" + s.size() + "]";
                case INTS -> "source int[" + s.size() + "]";
                case LONGS -> "source long[" + s.size() + "]";
                case RANGE -> "source range [" + s.rangeStart() + ", " + ((long) s.rangeStart() + s.size()) + ")";
                case OBJECTS -> "source " + s.size() + " x " + s.elementType().getSimpleName();
            };
        }
        if (n instanceof TakeOp t) {
            return "take " + t.n();
        }
        return n.opName();
    }
}
