package io.pappus.cluster;

import io.pappus.api.Engine;
import io.pappus.testing.OperatorSuite;
import net.jqwik.api.lifecycle.AfterContainer;

/** Every operator of the API on a 3-member embedded cluster, against the obvious Java-streams programs. */
class ClusterOperatorTest extends OperatorSuite {
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
