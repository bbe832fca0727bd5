package io.pappus.jvm;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.testing.Point;
import io.pappus.api.Pred;
import io.pappus.ir.BinOp;
import io.pappus.ir.Type;
import io.pappus.ir.Var;
import io.pappus.jvm.compile.ClassCache;
import io.pappus.jvm.compile.JaninoRejected;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.pappus.jvm.HandIr.bin;
import static io.pappus.jvm.HandIr.fn;
import static io.pappus.jvm.HandIr.x;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The class cache hits on new captured constants; Janino rejections fail loudly with numbered source. */
class CacheAndFailureTest {
    static Pred<Double> above(double c) {
        return x -> x > c;
    }

    @Test
    void newCapturedConstantHitsTheClassCache() {
        double[] xs = {0.1, 0.5, 0.9, 0.3};
        long[] counts = new long[3];
        int before = -1;
        for (int i = 0; i < 3; i++) {
            double c = 0.2 * (i + 1);
            Pred<Double> p = above(c);
            Var cv = new Var("c", Type.DOUBLE);
            Engine jvm = new JvmEngine(new HandIr().with(p, fn(Type.BOOLEAN, bin(BinOp.GT, x(Type.DOUBLE), cv.read()),
                    List.of(cv), List.of(c), W1Test.X)));
            counts[i] = DataSet.from(xs).filter(p).on(jvm).count();
            if (i == 0) {
                before = ClassCache.shared().size();
            }
        }
        assertEquals(before, ClassCache.shared().size());
        assertEquals(3, counts[0]);
        assertEquals(2, counts[1]);
        assertEquals(1, counts[2]);
    }

    @Test
    void sameShapeWithNewCapturedValuesIsReboundCorrectly() {
        Engine jvm = Engines.local(Target.JVM);
        Engine ref = Engines.local(Target.REFERENCE);
        double[] xs = {0.1, 0.5, 0.9, 0.3, -2.0};
        for (int i = 0; i < 4; i++) {
            double c = 0.2 * i;
            double[] w = {i, 1.0};
            Point origin = new Point(i, -i);
            String tag = "t" + i;
            DataSet<Double> q = DataSet.from(xs).filter(above(c)).map(x -> x * w[0] + origin.y());
            assertEquals(q.on(ref).toList(), q.on(jvm).toList());
            assertEquals(q.on(ref).aggregate((double) i, (a, x) -> a + x, Double::sum),
                    q.on(jvm).aggregate((double) i, (a, x) -> a + x, Double::sum));
            DataSet<Integer> opaque = DataSet.from(xs).map(x -> (tag + x).length());  // string concat: opaque
            assertEquals(opaque.on(ref).toList(), opaque.on(jvm).toList());
        }
    }

    @Test
    void janinoRejectionCarriesNumberedSource() {
        JaninoRejected e = assertThrows(JaninoRejected.class,
                () -> ClassCache.shared().get("Broken", "public class Broken { int x = ; }\n"));
        assertTrue(e.getMessage().contains("/* 001 */ public class Broken"), e.getMessage());
    }
}
