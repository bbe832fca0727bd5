package io.pappus.lift;

import io.pappus.api.Fn;
import io.pappus.ir.Type;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The IR is cached per lambda site and types; captured values are read per instance. */
class LifterCacheTest {
    private static Fn<Double, Double> scaleBy(double factor) {
        return x -> x * factor;
    }

    private static LiftResult.Lifted lift(Object fn, List<Type> types) {
        return assertInstanceOf(LiftResult.Lifted.class, LambdaLifter.shared().lift(fn, types));
    }

    @Test
    void sameSiteSharesIrButNotCaptures() {
        LiftResult.Lifted a = lift(scaleBy(2), List.of(Type.DOUBLE));
        LiftResult.Lifted b = lift(scaleBy(3), List.of(Type.DOUBLE));
        assertSame(a.ir(), b.ir());
        assertEquals(List.of(2.0), a.captures());
        assertEquals(List.of(3.0), b.captures());
    }

    @Test
    void argumentTypesArePartOfTheKey() {
        Fn<Object, Object> id = x -> x;
        LiftResult.Lifted d = lift(id, List.of(Type.DOUBLE));
        LiftResult.Lifted i = lift(id, List.of(Type.INT));
        assertNotEquals(d.resultType(), i.resultType());
        assertEquals(Type.INT, i.resultType());
    }

    @Test
    void unknownArgumentTypeComesFromTheDescriptor() {
        LiftResult.Lifted r = lift((Fn<Point, Double>) p -> p.x(), java.util.Arrays.asList((Type) null));
        assertEquals(LiftCorpus.POINT, r.ir().args().get(0).type());
        LiftResult o = LambdaLifter.shared().lift((Fn<Object, Object>) x -> x, java.util.Arrays.asList((Type) null));
        assertInstanceOf(LiftResult.Opaque.class, o);
    }

    @Test
    void concurrentLiftsAgree() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<LiftResult>> fs = new ArrayList<>();
            for (int k = 0; k < 32; k++) {
                double f = k;
                fs.add(pool.submit(() -> LambdaLifter.shared().lift(scaleBy(f), List.of(Type.DOUBLE))));
            }
            for (int k = 0; k < fs.size(); k++) {
                LiftResult.Lifted l = assertInstanceOf(LiftResult.Lifted.class, fs.get(k).get());
                assertEquals(List.of((double) k), l.captures());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
