package io.pappus.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * W5 end to end at a tiny size on 2 worker processes: Pappus's answer is checked against the
 * caller's loop and Jet's before anything is timed. Needs cluster-exec's worker jar, which
 * {@code mvn verify} builds before this module's tests; a bare {@code mvn test} skips it.
 */
class W5SmokeTest {
    @Test
    void pappusAndJetAgreeOnOneAndTwoMembers(@TempDir Path dir) throws Exception {
        assumeTrue(W5.workerJar() != null, "no cluster-exec/target/pappus-worker.jar (mvn package builds it)");
        Compare.main(new String[] {"--workloads=w5", "--cluster-n=200000", "--members=2", "--reps=1", "--out=" + dir});
        String csv = Files.readString(dir.resolve("w5.csv"));
        assertTrue(csv.contains("2 members,\"Hazelcast Jet pipeline") && csv.contains("2 members,\"Pappus cluster"), csv);
        assertTrue(!csv.contains("NaN"), csv);
        assertTrue(Files.size(dir.resolve("w5.png")) > 0);
    }
}
