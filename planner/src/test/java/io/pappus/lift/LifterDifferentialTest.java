package io.pappus.lift;

import io.pappus.api.Fn;
import io.pappus.api.Fn2;
import io.pappus.api.Pred;
import io.pappus.api.ToDoubleFn;
import io.pappus.exec.IrInterpreter;
import io.pappus.ir.Type;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Runs every corpus lambda as Java and as lifted IR on the IR interpreter over edge and random
 * inputs: results must be equal exactly (boxed equality: NaN equals NaN, -0.0 differs from
 * 0.0), or both must throw the same exception type.
 */
class LifterDifferentialTest {
    private static final int ROUNDS = 400;

    static List<Case> corpus() {
        return LiftCorpus.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void liftedIrBehavesLikeJava(Case c) {
        LiftResult.Lifted lifted = (LiftResult.Lifted) LambdaLifter.shared().lift(c.fn(), c.argTypes());
        IrInterpreter interp = new IrInterpreter();
        Random r = new Random(c.name().hashCode());
        Type result = lifted.resultType();
        for (int round = 0; round < ROUNDS; round++) {
            Object[] args = new Object[c.gens().size()];
            Object[] irArgs = new Object[args.length];
            for (int k = 0; k < args.length; k++) {
                args[k] = c.gens().get(k).next(r, (round + 5 * k) % ROUNDS);
                irArgs[k] = IrValues.toIr(args[k], c.argTypes().get(k));
            }
            Object expected;
            try {
                expected = original(c.fn(), args);
            } catch (RuntimeException e) {
                expected = e.getClass();
            }
            Object actual;
            try {
                actual = IrValues.toJava(interp.call(lifted.ir(), lifted.captures(), irArgs), result,
                        getClass().getClassLoader());
            } catch (RuntimeException e) {
                actual = e.getClass();
            }
            if (!Objects.equals(expected, actual)) {
                Assertions.fail(c.name() + " on " + List.of(args) + ": Java gives " + expected + ", IR gives " + actual);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object original(Object fn, Object[] args) {
        if (fn instanceof Fn f) {
            return f.apply(args[0]);
        } else if (fn instanceof Fn2 f) {
            return f.apply(args[0], args[1]);
        } else if (fn instanceof Pred p) {
            return p.test(args[0]);
        } else if (fn instanceof ToDoubleFn f) {
            return f.applyAsDouble(args[0]);
        }
        throw new AssertionError(fn);
    }
}
