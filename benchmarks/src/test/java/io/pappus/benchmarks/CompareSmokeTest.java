package io.pappus.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The comparison runner runs every workload end to end at a tiny size (part of mvn verify). Each
 * variant's answer is checked against the first's before it is timed, so a wrong Pappus answer
 * fails here; with {@code pappus.fallback=off} so does a query that quietly stopped compiling.
 */
class CompareSmokeTest {
    @Test
    void runsEveryWorkloadAndWritesItsFiles(@TempDir Path dir) throws Exception {
        Compare.main(new String[] {"--workloads=w1,w2,w3,w4,w6", "--n=20000", "--options=2000", "--points=5000",
            "--k=4", "--iterations=3", "--sf=0.002", "--reps=2", "--out=" + dir});
        for (String w : new String[] {"w1", "w2", "w3", "w4", "w6"}) {
            for (String ext : new String[] {".csv", ".md", ".png"}) {
                assertTrue(Files.size(dir.resolve(w + ext)) > 0, w + ext);
            }
        }
        assertTrue(Files.readString(dir.resolve("w1.csv")).contains("Pappus JVM (lifted lambdas, predicated)"));
        String w4 = Files.readString(dir.resolve("w4.csv"));
        assertTrue(w4.contains("Q1,\"DuckDB") && w4.contains("Q6,\"Pappus JVM on cached DataSet\""), w4);
        assertTrue(Files.readString(dir.resolve("w2.csv")).contains("OPENCL"));
        assertTrue(Files.readString(dir.resolve("w6.md")).contains("first query in process"));
    }
}
