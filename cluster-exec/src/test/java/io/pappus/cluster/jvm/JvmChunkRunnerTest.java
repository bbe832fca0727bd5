package io.pappus.cluster.jvm;

import io.pappus.api.Fn;
import io.pappus.api.Fn2;
import io.pappus.api.Pred;
import io.pappus.cluster.remote.Chunk;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.cluster.remote.InterpretingChunkRunner;
import io.pappus.cluster.remote.PartialSpec;
import io.pappus.cluster.remote.RemotePipeline;
import io.pappus.cluster.remote.RemoteStep;
import io.pappus.ir.Type;
import io.pappus.testing.Point;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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
 * The compiling member-side runner gives the interpreter's answers, in the interpreter's IR
 * form, with the same per-step counts, and the same failure for a lambda that throws.
 */
class JvmChunkRunnerTest {
    private final JvmChunkRunner jvm = new JvmChunkRunner();
    private final InterpretingChunkRunner interpreter = new InterpretingChunkRunner();

    /** Runs both runners; asserts the compiled one ran compiled and gave the same result. */
    private ChunkResult.Done same(RemotePipeline p, Chunk c) {
        long before = JvmChunkRunner.compiledInThisJvm();
        ChunkResult.Done want = (ChunkResult.Done) interpreter.run(p, c).result();
        ChunkResult got = jvm.run(p, c).result();
        assertEquals(before + 1, JvmChunkRunner.compiledInThisJvm(), "the chunk ran on the interpreter");
        return assertSameResult(want, got);
    }

    @Test
    void recordsMapFilterCollect() {
        Fn<Point, Point> move = p -> new Point(p.x() * 2, p.y() + 1);
        Pred<Point> right = p -> p.x() > 3;
        RemotePipeline p = new RemotePipeline(POINT, List.of(map(move, POINT), filter(right, POINT)), new PartialSpec.Collect());
        ChunkResult.Done d = same(p, points(40));
        assertEquals(36, ((Object[]) d.partial()).length);  // x = 2 * 0.5 * i > 3: i = 4..39
    }

    @Test
    void countsAreExactAcrossSeveralFilters() {
        Pred<Integer> even = i -> i % 2 == 0;
        Fn<Integer, Integer> sq = i -> i * i;
        Pred<Integer> small = i -> i < 400;
        Fn<Integer, Long> wide = i -> (long) i * 3;
        RemotePipeline p = new RemotePipeline(Type.INT, List.of(filter(even, Type.INT), map(sq, Type.INT),
                filter(small, Type.INT), map(wide, Type.INT)), new PartialSpec.Count());
        ChunkResult.Done d = same(p, new Chunk(Type.INT, ints(100)));
        assertEquals(100, d.counts()[0]);
        // Reduce and extreme partials carry no count of their own: the runner counts the prefix.
        Fn2<Long, Long, Long> plus = (a, b) -> a + b;
        same(new RemotePipeline(Type.INT, p.steps(), new PartialSpec.Fold(lift(plus, Type.LONG, Type.LONG))),
                new Chunk(Type.INT, ints(100)));
    }

    @Test
    void sumFoldAndExtremes() {
        Fn<Integer, Integer> triple = i -> i * 3;
        Pred<Integer> odd = i -> i % 2 != 0;
        List<RemoteStep> steps = List.of(map(triple, Type.INT), filter(odd, Type.INT));
        Chunk c = new Chunk(Type.INT, ints(1000));
        Fn<Integer, Double> half = i -> i * 0.5;
        same(new RemotePipeline(Type.INT, steps, new PartialSpec.Sum(lift(half, Type.INT), "sum")), c);
        Fn2<Integer, Integer, Integer> max = Math::max;
        same(new RemotePipeline(Type.INT, steps, new PartialSpec.Fold(lift(max, Type.INT, Type.INT))), c);
        Fn<Point, Double> y = Point::y;
        same(new RemotePipeline(POINT, List.of(), new PartialSpec.Extreme(lift(y, POINT), false)), points(50));
        same(new RemotePipeline(POINT, List.of(), new PartialSpec.Extreme(lift(y, POINT), true)), points(50));
        Pred<Integer> none = i -> i > 1_000_000;
        same(new RemotePipeline(Type.INT, List.of(filter(none, Type.INT)), new PartialSpec.Fold(lift(max, Type.INT, Type.INT))), c);
    }

    @Test
    void aThrowingLambdaReportsTheInterpretersElementAndStep() {
        Fn<Integer, Integer> inverse = i -> 100 / (i - 7);
        Pred<Integer> all = i -> i > -1000;
        RemotePipeline p = new RemotePipeline(Type.INT, List.of(filter(all, Type.INT), map(inverse, Type.INT)),
                new PartialSpec.Collect());
        Chunk c = new Chunk(Type.INT, ints(30));
        ChunkResult want = interpreter.run(p, c).result();
        ChunkResult got = jvm.run(p, c).result();
        ChunkResult.ElementFailed f = assertInstanceOf(ChunkResult.ElementFailed.class, got);
        assertEquals(want, got);
        assertEquals(1, f.stage());
        assertEquals("java.lang.ArithmeticException", f.exceptionClass());
    }

    @Test
    void anAccumulatorStaysOnTheInterpreterWithTheSameAnswer() {
        Fn2<Long, Integer, Long> add = (acc, i) -> acc + i;
        RemotePipeline p = new RemotePipeline(Type.INT, List.of(), new PartialSpec.Accumulate(0L, lift(add, Type.LONG, Type.INT)));
        Chunk c = new Chunk(Type.INT, ints(10));
        assertEquals(((ChunkResult.Done) interpreter.run(p, c).result()).partial(), ((ChunkResult.Done) jvm.run(p, c).result()).partial());
    }

    @Test
    void narrowKindsComeBackAsIrIntegers() {
        Fn<Integer, Short> narrow = i -> (short) (i * 1000);
        RemotePipeline p = new RemotePipeline(Type.INT, List.of(map(narrow, Type.INT)), new PartialSpec.Collect());
        ChunkResult.Done d = same(p, new Chunk(Type.INT, ints(50)));
        List<Object> classes = new ArrayList<>();
        for (Object o : (Object[]) d.partial()) {
            classes.add(o.getClass());
        }
        assertTrue(classes.stream().allMatch(Integer.class::equals), classes::toString);
    }
}
