package io.pappus.cluster.opencl;

import io.pappus.api.Fn;
import io.pappus.api.Fn2;
import io.pappus.api.Pred;
import io.pappus.cluster.fragment.PipelineFragment;
import io.pappus.cluster.jvm.JvmChunkRunner;
import io.pappus.cluster.remote.Chunk;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.cluster.remote.ChunkRun;
import io.pappus.cluster.remote.InterpretingChunkRunner;
import io.pappus.cluster.remote.MemberTarget;
import io.pappus.cluster.remote.PartialSpec;
import io.pappus.cluster.remote.RemotePipeline;
import io.pappus.cluster.remote.RemoteStep;
import io.pappus.ir.Type;
import io.pappus.jvm.place.JvmDevices;
import io.pappus.place.ExecutionHistory;
import io.pappus.place.FragmentSignature;
import io.pappus.testing.Point;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.pappus.cluster.fragment.TestPipelines.POINT;
import static io.pappus.cluster.fragment.TestPipelines.assertSameResult;
import static io.pappus.cluster.fragment.TestPipelines.filter;
import static io.pappus.cluster.fragment.TestPipelines.ints;
import static io.pappus.cluster.fragment.TestPipelines.lift;
import static io.pappus.cluster.fragment.TestPipelines.map;
import static io.pappus.cluster.fragment.TestPipelines.points;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The member-side OpenCL runner (PoCL's CPU device here) gives the interpreter's answers in the
 * interpreter's IR form with the same per-step counts, really on the device; what the device
 * cannot run goes to the JVM with the reason; a lambda that throws fails exactly as on the
 * interpreter.
 */
class OclChunkRunnerTest {
    private final OclChunkRunner ocl = new OclChunkRunner();
    private final InterpretingChunkRunner interpreter = new InterpretingChunkRunner();

    @BeforeEach
    void forceTheDevice() {
        System.setProperty(MemberTarget.PROPERTY, "opencl");
    }

    @AfterEach
    void clear() {
        System.clearProperty(MemberTarget.PROPERTY);
    }

    private String device() {
        return ocl.device().orElseThrow(() -> new AssertionError("no OpenCL device: is PoCL installed?")).name();
    }

    /** Runs both; asserts the chunk ran on the device and gave the interpreter's result. */
    private ChunkResult.Done onDevice(RemotePipeline p, Chunk c) {
        long chunks = OclChunkRunner.chunksOn(device());
        long runs = ocl.runLog().deviceRuns();
        ChunkResult.Done want = (ChunkResult.Done) interpreter.run(p, c).result();
        ChunkRun got = ocl.run(p, c);
        assertEquals("opencl", got.on().runner(), got.on()::show);
        assertEquals(device(), got.on().device());
        assertEquals(chunks + 1, OclChunkRunner.chunksOn(device()), "the chunk did not count as run on the device");
        assertTrue(ocl.runLog().deviceRuns() > runs, "nothing ran on the device");
        return assertSameResult(want, got.result());
    }

    @Test
    void recordsMapFilterCollectOnTheDevice() {
        Fn<Point, Point> move = p -> new Point(p.x() * 2, p.y() + 1);
        Pred<Point> right = p -> p.x() > 3;
        RemotePipeline p = new RemotePipeline(POINT, List.of(map(move, POINT), filter(right, POINT)), new PartialSpec.Collect());
        assertEquals(36, ((Object[]) onDevice(p, points(40)).partial()).length);  // x = 2 * 0.5 * i > 3: i = 4..39
    }

    @Test
    void countsAreExactAcrossSeveralFilters() {
        Pred<Integer> even = i -> i % 2 == 0;
        Fn<Integer, Integer> sq = i -> i * i;
        Pred<Integer> small = i -> i < 400;
        Fn<Integer, Long> wide = i -> (long) i * 3;
        List<RemoteStep> steps = List.of(filter(even, Type.INT), map(sq, Type.INT), filter(small, Type.INT), map(wide, Type.INT));
        Chunk c = new Chunk(Type.INT, ints(1000));
        onDevice(new RemotePipeline(Type.INT, steps, new PartialSpec.Count()), c);
        onDevice(new RemotePipeline(Type.INT, steps, new PartialSpec.Collect()), c);
        // a reduce's answer carries no count: the device counts the prefix through each filter
        Fn2<Long, Long, Long> plus = (a, b) -> a + b;
        onDevice(new RemotePipeline(Type.INT, steps, new PartialSpec.Fold(lift(plus, Type.LONG, Type.LONG))), c);
    }

    @Test
    void sumAndMinMaxFolds() {
        Fn<Integer, Integer> triple = i -> i * 3;
        Pred<Integer> odd = i -> i % 2 != 0;
        List<RemoteStep> steps = List.of(map(triple, Type.INT), filter(odd, Type.INT));
        Chunk c = new Chunk(Type.INT, ints(1000));
        Fn<Integer, Double> half = i -> i * 0.5;  // halves of ints: every partial sum is exact, in any order
        onDevice(new RemotePipeline(Type.INT, steps, new PartialSpec.Sum(lift(half, Type.INT), "sum")), c);
        Fn2<Integer, Integer, Integer> max = Math::max;
        onDevice(new RemotePipeline(Type.INT, steps, new PartialSpec.Fold(lift(max, Type.INT, Type.INT))), c);
        Pred<Integer> none = i -> i > 1_000_000;
        ChunkResult.Done empty = onDevice(new RemotePipeline(Type.INT, List.of(filter(none, Type.INT)),
                new PartialSpec.Fold(lift(max, Type.INT, Type.INT))), c);
        assertEquals(null, empty.partial());
    }

    @Test
    void aThrowingLambdaReportsTheInterpretersElementAndStep() {
        Fn<Integer, Integer> inverse = i -> 100 / (i - 7);
        Pred<Integer> all = i -> i > -1000;
        RemotePipeline p = new RemotePipeline(Type.INT, List.of(filter(all, Type.INT), map(inverse, Type.INT)),
                new PartialSpec.Collect());
        Chunk c = new Chunk(Type.INT, ints(30));
        ChunkRun got = ocl.run(p, c);
        assertEquals(interpreter.run(p, c).result(), got.result());
        ChunkResult.ElementFailed f = assertInstanceOf(ChunkResult.ElementFailed.class, got.result());
        assertEquals(1, f.stage());
        assertEquals("java.lang.ArithmeticException", f.exceptionClass());
        assertEquals("ir-interpreter", got.on().runner());
        assertTrue(got.on().note().contains(JvmChunkRunner.RERUN), got.on()::show);
    }

    @Test
    void whatTheDeviceCannotRunGoesToTheJvmWithTheReason() {
        Fn<Point, Double> y = Point::y;
        RemotePipeline extreme = new RemotePipeline(POINT, List.of(), new PartialSpec.Extreme(lift(y, POINT), true));
        Fn2<Integer, Integer, Integer> odd = (a, b) -> a * 31 + b;  // no device kernel for a general reduce
        RemotePipeline fold = new RemotePipeline(Type.INT, List.of(), new PartialSpec.Fold(lift(odd, Type.INT, Type.INT)));
        for (Object[] run : new Object[][] {{extreme, points(50), "has no device kernel yet"},
                {fold, new Chunk(Type.INT, ints(100)), "not recognisably +, Math.min or Math.max"}}) {
            RemotePipeline p = (RemotePipeline) run[0];
            Chunk c = (Chunk) run[1];
            long chunks = OclChunkRunner.chunksOn(device());
            ChunkRun got = ocl.run(p, c);
            assertEquals("jvm", got.on().runner(), got.on()::show);
            assertTrue(got.on().note().startsWith("not on OpenCL " + device() + ": "), got.on()::show);
            assertTrue(got.on().note().contains((String) run[2]), got.on()::show);
            assertTrue(ocl.describe(p).contains((String) run[2]), ocl.describe(p));
            assertEquals(chunks, OclChunkRunner.chunksOn(device()));
            assertSameResult((ChunkResult.Done) interpreter.run(p, c).result(), got.result());
        }
    }

    @Test
    void theMemberTargetJvmLeavesTheDeviceAlone() {
        System.setProperty(MemberTarget.PROPERTY, "jvm");
        Fn<Integer, Integer> sq = i -> i * i;
        ChunkRun got = ocl.run(new RemotePipeline(Type.INT, List.of(map(sq, Type.INT)), new PartialSpec.Count()),
                new Chunk(Type.INT, ints(100)));
        assertEquals("jvm", got.on().runner());
        assertEquals(MemberTarget.PROPERTY + "=jvm", got.on().note());
    }

    @Test
    void autoFollowsTheCostModelAndRecordsEveryRun() {
        System.setProperty(MemberTarget.PROPERTY, "auto");
        Fn<Double, Double> poly = x -> x * x * 0.5 + x * 3.0 - 1.0;
        Pred<Double> pos = x -> x > 0;
        RemotePipeline p = new RemotePipeline(Type.DOUBLE, List.of(map(poly, Type.DOUBLE), filter(pos, Type.DOUBLE)),
                new PartialSpec.Count());
        double[] xs = new double[1 << 16];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (i % 1000) * 0.01 - 3;
        }
        Chunk c = new Chunk(Type.DOUBLE, xs);
        ChunkResult.Done want = (ChunkResult.Done) interpreter.run(p, c).result();
        for (int i = 0; i < 3; i++) {
            ChunkRun got = ocl.run(p, c);
            assertSameResult(want, got.result());
            boolean device = got.on().runner().equals("opencl");
            assertTrue(device || got.on().note().contains("AUTO: "), got.on()::show);
        }
        String signature = FragmentSignature.of(PipelineFragment.of(p, p.steps().size(), null, xs.length));
        ExecutionHistory h = ocl.history().orElseThrow(() -> new AssertionError("AUTO placed nothing"));
        assertTrue(h.last(signature, JvmDevices.ID).isPresent() || h.last(signature, "opencl:" + ocl.device().get().id())
                .isPresent(), "AUTO recorded no run in the member's history");
    }
}
