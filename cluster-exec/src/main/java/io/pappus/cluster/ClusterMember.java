package io.pappus.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts one standalone Pappus member in this JVM, as the worker command does: Pappus's closed
 * configuration ({@link ClusterSettings}' cluster name and bind address, the deserialisation
 * allow-list, fast failure detection) plus the member attributes it advertises.
 *
 * <pre>{@code
 * HazelcastInstance m = ClusterMember.start(ClusterSettings.defaults(), 5701, List.of("10.0.0.5:5701"), attrs);
 * }</pre>
 */
public final class ClusterMember {
    private ClusterMember() {
    }

    /**
     * @param settings   the cluster name and bind address (other fields as the cluster's callers use)
     * @param port       the port to listen on
     * @param join       members to join, {@code host:port}; empty to start a new cluster
     * @param attributes member attributes to publish
     * @return the running member; shut it down when done
     */
    public static HazelcastInstance start(ClusterSettings settings, int port, List<String> join,
                                          Map<String, String> attributes) {
        return start(settings, port, join, attributes, List.of());
    }

    /**
     * As {@link #start(ClusterSettings, int, List, Map)}, and with Hazelcast Jet enabled when
     * {@code jetPackages} is not empty: for comparing Pappus with Jet on the same members. Jet
     * jobs carry code (uploaded classes, Java-serialised lambdas and processor suppliers), so the
     * member then deserialises without Pappus's allow-list: enable it only where every client
     * is trusted.
     *
     * @param jetPackages the packages of the Jet jobs' classes, e.g. {@code io.pappus.benchmarks}
     *                    (logged; Jet loads them from the job's uploaded resources)
     * @return the running member
     */
    public static HazelcastInstance start(ClusterSettings settings, int port, List<String> join,
                                          Map<String, String> attributes, List<String> jetPackages) {
        List<String> members = new ArrayList<>(join);
        members.add(settings.bindAddress() + ":" + port);
        return start(HazelcastConfigs.member(settings, port, members), attributes, jetPackages);
    }

    /**
     * Starts a member configured by a standard Hazelcast file ({@code hazelcast.yaml}: network,
     * join and cluster name as the file says), with Pappus's maps, admission limit and
     * deserialisation allow-list added.
     *
     * @param file       the member configuration
     * @param settings   backups and tasks per member (the cluster name comes from the file)
     * @param attributes member attributes to publish
     * @return the running member
     * @throws IllegalArgumentException naming the file when it cannot be read
     */
    public static HazelcastInstance start(java.nio.file.Path file, ClusterSettings settings, Map<String, String> attributes) {
        return start(HazelcastConfigs.member(file, settings), attributes, List.of());
    }

    private static HazelcastInstance start(Config c, Map<String, String> attributes, List<String> jetPackages) {
        c.getMemberAttributeConfig().setAttributes(attributes);
        if (!jetPackages.isEmpty()) {
            c.getJetConfig().setEnabled(true).setResourceUploadEnabled(true);
            // A Jet job is a graph of Java-serialised objects (lambdas, processor suppliers,
            // permissions, uploaded classes): no class allow-list can tell it from a gadget chain.
            c.getSerializationConfig().setJavaSerializationFilterConfig(null);
            LoggerFactory.getLogger(ClusterMember.class).warn("Hazelcast Jet is on for jobs from {}: this member"
                    + " now deserialises any class; run it only where every client is trusted", jetPackages);
        }
        return Hazelcast.newHazelcastInstance(c);
    }
}
