package io.pappus.exec;

import io.pappus.ir.SourceRef;
import io.pappus.lift.LiftResult;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.LogicalPlan;
import io.pappus.plan.PlanNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Says once per lambda, in the log, why it stays on the JVM as an opaque call (every local engine calls it). */
public final class OpaqueLog {
    private static final Logger LOG = LoggerFactory.getLogger(OpaqueLog.class);
    private static final Set<SourceRef> SEEN = ConcurrentHashMap.newKeySet();

    private OpaqueLog() {
    }

    /**
     * Logs, once per lambda per process, why each opaque lambda of a plan stays on the JVM.
     *
     * @param plan a typed plan
     */
    public static void report(LogicalPlan plan) {
        plan.terminalLambdas().forEach(OpaqueLog::report);
        report(plan.root());
    }

    private static void report(PlanNode n) {
        n.lambdas().forEach(OpaqueLog::report);
        n.inputs().forEach(OpaqueLog::report);
    }

    private static void report(LambdaSite s) {
        if (s.lift() instanceof LiftResult.Opaque o && SEEN.add(o.source())) {
            LOG.info("lambda {} runs as an opaque call on the JVM: {}", o.source(), o.reason());
        }
    }
}
