package io.pappus.jvm;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * flatMap inside the fused loop: its function called per element, what it returns run through
 * the stages and the sink in an inner loop; answers compared with the reference engine's.
 */
class JvmFlatMapFusionTest {
    private final Engine jvm = Engines.local(Target.JVM);
    private final Engine ref = Engines.local(Target.REFERENCE);
    private final int[] ks = new Random(5).ints(60_000, -50, 50).toArray();

    @Test
    void flatMapThenStagesAndEverySink() {
        DataSet<Integer> q = DataSet.from(ks).map(k -> k * 3)
                .flatMap(k -> k % 4 == 0 ? List.<Integer>of() : List.of(k, k + 1, -k))
                .filter(k -> k != 7);
        String plan = q.on(jvm).explain();
        assertTrue(plan.contains("flatMap fused into this loop: its lifted function inlined"), plan);
        assertTrue(plan.contains("up to 3 elements each"), plan);
        assertFalse(plan.contains("Iterator"), plan);
        assertFalse(plan.contains("runs with reference semantics"), plan);
        assertEquals(q.on(ref).toList(), q.on(jvm).toList());
        assertEquals(q.on(ref).count(), q.on(jvm).count());
        assertEquals(q.on(ref).reduce(0, (a, b) -> a + b), q.on(jvm).reduce(0, (a, b) -> a + b));
        assertEquals(q.on(ref).take(1000).toList(), q.on(jvm).take(1000).toList());
        assertEquals(q.on(ref).maxBy(k -> k), q.on(jvm).maxBy(k -> k));
    }

    /** The group loop must read what the flatMap produced, not the elements before it (a merge bug once). */
    @Test
    void flatMapThenFilterFeedsAGroupBy() {
        DataSet<String> lines = DataSet.from(List.of("the cat sat", "the dog sat", "  dog  ", "a cat's hat"));
        DataSet<String> words = lines.flatMap(l -> java.util.Arrays.asList(l.split(" "))).filter(w -> !w.isEmpty());
        assertEquals(java.util.Set.copyOf(words.groupBy(w -> w).count().on(ref).toList()),
                java.util.Set.copyOf(words.groupBy(w -> w).count().on(jvm).toList()));
        DataSet<Integer> q = DataSet.from(ks).flatMap(k -> List.of(k, k + 1)).map(k -> k * 2);
        assertEquals(java.util.Set.copyOf(q.groupBy(k -> k % 7).count().on(ref).toList()),
                java.util.Set.copyOf(q.groupBy(k -> k % 7).count().on(jvm).toList()));
    }

    @Test
    void manyOutputsPerElementGrowTheChunkOutput() {
        DataSet<Double> q = DataSet.from(new Random(6).doubles(20_000).toArray())
                .flatMap(x -> List.of(x, x * 2, x * 3, x * 4, x * 5, x * 6, x * 7, x * 8, x * 9));
        assertEquals(q.on(ref).toList(), q.on(jvm).toList());
    }

    /** Records through a lifted flatMap: each element's fields read from the slot the loop picks. */
    @Test
    void liftedFlatMapOfRecordsFeedsASumAndAnOpaqueOneStillWorks() {
        double[] xs = new Random(8).doubles(5_000, -1, 1).toArray();
        DataSet<Pt> pts = DataSet.from(xs).map(x -> new Pt(x, x * x))
                .flatMap(p -> p.x() > 0 ? List.of(p, new Pt(p.y(), -p.x())) : List.of(p));
        assertTrue(pts.on(jvm).explain().contains("its lifted function inlined"), pts.on(jvm).explain());
        assertEquals(pts.on(ref).toList(), pts.on(jvm).toList());
        assertEquals(pts.map(Pt::x).on(ref).toList(), pts.map(Pt::x).on(jvm).toList());
        DataSet<Double> opaque = DataSet.from(xs).flatMap(x -> java.util.Arrays.asList(x, -x));
        assertTrue(opaque.on(jvm).explain().contains("its function called per element"), opaque.on(jvm).explain());
        assertEquals(opaque.on(ref).toList(), opaque.on(jvm).toList());
    }

    /** A two-field record for the flatMap tests. */
    record Pt(double x, double y) {
    }

    @Test
    void nullInsideTheIterableFailsAsInTheReference() {
        java.util.List<Integer> withNull = new java.util.ArrayList<>(List.of(1, 2));
        withNull.add(null);
        DataSet<Integer> q = DataSet.from(ks).flatMap(k -> k == 3 ? withNull : List.of(k));
        assertThrows(NullPointerException.class, () -> q.on(ref).toList());
        assertThrows(NullPointerException.class, () -> q.on(jvm).toList());
    }
}
