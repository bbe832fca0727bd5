package io.pappus.jvm;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.jvm.compile.ClassCache;
import io.pappus.testing.PropertyScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default tiering (the suites run with {@code pappus.jvm.compileFrom=0} to test compiled code
 * on small inputs): below 4,096 input elements a query runs by reference and compiles nothing; a
 * larger input of the same shape compiles.
 */
class JvmTieringTest {
    private PropertyScope defaults;

    @BeforeEach
    void defaultTiering() {
        defaults = PropertyScope.cleared(JvmEngine.COMPILE_FROM);
    }

    @AfterEach
    void restore() {
        defaults.close();
    }

    @Test
    void smallInputsRunByReferenceAndCompileNothing() {
        Engine jvm = Engines.local(Target.JVM);
        Engine ref = Engines.local(Target.REFERENCE);
        double[] small = new Random(3).doubles(4095).toArray();
        double bound = 0.4321;  // a shape no other test compiles: x * 7.25 - bound
        int before = ClassCache.shared().size();
        DataSet<Double> q = DataSet.from(small).map(x -> x * 7.25 - bound).filter(x -> x > 1.5);
        assertEquals(q.on(ref).toList(), q.on(jvm).toList());
        assertEquals(q.on(ref).reduce(0.0, Double::sum), q.on(jvm).reduce(0.0, Double::sum));
        assertEquals(before, ClassCache.shared().size(), "a 4,095-element query compiled a class");
        assertTrue(q.on(jvm).explain().startsWith("runs by reference"), q.on(jvm).explain());
        // Java's exception, as from the compiled path
        assertThrows(ArithmeticException.class, () -> DataSet.from(new int[] {1, 0, 2}).on(jvm).map(x -> 10 / x).toList());

        double[] large = new Random(4).doubles(4096).toArray();
        DataSet<Double> big = DataSet.from(large).map(x -> x * 7.25 - bound).filter(x -> x > 1.5);
        assertEquals(big.on(ref).toList(), big.on(jvm).toList());
        assertTrue(ClassCache.shared().size() > before, "a 4,096-element query did not compile");
        assertTrue(big.on(jvm).explain().startsWith("== Pappus plan"), big.on(jvm).explain());
    }
}
