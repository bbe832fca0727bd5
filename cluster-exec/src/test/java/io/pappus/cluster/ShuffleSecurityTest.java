package io.pappus.cluster;

import com.hazelcast.core.IExecutorService;
import io.pappus.api.DataSet;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.cluster.remote.PartialSpec;
import io.pappus.cluster.remote.RemotePipeline;
import io.pappus.cluster.remote.TaskReply;
import io.pappus.cluster.run.JobRunner;
import io.pappus.cluster.run.ShuffleRunner;
import io.pappus.cluster.shuffle.KeyedOp;
import io.pappus.cluster.shuffle.ShuffleKey;
import io.pappus.cluster.shuffle.StageInput;
import io.pappus.cluster.shuffle.StageSink;
import io.pappus.cluster.shuffle.StageTask;
import io.pappus.ir.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Members refuse shuffle stages whose buckets or operators do not fit their declared types. */
class ShuffleSecurityTest {
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

    private static ChunkResult run(StageTask t, Object key) throws Exception {
        IExecutorService ex = cluster.entryPoint().getExecutorService(JobRunner.EXECUTOR);
        TaskReply r = ex.submitToKeyOwner(t, key).get(30, TimeUnit.SECONDS);
        return r.result();
    }

    @Test
    void aBucketHoldingValuesOfAnotherTypeIsRejected() throws Exception {
        String shuffle = "forged";
        // The stage says int elements; the bucket's element column holds a String.
        cluster.entryPoint().getMap(ShuffleRunner.SHUFFLE_MAP).put(new ShuffleKey(shuffle, 0, 0, 0),
                new Object[] {null, new Object[] {"not an int"}});
        StageInput in = new StageInput.FromShuffle(ShuffleRunner.SHUFFLE_MAP, shuffle, 0, List.of(1), List.of(Type.INT),
                Type.INT, new KeyedOp.Distinct(), false);
        StageTask t = new StageTask("forged:0#0", 0, in, new RemotePipeline(Type.INT, List.of(), new PartialSpec.Collect()),
                new StageSink.Partial());
        ChunkResult r = run(t, ShuffleKey.partitionKey(shuffle, 0));
        ChunkResult.Rejected rej = assertInstanceOf(ChunkResult.Rejected.class, r);
        assertTrue(rej.reason().contains("elements of bucket") && rej.reason().contains("values of the pipeline's input"
                + " type int"), rej.reason());
        assertEquals(List.of(1, 2), DataSet.from(new int[] {2, 1, 2}).on(cluster).distinct().orderBy(i -> i).toList());
    }

    @Test
    void aSortOnAStructKeyIsRejected() throws Exception {
        Type point = new Type.Struct("P", List.of(new Type.Field("x", Type.DOUBLE)));
        StageInput in = new StageInput.FromShuffle(ShuffleRunner.SHUFFLE_MAP, "s2", 0, List.of(0), List.of(point), point,
                new KeyedOp.Sort(false), false);
        StageTask t = new StageTask("s2:0#0", 0, in, new RemotePipeline(point, List.of(), new PartialSpec.Collect()),
                new StageSink.Partial());
        ChunkResult.Rejected rej = assertInstanceOf(ChunkResult.Rejected.class, run(t, ShuffleKey.partitionKey("s2", 0)));
        assertTrue(rej.reason().contains("is not a primitive or String"), rej.reason());
    }
}
