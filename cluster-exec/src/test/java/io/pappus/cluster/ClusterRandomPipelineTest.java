package io.pappus.cluster;

import io.pappus.api.Engine;
import io.pappus.testing.RandomPipelineSuite;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random pipelines on a 3-member embedded cluster against the reference engine. The bulk run
 * draws {@code pappus.pipelines.tries} pipelines: cluster-exec's pom sets a smaller default
 * than the planner's 1000, since every pipeline is one or more distributed jobs.
 */
class ClusterRandomPipelineTest extends RandomPipelineSuite {
    private static final SharedCluster CLUSTER = new SharedCluster();

    @Override
    protected Engine engine() {
        return CLUSTER.get();
    }

    @AfterContainer
    static void stop() {
        CLUSTER.close();
    }
}
