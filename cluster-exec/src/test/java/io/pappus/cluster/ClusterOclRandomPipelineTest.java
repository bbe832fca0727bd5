package io.pappus.cluster;

import io.pappus.api.Engine;
import io.pappus.cluster.opencl.OclChunkRunner;
import io.pappus.cluster.remote.ChunkRunners;
import io.pappus.cluster.remote.MemberTarget;
import io.pappus.testing.RandomPipelineSuite;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random pipelines on a 3-member embedded cluster whose members run every chunk their OpenCL
 * device can run there ({@code pappus.cluster.memberTarget=opencl}; PoCL's CPU device here),
 * against the reference engine; the rest of each pipeline runs on the members' JVM as always.
 * Every shipped kernel is a fresh OpenCL build, so the bulk run draws
 * {@code pappus.cluster.ocl.pipelines.tries} pipelines (cluster-exec's pom sets it), fewer than
 * the JVM suite's.
 */
class ClusterOclRandomPipelineTest extends RandomPipelineSuite {
    /** System property: how many pipelines the bulk run draws here. */
    static final String TRIES_PROPERTY = "pappus.cluster.ocl.pipelines.tries";
    private static final SharedCluster CLUSTER = new SharedCluster();
    private static String suiteTries;
    private static long chunksBefore;

    @BeforeContainer
    static void forceTheDevice() {
        System.setProperty(MemberTarget.PROPERTY, "opencl");
        suiteTries = System.getProperty(RandomPipelineSuite.TRIES_PROPERTY);
        System.setProperty(RandomPipelineSuite.TRIES_PROPERTY, System.getProperty(TRIES_PROPERTY, "100"));
        chunksBefore = OclChunkRunner.chunksOn(device());
    }

    @Override
    protected Engine engine() {
        return CLUSTER.get();
    }

    /** The members' chunks ran on the device, not only on the JVM. */
    @AfterContainer
    static void stop() {
        try {
            CLUSTER.close();
            long ran = OclChunkRunner.chunksOn(device()) - chunksBefore;
            assertTrue(ran > 0, "no member chunk ran on the OpenCL device");
        } finally {
            System.clearProperty(MemberTarget.PROPERTY);
            if (suiteTries == null) {
                System.clearProperty(RandomPipelineSuite.TRIES_PROPERTY);
            } else {
                System.setProperty(RandomPipelineSuite.TRIES_PROPERTY, suiteTries);
            }
        }
    }

    private static String device() {
        return ((OclChunkRunner) ChunkRunners.get()).device()
                .orElseThrow(() -> new AssertionError("no OpenCL device: is PoCL installed?")).name();
    }
}
