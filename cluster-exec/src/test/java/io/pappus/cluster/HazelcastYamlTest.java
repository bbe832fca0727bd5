package io.pappus.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.pappus.api.DataSet;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member and a client configured by standard Hazelcast files: the cluster runs queries, and
 * Pappus's own parts (allow-list, admission limit, map backups) are there whatever the file says.
 */
class HazelcastYamlTest {
    @TempDir
    Path dir;

    @Test
    void aMemberAndAClientFromStandardFilesRunQueries() throws IOException {
        int port = freePort();
        String name = "yaml-" + Long.toHexString(System.nanoTime());
        Path memberYaml = dir.resolve("hazelcast.yaml");
        Files.writeString(memberYaml, String.join("\n",
                "hazelcast:",
                "  cluster-name: " + name,
                "  properties:",
                "    hazelcast.logging.type: slf4j",
                "  serialization:",
                "    java-serialization-filter:",
                "      defaults-disabled: false",
                "  network:",
                "    port:",
                "      auto-increment: false",
                "      port: " + port,
                "    interfaces:",
                "      enabled: true",
                "      interfaces:",
                "        - 127.0.0.1",
                "    join:",
                "      auto-detection:",
                "        enabled: false",
                "      multicast:",
                "        enabled: false",
                "      tcp-ip:",
                "        enabled: true",
                "        member-list:",
                "          - 127.0.0.1:" + port, ""));
        Path clientYaml = dir.resolve("hazelcast-client.yaml");
        Files.writeString(clientYaml, String.join("\n",
                "hazelcast-client:",
                "  cluster-name: " + name,
                "  network:",
                "    cluster-members:",
                "      - 127.0.0.1:" + port, ""));
        HazelcastInstance member = ClusterMember.start(memberYaml, TestClusters.small(), Map.of());
        try {
            var filter = member.getConfig().getSerializationConfig().getJavaSerializationFilterConfig();
            assertNotNull(filter, "the member deserialises without Pappus's allow-list");
            assertTrue(filter.isDefaultsDisabled(), "the file's filter was kept instead of Pappus's allow-list");
            assertEquals(TestClusters.small().scheduling().tasksPerMember(),
                    member.getConfig().getExecutorConfig(io.pappus.cluster.run.JobRunner.EXECUTOR).getPoolSize());
            assertEquals(port, member.getCluster().getLocalMember().getAddress().getPort());
            try (ClusterEngine cluster = ClusterEngine.fromYaml(clientYaml)) {
                double[] xs = new double[1000];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = i * 0.25;
                }
                double k = 1.5;
                assertEquals(DataSet.from(xs).on(Engines.local(Target.REFERENCE)).map(x -> x * k).filter(x -> x > 90)
                        .sum(x -> x), DataSet.from(xs).on(cluster).map(x -> x * k).filter(x -> x > 90).sum(x -> x), 1e-9);
                assertEquals(List.of(3L, 7L), DataSet.from(new long[] {7, 3, 7}).on(cluster).distinct().orderBy(x -> x)
                        .toList());
                assertTrue(cluster.name().contains(name), cluster.name());
            }
        } finally {
            member.shutdown();
        }
    }

    @Test
    void anUnreadableFileIsNamed() throws IOException {
        Path bad = dir.resolve("broken-client.yaml");
        Files.writeString(bad, "hazelcast-client:\n  network: [unclosed\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterEngine.fromYaml(bad));
        assertTrue(e.getMessage().contains("broken-client.yaml"), e.getMessage());
        Path missing = dir.resolve("nowhere.yaml");
        e = assertThrows(IllegalArgumentException.class, () -> ClusterMember.start(missing, TestClusters.small(), Map.of()));
        assertTrue(e.getMessage().contains("nowhere.yaml"), e.getMessage());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
