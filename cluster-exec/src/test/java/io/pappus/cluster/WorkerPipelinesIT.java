package io.pappus.cluster;

import io.pappus.api.Engine;
import io.pappus.testing.RandomPipelineSuite;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.List;

/**
 * Random pipelines on a cluster of 3 worker processes ({@code java -jar pappus-worker.jar}),
 * joined as a client, against the reference engine: fragments cross process boundaries as IR
 * and run compiled on each worker. {@code pappus.pipelines.tries} comes from the failsafe
 * configuration (fewer than in-process: each pipeline is one or more jobs over the network).
 */
class WorkerPipelinesIT extends RandomPipelineSuite {
    private static WorkerProcesses workers;
    private static ClusterEngine client;

    @Override
    protected Engine engine() {
        synchronized (WorkerPipelinesIT.class) {
            if (client == null) {
                workers = new WorkerProcesses();
                List<String> addresses = workers.start(3).stream().map(WorkerProcesses.Worker::address).toList();
                client = ClusterEngine.join(workers.clientSettings(), addresses.toArray(String[]::new));
            }
            return client;
        }
    }

    @AfterContainer
    static void stop() {
        synchronized (WorkerPipelinesIT.class) {
            try {
                if (client != null) {
                    client.close();
                }
            } finally {
                client = null;
                if (workers != null) {
                    workers.close();
                    workers = null;
                }
            }
        }
    }
}
