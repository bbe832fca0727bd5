package io.pappus.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

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
        List<String> members = new ArrayList<>(join);
        members.add(settings.bindAddress() + ":" + port);
        Config c = HazelcastConfigs.member(settings, port, members);
        c.getMemberAttributeConfig().setAttributes(attributes);
        return Hazelcast.newHazelcastInstance(c);
    }
}
