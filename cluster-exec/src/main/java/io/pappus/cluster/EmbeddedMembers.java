package io.pappus.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.pappus.cluster.run.Scheduling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts Hazelcast members in this JVM on free ports of the bind address. Each member lists
 * only the members started before it (and itself), so the first starts alone and the rest join
 * it in a fraction of a second; if any fails to start, those already up are shut down. When the
 * settings list throughputs, member {@code i} advertises the i-th as {@code pappus.throughput}.
 */
final class EmbeddedMembers {
    private EmbeddedMembers() {
    }

    static List<HazelcastInstance> start(int count, ClusterSettings s) {
        List<Integer> ports = freePorts(count, s.bindAddress());
        List<HazelcastInstance> started = new ArrayList<>(count);
        boolean ok = false;
        try {
            List<String> known = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                known.add(s.bindAddress() + ":" + ports.get(i));
                Config c = HazelcastConfigs.member(s, ports.get(i), List.copyOf(known));
                if (!s.scheduling().throughputs().isEmpty()) {
                    c.getMemberAttributeConfig().setAttribute(Scheduling.THROUGHPUT_ATTRIBUTE,
                            Double.toString(s.scheduling().throughput(i)));
                }
                started.add(Hazelcast.newHazelcastInstance(c));
            }
            int size = started.get(0).getCluster().getMembers().size();
            if (size != count) {
                throw new IllegalStateException("started " + count + " members but the cluster has " + size);
            }
            ok = true;
            return started;
        } finally {
            if (!ok) {
                started.forEach(HazelcastInstance::shutdown);
            }
        }
    }

    private static List<Integer> freePorts(int count, String host) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host));
                s.setReuseAddress(true);
                held.add(s);
            }
            List<Integer> ports = new ArrayList<>();
            for (ServerSocket s : held) {
                ports.add(s.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing a probe socket that never accepted: nothing to do
                }
            }
        }
    }
}
