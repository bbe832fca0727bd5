package io.pappus.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import io.pappus.api.DataSet;
import io.pappus.api.query.Source;
import io.pappus.cluster.remote.PartialSpec;
import io.pappus.cluster.remote.RemotePipeline;
import io.pappus.cluster.remote.RemoteStep;
import io.pappus.cluster.remote.ShippedLambda;
import io.pappus.cluster.run.JobRunner;
import io.pappus.cluster.run.TaskRejectedException;
import io.pappus.ir.Expr;
import io.pappus.ir.Function;
import io.pappus.ir.LiftedLambda;
import io.pappus.ir.SourceRef;
import io.pappus.ir.Stmt;
import io.pappus.ir.Type;
import io.pappus.ir.Var;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Members refuse what they should not run, and keep serving afterwards. */
class ClusterSecurityTest {
    private static ClusterEngine cluster;

    @BeforeAll
    static void start() {
        cluster = ClusterEngine.embedded(2, TestClusters.small());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A class outside the allow-list: its {@code call} must never run on a member. */
    static final class Gadget implements Callable<String>, Serializable {
        private static final long serialVersionUID = 1L;
        static volatile boolean ran;

        @Override
        public String call() {
            ran = true;
            return "ran";
        }
    }

    @Test
    void membersDeserialiseNothingOutsideTheAllowList() throws Exception {
        HazelcastInstance other = cluster.instances().get(1);
        IExecutorService ex = cluster.entryPoint().getExecutorService(JobRunner.EXECUTOR);
        Future<String> f = ex.submitToMember(new Gadget(), other.getCluster().getLocalMember());
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
        assertTrue(String.valueOf(e.getCause()).contains("is not allowed"), String.valueOf(e.getCause()));
        assertFalse(Gadget.ran);
        assertEquals(4950L, DataSet.range(0, 100).on(cluster).map(i -> i).sum(i -> i), 0.0);
    }

    @Test
    void irThatFailsValidationIsRejectedNotRun() {
        // main(x: double) returns a local it never declared.
        Function main = new Function("main", List.of(new Var("x", Type.DOUBLE)), Type.DOUBLE, List.of(),
                List.of(new Stmt.Return(new Expr.Local("nope", Type.DOUBLE))));
        LiftedLambda bad = new LiftedLambda(main, List.of(), 0, SourceRef.UNKNOWN);
        RemotePipeline p = new RemotePipeline(Type.DOUBLE,
                List.of(new RemoteStep(RemoteStep.Kind.MAP, new ShippedLambda(bad, List.of()))), new PartialSpec.Collect());
        double[] xs = {1, 2, 3};
        JobRunner runner = new JobRunner(cluster.entryPoint(), TestClusters.small().jobLimits(), r -> { });
        TaskRejectedException e = assertThrows(TaskRejectedException.class,
                () -> runner.run(new Source(Source.Kind.DOUBLES, xs, Double.class, 3, 0), Type.DOUBLE, p));
        assertTrue(e.getMessage().contains("uses undeclared local nope"), e.getMessage());
        assertEquals(List.of(2.0, 4.0, 6.0), DataSet.from(xs).on(cluster).map(x -> x * 2).toList());
    }

    @Test
    void aChunkOfTheWrongTypeIsRejected() {
        RemotePipeline p = new RemotePipeline(Type.LONG, List.of(), new PartialSpec.Count());
        JobRunner runner = new JobRunner(cluster.entryPoint(), TestClusters.small().jobLimits(), r -> { });
        double[] xs = {1, 2, 3};
        // The chunk holds double[] but the pipeline claims long elements.
        assertThrows(TaskRejectedException.class,
                () -> runner.run(new Source(Source.Kind.DOUBLES, xs, Double.class, 3, 0), Type.DOUBLE,
                        new RemotePipeline(Type.LONG, p.steps(), p.partial())));
    }

    @Test
    void membersListenOnLoopbackOnly() {
        for (HazelcastInstance m : cluster.instances()) {
            assertEquals("127.0.0.1", m.getCluster().getLocalMember().getAddress().getHost());
        }
    }
}
