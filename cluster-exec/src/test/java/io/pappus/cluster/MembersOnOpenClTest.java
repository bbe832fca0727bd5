package io.pappus.cluster;

import io.pappus.api.DataSet;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.cluster.jvm.JvmChunkRunner;
import io.pappus.cluster.opencl.OclChunkRunner;
import io.pappus.cluster.remote.ChunkRunners;
import io.pappus.cluster.remote.MemberTarget;
import io.pappus.cluster.remote.RanOn;
import io.pappus.testing.Point;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Members run shipped pipelines on their OpenCL device (PoCL's CPU device here) when told to
 * ({@code pappus.cluster.memberTarget=opencl}), and every reply says which runner and device ran
 * its chunk; what the device cannot run goes to the members' JVM with the reason.
 */
class MembersOnOpenClTest {
    private static ClusterEngine cluster;
    private final List<RanOn> replies = new ArrayList<>();
    private final Set<String> members = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() {
        System.setProperty(MemberTarget.PROPERTY, "opencl");
        cluster = ClusterEngine.embedded(3, TestClusters.small().withMinChunkElements(4096));
    }

    @AfterAll
    static void stop() {
        System.clearProperty(MemberTarget.PROPERTY);
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void stopListening() {
        cluster.onReply(null);
    }

    private void listen() {
        cluster.onReply(r -> {
            synchronized (replies) {
                replies.add(r.on());
            }
            members.add(r.member());
        });
    }

    private static String device() {
        return ((OclChunkRunner) ChunkRunners.get()).device()
                .orElseThrow(() -> new AssertionError("no OpenCL device: is PoCL installed?")).name();
    }

    @Test
    void everyChunkRanOnTheDeviceAndTheRepliesSaySo() {
        double[] xs = new double[60_000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (i % 1000) * 0.25;
        }
        long before = OclChunkRunner.chunksOn(device());
        listen();
        double got = DataSet.from(xs).on(cluster).map(x -> x * 1.5 - 3).filter(x -> x > 10).sum(x -> x);
        double want = DataSet.from(xs).on(Engines.local(Target.REFERENCE)).map(x -> x * 1.5 - 3).filter(x -> x > 10)
                .sum(x -> x);
        assertEquals(want, got, Math.abs(want) * 1e-12);
        assertEquals(Set.of(new RanOn("opencl", device(), "")), new HashSet<>(replies), replies::toString);
        // how many members get chunks depends on their measured throughput (a loaded machine may skip one)
        assertFalse(members.isEmpty(), "no member replied");
        assertEquals(replies.size(), OclChunkRunner.chunksOn(device()) - before, "chunks counted on the device");
        String explain = DataSet.from(xs).on(cluster).map(x -> x * 1.5 - 3).filter(x -> x > 10).explain();
        assertTrue(explain.contains("per partition, run by opencl on " + device() + ";"), explain);
    }

    @Test
    void recordsCollectedFromTheDeviceKeepTheirOrder() {
        List<Point> ps = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ps.add(new Point(i * 0.5, i % 7));
        }
        listen();
        List<Point> got = DataSet.from(ps).on(cluster).map(p -> new Point(p.x() + p.y(), p.y() * 2)).filter(p -> p.y() > 3)
                .toList();
        List<Point> want = DataSet.from(ps).on(Engines.local(Target.REFERENCE)).map(p -> new Point(p.x() + p.y(), p.y() * 2))
                .filter(p -> p.y() > 3).toList();
        assertEquals(want, got);
        assertTrue(replies.stream().allMatch(r -> r.runner().equals("opencl")), replies::toString);
    }

    @Test
    void anIneligibleFragmentRunsOnTheJvmAndTheReplySaysWhy() {
        List<Point> ps = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ps.add(new Point(i * 0.5, (i * 7919) % 1000));
        }
        listen();
        Optional<Point> got = DataSet.from(ps).on(cluster).map(p -> new Point(p.y(), p.x())).maxBy(Point::x);
        assertEquals(DataSet.from(ps).on(Engines.local(Target.REFERENCE)).map(p -> new Point(p.y(), p.x()))
                .maxBy(Point::x), got);
        assertTrue(!replies.isEmpty() && replies.stream().allMatch(r -> r.runner().equals("jvm")
                && r.note().equals("not on OpenCL " + device() + ": maxBy has no device kernel yet")), replies::toString);
    }

    @Test
    void aLambdaThatThrowsOnTheDeviceFailsAsInJava() {
        int[] xs = new int[10_000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i;
        }
        listen();
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> DataSet.from(xs).on(cluster).map(i -> 1000 / (i - 7777)).sum(i -> i));
        ArithmeticException want = assertThrows(ArithmeticException.class,
                () -> DataSet.from(xs).on(Engines.local(Target.REFERENCE)).map(i -> 1000 / (i - 7777)).sum(i -> i));
        assertEquals(want.getMessage(), e.getMessage());
        assertTrue(e.getSuppressed().length > 0 && e.getSuppressed()[0].getMessage().contains("7777"),
                () -> java.util.Arrays.toString(e.getSuppressed()));
        // the chunk holding 7777 threw on the device and ran again on the interpreter, for the exact element
        assertTrue(replies.contains(new RanOn("ir-interpreter", RanOn.CPU, JvmChunkRunner.RERUN)), replies::toString);
        assertTrue(replies.stream().anyMatch(r -> r.runner().equals("opencl")), replies::toString);
    }
}
