package io.pappus.cluster;

/**
 * One embedded 3-member cluster per test class, started on first use: jqwik suites call
 * {@link #get()} from {@code engine()} and {@link #close()} from {@code @AfterContainer}.
 */
final class SharedCluster {
    private ClusterEngine engine;

    synchronized ClusterEngine get() {
        if (engine == null) {
            engine = ClusterEngine.embedded(3, TestClusters.small());
        }
        return engine;
    }

    synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
