package io.pappus.cluster;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.YamlClientConfigBuilder;
import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import io.pappus.cluster.run.JobRunner;
import io.pappus.cluster.run.ShuffleRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Hazelcast configurations for Pappus members and clients: fast, local and closed by default.
 * Members bind to one interface (loopback unless configured), never multicast or auto-detect,
 * join only listed addresses, detect a dead member within seconds, and deserialise only an
 * allow-list of classes: the IR, the task, shuffle and result types, JDK basics and primitive arrays.
 * A user class, a lambda or a gadget chain cannot be deserialised on a member.
 */
final class HazelcastConfigs {
    /** Classes a member or client may deserialise: exact names. */
    private static final List<String> ALLOWED_CLASSES = List.of(
            "[Z", "[B", "[C", "[S", "[I", "[J", "[F", "[D",
            "[Ljava.lang.Object;", "[Ljava.lang.String;", "[Ljava.lang.StackTraceElement;",
            "java.util.ArrayList", "java.util.Arrays$ArrayList", "java.util.CollSer",
            "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$ListN",
            "java.util.Collections$EmptyList", "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.HashMap", "java.util.UUID", "java.util.NoSuchElementException");
    /** Whole packages (not their sub-packages): boxes, String, Enum, Number and the JDK's exceptions. */
    private static final List<String> ALLOWED_PACKAGES = List.of("java.lang", "java.util.concurrent");
    /** Prefixes: the wire types, the IR, and Hazelcast's own (its error responses carry its exceptions). */
    private static final List<String> ALLOWED_PREFIXES = List.of("io.pappus.ir.", "io.pappus.cluster.remote.",
            "io.pappus.cluster.shuffle.", "com.hazelcast.");

    private HazelcastConfigs() {
    }

    /**
     * @param s       the settings
     * @param port    this member's port
     * @param members the addresses ({@code host:port}) it may join
     * @return the configuration of one member
     */
    static Config member(ClusterSettings s, int port, List<String> members) {
        Config c = new Config();
        c.setClusterName(s.clusterName());
        c.setInstanceName(s.clusterName() + "-" + port);
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "slf4j");
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        c.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        c.setProperty("hazelcast.partition.count", Integer.toString(s.partitionCount()));
        c.setProperty("hazelcast.socket.bind.any", "false");  // the configured interface only, not 0.0.0.0
        c.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(s.bindAddress());
        JoinConfig join = c.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members);
        return withPappusParts(c, s);
    }

    /**
     * A member configured by a standard Hazelcast file (network, join, cluster name: the user's),
     * with what Pappus needs added: its maps' backups, the task executor's admission limit and
     * the deserialisation allow-list, which replaces any filter the file sets.
     *
     * @param file a {@code hazelcast.yaml} (or {@code .xml})
     * @param s    the settings for what the file does not say (backups, tasks per member)
     * @return the member's configuration
     * @throws IllegalArgumentException naming the file when it cannot be read
     */
    static Config member(Path file, ClusterSettings s) {
        Config c;
        try {
            c = Config.loadFromFile(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the Hazelcast member configuration " + file + ": " + e.getMessage(), e);
        }
        if (c.getProperty("hazelcast.phone.home.enabled") == null) {
            c.setProperty("hazelcast.phone.home.enabled", "false");
        }
        return withPappusParts(c, s.withClusterName(c.getClusterName()));
    }

    private static Config withPappusParts(Config c, ClusterSettings s) {
        c.addMapConfig(new MapConfig(JobRunner.CHUNK_MAP).setBackupCount(s.backupCount()).setAsyncBackupCount(0));
        c.addMapConfig(new MapConfig(ShuffleRunner.SHUFFLE_MAP).setBackupCount(s.backupCount()).setAsyncBackupCount(0));
        // Admission control: at most tasksPerMember tasks run at once; the executor queues the rest.
        c.addExecutorConfig(new ExecutorConfig(JobRunner.EXECUTOR).setPoolSize(s.scheduling().tasksPerMember()));
        c.getSerializationConfig().setJavaSerializationFilterConfig(allowList());
        return c;
    }

    /**
     * A client configured by a standard {@code hazelcast-client.yaml} (cluster name, member
     * addresses, timeouts: the user's), with Pappus's deserialisation allow-list in place of
     * any filter the file sets.
     *
     * @param file the client configuration
     * @return it
     * @throws IllegalArgumentException naming the file when it cannot be read
     */
    static ClientConfig client(Path file) {
        ClientConfig c;
        try {
            c = new YamlClientConfigBuilder(file.toFile()).build();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the Hazelcast client configuration " + file + ": " + e.getMessage(), e);
        }
        if (c.getProperty("hazelcast.phone.home.enabled") == null) {
            c.setProperty("hazelcast.phone.home.enabled", "false");
        }
        c.getSerializationConfig().setJavaSerializationFilterConfig(allowList());
        return c;
    }

    /**
     * @param s         the settings
     * @param addresses members to connect to, {@code host} or {@code host:port}
     * @return the configuration of a client that gives up connecting after 10 s
     */
    static ClientConfig client(ClusterSettings s, String... addresses) {
        ClientConfig c = new ClientConfig();
        c.setClusterName(s.clusterName());
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "slf4j");
        c.getNetworkConfig().addAddress(addresses);
        c.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(10_000);
        c.getSerializationConfig().setJavaSerializationFilterConfig(allowList());
        return c;
    }

    /** @return the deserialisation allow-list, with Hazelcast's broader defaults switched off */
    static JavaSerializationFilterConfig allowList() {
        ClassFilter allowed = new ClassFilter()
                .addClasses(ALLOWED_CLASSES.toArray(String[]::new))
                .addPackages(ALLOWED_PACKAGES.toArray(String[]::new))
                .addPrefixes(ALLOWED_PREFIXES.toArray(String[]::new));
        return new JavaSerializationFilterConfig().setDefaultsDisabled(true).setWhitelist(allowed);
    }
}
