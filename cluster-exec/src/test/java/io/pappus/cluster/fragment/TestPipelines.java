package io.pappus.cluster.fragment;

import io.pappus.cluster.remote.Chunk;
import io.pappus.cluster.remote.ChunkResult;
import io.pappus.cluster.remote.RemoteStep;
import io.pappus.cluster.remote.ShippedLambda;
import io.pappus.ir.Type;
import io.pappus.lift.JavaTypes;
import io.pappus.lift.LambdaLifter;
import io.pappus.lift.LiftResult;
import io.pappus.testing.Point;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shipped pipelines and chunks for the member-side runners' tests, lifted as the caller lifts them. */
public final class TestPipelines {
    /** The IR type of {@link Point}. */
    public static final Type POINT = JavaTypes.ofClass(Point.class);

    private TestPipelines() {
    }

    /** @return the lambda lifted over {@code args}, as it travels */
    public static ShippedLambda lift(Object fn, Type... args) {
        LiftResult r = LambdaLifter.shared().lift(fn, List.of(args));
        assertInstanceOf(LiftResult.Lifted.class, r, r::toString);
        LiftResult.Lifted l = (LiftResult.Lifted) r;
        return new ShippedLambda(l.ir(), l.captures());
    }

    /** @return a map step */
    public static RemoteStep map(Object f, Type in) {
        return new RemoteStep(RemoteStep.Kind.MAP, lift(f, in));
    }

    /** @return a filter step */
    public static RemoteStep filter(Object p, Type in) {
        return new RemoteStep(RemoteStep.Kind.FILTER, lift(p, in));
    }

    /** @return {@code n} points {@code (i / 2, i % 7)} */
    public static Chunk points(int n) {
        Object[] xs = new Object[n];
        for (int i = 0; i < n; i++) {
            xs[i] = new Object[] {i * 0.5, (double) (i % 7)};
        }
        return new Chunk(POINT, xs);
    }

    /** @return {@code n} ints from {@code -n/3} up */
    public static int[] ints(int n) {
        int[] xs = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i - n / 3;
        }
        return xs;
    }

    /**
     * Asserts that a runner's chunk result is the interpreter's: the same counts and the same
     * partial, compared deeply.
     *
     * @return {@code got} as a {@link ChunkResult.Done}
     */
    public static ChunkResult.Done assertSameResult(ChunkResult.Done want, ChunkResult got) {
        ChunkResult.Done d = assertInstanceOf(ChunkResult.Done.class, got);
        assertArrayEquals(want.counts(), d.counts(), "counts");
        assertTrue(Arrays.deepEquals(new Object[] {want.partial()}, new Object[] {d.partial()}),
                () -> Arrays.deepToString(new Object[] {want.partial()}) + " vs "
                        + Arrays.deepToString(new Object[] {d.partial()}));
        return d;
    }
}
