package io.pappus.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.PartitionService;
import io.pappus.cluster.run.Scheduling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts Hazelcast members in this JVM on free ports of the bind address. Each member lists
 * only the members started before it (and itself), so the first starts alone and the rest join
 * it in a fraction of a second; if any fails to start, those already up are shut down. When the
 * settings list throughputs, member {@code i} advertises the i-th as {@code pappus.throughput}.
 */
final class EmbeddedMembers {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMembers.class);

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
            awaitBalanced(started.get(0));
            ok = true;
            return started;
        } finally {
            if (!ok) {
                started.forEach(HazelcastInstance::shutdown);
            }
        }
    }

    /**
     * Assigns the partitions and waits for their migrations to settle, so a job started right
     * away spreads its chunks over every member instead of the ones that joined first.
     */
    private static void awaitBalanced(HazelcastInstance hz) {
        PartitionService ps = hz.getPartitionService();
        ps.getPartition(0).getOwner();  // assignment is lazy: the first lookup makes it, over all members
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!ps.isClusterSafe()) {
            if (System.nanoTime() > deadline) {
                LOG.warn("the embedded cluster's partitions are still migrating after 30 s; starting anyway");
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the embedded cluster's partitions", e);
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
