package io.pappus.benchmarks;

import com.hazelcast.collection.IList;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.aggregate.AggregateOperations;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.Sources;
import com.hazelcast.map.IMap;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * W5's anchor: the workload as a Hazelcast Jet pipeline, written as a Jet user would, on the
 * same members Pappus uses. The one benchmarks class that names Hazelcast: like DuckDB in W4,
 * it is the tool a user would pick instead. Its classes travel with the job (the workers run
 * with {@code --jet io.pappus.benchmarks}).
 */
final class W5Jet {
    private W5Jet() {
    }

    /**
     * Puts the array into an IMap as chunks (as Pappus does with its source), then runs
     * {@code flatMap(chunk -> elements).map(x -> x * 1.2).filter(x -> x > 10).sum} and reads the sum.
     *
     * @param hz     a member or client of the cluster
     * @param xs     the data
     * @param chunks how many IMap entries to cut it into
     * @return the sum
     */
    static double sum(HazelcastInstance hz, double[] xs, int chunks) {
        String id = UUID.randomUUID().toString();
        IMap<Integer, double[]> in = hz.getMap("w5-in-" + id);
        IList<Double> out = hz.getList("w5-out-" + id);
        try {
            Map<Integer, double[]> parts = new HashMap<>();
            for (int c = 0; c < chunks; c++) {
                parts.put(c, Arrays.copyOfRange(xs, (int) ((long) xs.length * c / chunks),
                        (int) ((long) xs.length * (c + 1) / chunks)));
            }
            in.putAll(parts);
            Pipeline p = Pipeline.create();
            p.readFrom(Sources.<Integer, double[]>map(in.getName()))
                    .flatMap(e -> Traversers.traverseStream(Arrays.stream(e.getValue()).boxed()))
                    .map(x -> x * 1.2)
                    .filter(x -> x > 10.0)
                    .aggregate(AggregateOperations.summingDouble(x -> x))
                    .writeTo(Sinks.list(out.getName()));
            hz.getJet().newJob(p, new JobConfig().addClass(W5Jet.class)).join();
            return out.get(0);
        } finally {
            in.destroy();
            out.destroy();
        }
    }
}
