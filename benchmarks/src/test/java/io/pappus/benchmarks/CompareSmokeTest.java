package io.pappus.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison runner runs end to end at a tiny size (part of mvn verify). */
class CompareSmokeTest {
    @Test
    void runsAndWritesCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("w1.csv");
        Compare.main(new String[] {"--n=20000", "--reps=3", "--out=" + csv});
        String text = Files.readString(csv);
        assertTrue(text.contains("pappus JVM (lifted lambdas, predicated)"), text);
        assertTrue(text.contains("latency: same shape"), text);
    }
}
