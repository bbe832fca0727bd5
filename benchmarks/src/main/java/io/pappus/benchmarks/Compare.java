package io.pappus.benchmarks;

import io.pappus.jvm.exec.ChunkRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The comparison runner: times the chosen workloads on Pappus and on their baselines in one
 * process and writes {@code <workload>.csv}, {@code .md} and {@code .png} per workload.
 * System.out is this tool's UI.
 *
 * <pre>
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar io.pappus.benchmarks.Compare \
 *     --workloads=w6,w2,w3,w4 --options=10000000 --points=1000000 --sf=1 --reps=5
 * </pre>
 *
 * Flags: {@code --workloads} (default {@code w1,w2,w3,w4,w6}; W6 always runs first, since it
 * times the process's first query), {@code --n} (W1 doubles, 10M), {@code --options} (W2, 10M),
 * {@code --points}, {@code --k}, {@code --iterations} (W3: 1M, 16, 10), {@code --sf} (W4, 1),
 * {@code --cluster-n} and {@code --members} (W5: doubles, 10M, on 1 up to that many worker processes, 3;
 * it needs {@code cluster-exec/target/pappus-worker.jar}),
 * {@code --reps} (timed runs per variant, median reported, 5), {@code --out} (a folder,
 * {@code benchmarks/results}).
 */
public final class Compare {
    private static final Set<String> KNOWN = Set.of("workloads", "n", "options", "points", "k", "iterations", "sf",
            "reps", "out", "cluster-n", "members");

    private Compare() {
    }

    /** @param args flags, see the class comment */
    public static void main(String[] args) throws Exception {
        Map<String, String> flags = parse(args);
        List<String> workloads = new ArrayList<>(List.of(flags.getOrDefault("workloads", "w1,w2,w3,w4,w6")
                .toLowerCase().split(",")));
        int reps = intFlag(flags, "reps", 5);
        Path out = Path.of(flags.getOrDefault("out", "benchmarks/results"));
        if (workloads.remove("w6")) {
            workloads.add(0, "w6");
        }
        System.out.printf("threads=%d, median of %d timed runs after %d warm-up runs%n", ChunkRunner.threads(),
                reps, Math.max(1, reps / 2));
        for (String w : workloads) {
            Timing.collectBetweenRuns = !w.equals("w1");  // W1 allocates nothing (see Timing)
            switch (w) {
                case "w1" -> Report.write(out, w, "W1: map, filter, sum over doubles",
                        W1.run(intFlag(flags, "n", 10_000_000), reps));
                case "w2" -> Report.write(out, w, "W2: Black-Scholes", W2.run(intFlag(flags, "options", 10_000_000),
                        reps));
                case "w3" -> Report.write(out, w, "W3: k-means, 4-d", W3.run(intFlag(flags, "points", 1_000_000),
                        intFlag(flags, "k", 16), intFlag(flags, "iterations", 10), reps));
                case "w4" -> Report.write(out, w, "W4: TPC-H Q1 and Q6",
                        W4.run(Double.parseDouble(flags.getOrDefault("sf", "1")), reps));
                case "w5" -> Report.write(out, w, "W5: map, filter, sum on member JVMs (Pappus and Hazelcast Jet)",
                        W5.run(intFlag(flags, "cluster-n", 10_000_000), intFlag(flags, "members", 3), reps));
                case "w6" -> Report.write(out, w, "W6: small-query latency", W6.run(reps));
                default -> throw new IllegalArgumentException("unknown workload '" + w
                        + "': --workloads takes a comma-separated subset of w1,w2,w3,w4,w5,w6");
            }
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            if (!a.startsWith("--") || !KNOWN.contains(kv[0])) {
                throw new IllegalArgumentException("unknown argument '" + a + "': the flags are --"
                        + String.join(", --", KNOWN.stream().sorted().toList()));
            }
            flags.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        return flags;
    }

    private static int intFlag(Map<String, String> flags, String name, int fallback) {
        String v = flags.get(name);
        return v == null ? fallback : Integer.parseInt(v.replace("_", ""));
    }
}
