package io.pappus.jvm;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Pair;
import io.pappus.api.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A query over records touches only the fields its generated loop reads: a public record's
 * elements are read in place (no columns at all), a record generated code cannot name is laid
 * out for those fields only. The proof is a record whose {@code poison()} accessor throws: the
 * reference engine never calls it for a query that does not read it, and neither may the JVM
 * backend (laying out whole records called every accessor). Sizes on both sides of
 * {@code pappus.codec.generateFrom} cover the method-handle codec and the compiled one.
 */
public class JvmProjectionTest {
    private final Engine jvm = Engines.local(Target.JVM);
    private final Engine ref = Engines.local(Target.REFERENCE);

    /** A wide row; reading {@code poison} throws. */
    public record Wide(int k, double a, String s, double poison, long t, double b) {
        @Override
        public double poison() {
            throw new IllegalStateException("poison read");
        }
    }

    /** The same row, package-private: generated code cannot name it, so it is laid out as columns. */
    record Hidden(int k, double a, String s, double poison, long t, double b) {
        @Override
        public double poison() {
            throw new IllegalStateException("poison read");
        }
    }

    private static List<Wide> rows(int n) {
        Random r = new Random(n);
        List<Wide> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Wide(r.nextInt(7), r.nextDouble(), "s" + r.nextInt(5), 1.0, r.nextLong(), r.nextDouble() - 0.5));
        }
        return out;
    }

    private static List<Hidden> hidden(int n) {
        List<Hidden> out = new ArrayList<>(n);
        for (Wide w : rows(n)) {
            out.add(new Hidden(w.k(), w.a(), w.s(), 1.0, w.t(), w.b()));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 120_000})
    void aRecordGeneratedCodeCannotNameIsLaidOutOnlyForTheFieldsRead(int n) {
        List<Hidden> xs = hidden(n);
        DataSet<Double> q = DataSet.from(xs).filter(w -> w.b() > 0).map(w -> w.a() * w.k());
        assertEquals(q.on(ref).toList(), q.on(jvm).toList());
        DataSet<Pair<Integer, Double>> g = DataSet.from(xs).filter(w -> w.a() > 0.1).groupBy(w -> w.k())
                .aggregate(0.0, (acc, w) -> acc + w.b(), Double::sum).orderBy(Pair::first);
        assertEquals(g.on(ref).toList().size(), g.on(jvm).toList().size());
        String plan = q.on(jvm).explain();
        assertFalse(plan.contains("records in place"), plan);
        assertFalse(plan.contains("src_poison"), plan);
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 120_000})
    void aFusedLoopLaysOutOnlyTheFieldsItReads(int n) {
        List<Wide> xs = rows(n);
        DataSet<Double> q = DataSet.from(xs).filter(w -> w.b() > 0).map(w -> w.a() * w.k());
        assertEquals(q.on(ref).toList(), q.on(jvm).toList());
        assertEquals(q.on(ref).count(), q.on(jvm).count());
        double sum = DataSet.from(xs).on(jvm).filter(w -> w.t() % 3 == 0).sum(w -> w.a() + w.b());
        assertEquals(DataSet.from(xs).on(ref).filter(w -> w.t() % 3 == 0).sum(w -> w.a() + w.b()), sum,
                1e-9 * n);
        String plan = q.on(jvm).explain();
        assertFalse(plan.contains("runs with reference semantics"), plan);
        assertTrue(plan.contains("reads Wide records in place"), plan);
        assertFalse(plan.contains("src_poison"), plan);
        assertFalse(plan.contains("src_s "), plan);
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 120_000})
    void aFusedGroupLoopLaysOutOnlyTheFieldsItReads(int n) {
        List<Wide> xs = rows(n);
        DataSet<Pair<Integer, Double>> q = DataSet.from(xs).filter(w -> w.a() > 0.1).groupBy(w -> w.k())
                .aggregate(0.0, (acc, w) -> acc + w.b(), Double::sum).orderBy(Pair::first);
        List<Pair<Integer, Double>> expected = q.on(ref).toList();
        List<Pair<Integer, Double>> actual = q.on(jvm).toList();
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).first(), actual.get(i).first());
            assertEquals(expected.get(i).second(), actual.get(i).second(), 1e-9 * n);
        }
        DataSet<Pair<String, Long>> bys = DataSet.from(xs).groupBy(w -> w.s()).count().orderBy(Pair::first);
        assertEquals(bys.on(ref).toList(), bys.on(jvm).toList());
        String plan = q.on(jvm).explain();
        assertTrue(plan.contains("reads Wide records in place"), plan);
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 120_000})
    void aQueryThatReadsTheFieldStillSeesItsAccessorThrow(int n) {
        List<Wide> xs = rows(n);
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> DataSet.from(xs).on(jvm).map(w -> w.poison() + w.a()).toList());
        assertTrue(String.valueOf(e.getMessage()).contains("poison read")
                || e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("poison read"), e.toString());
    }
}
