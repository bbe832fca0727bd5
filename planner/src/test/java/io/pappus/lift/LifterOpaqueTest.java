package io.pappus.lift;

import io.pappus.api.Fn;
import io.pappus.api.Pred;
import io.pappus.ir.Type;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Constructs the lifter must refuse, each with a reason naming it and the line it is on. */
class LifterOpaqueTest {
    private static final List<Type> D = List.of(Type.DOUBLE);
    private static final List<Type> I = List.of(Type.INT);
    static double scale = 2;
    private static final Object LOCK = new Object();
    private final double field = 3;

    private static LiftResult.Opaque opaque(Object fn, List<Type> args, String words, Class<?> where) {
        LiftResult r = LambdaLifter.shared().lift(fn, args);
        LiftResult.Opaque o = assertInstanceOf(LiftResult.Opaque.class, r, () -> "expected opaque: " + r);
        assertTrue(o.reason().contains(words), () -> "reason '" + o.reason() + "' lacks '" + words + "'");
        assertEquals(where.getName(), o.source().className(), o::toString);
        assertTrue(o.source().line() > 0, o::toString);
        return o;
    }

    @Test
    void allocation() {
        opaque((Fn<Double, Integer>) x -> {
            List<Double> l = new ArrayList<>();
            return l.size();
        }, D, "allocates java.util.ArrayList", getClass());
    }

    @Test
    void stringMethod() {
        opaque((Fn<String, Integer>) String::length, List.of(Type.STRING), "calls java.lang.String.length", getClass());
        opaque((Fn<String, Integer>) s -> s.length() + 1, List.of(Type.STRING), "calls java.lang.String.length", getClass());
    }

    @Test
    void otherJdkCall() {
        opaque((Fn<Double, Double>) x -> Math.ulp(x), D, "calls java.lang.Math.ulp", getClass());
    }

    @Test
    void staticField() {
        opaque((Fn<Double, Double>) x -> x * scale, D, "reads static field", getClass());
    }

    @Test
    void synchronizedBlock() {
        opaque((Fn<Double, Double>) x -> {
            synchronized (LOCK) {
                return x + 1;
            }
        }, D, "synchronized", getClass());
    }

    @Test
    void throwOnPurpose() {
        LiftResult.Opaque o = opaque((Fn<Double, Double>) x -> {
            if (x < 0) {
                throw new IllegalStateException("negative");
            }
            return x;
        }, D, "throws java.lang.IllegalStateException on purpose", getClass());
        assertTrue(o.source().line() > new Throwable().getStackTrace()[0].getLineNumber() - 8, o::toString);
    }

    @Test
    void tryCatch() {
        opaque((Fn<Integer, Integer>) x -> {
            try {
                return 10 / x;
            } catch (ArithmeticException e) {
                return 0;
            }
        }, I, "try/catch", getClass());
    }

    @Test
    void stringConcatenationAndNestedLambda() {
        opaque((Fn<Double, String>) x -> "v" + x, D, "string concatenation", getClass());
        opaque((Fn<Double, Double>) x -> {
            Fn<Double, Double> g = y -> y + 1;
            return g.apply(x);
        }, D, "nested lambda", getClass());
    }

    @Test
    void capturesThisAndCollections() {
        opaque((Fn<Double, Double>) x -> x * field, D, "captures this", getClass());
        List<Double> list = new ArrayList<>();
        opaque((Fn<Double, Double>) x -> x + list.size(), D, "captures a java.util.ArrayList", getClass());
    }

    @Test
    void recursion() {
        opaque((Fn<Integer, Integer>) x -> Geometry.fact(x), I, "recursive call to io.pappus.lift.Geometry.fact",
                Geometry.class);
        opaque((Fn<Integer, Integer>) x -> Geometry.even(x), I, "recursive call to io.pappus.lift.Geometry.even",
                Geometry.class);
    }

    @Test
    void switchStatement() {
        opaque((Fn<Integer, Integer>) x -> switch (x) {
            case 1 -> 10;
            case 2 -> 20;
            default -> 0;
        }, I, "switch", getClass());
    }

    @Test
    void arrays() {
        double[] w = {1, 2};
        opaque((Fn<Integer, Double>) k -> {
            w[k] = 3;
            return w[0];
        }, I, "writes to an array", getClass());
        opaque((Fn<Integer, Integer>) k -> new int[k].length, I, "allocates an array", getClass());
    }

    @Test
    void recordsWithLogic() {
        opaque((Fn<Double, Checked>) x -> new Checked(x), D, "constructor of record io.pappus.lift.Checked", getClass());
        opaque((Fn<Scaled, Double>) s -> s.v() + 1, List.of(JavaTypes.ofClass(Scaled.class)), "accessor", getClass());
        opaque((Fn<Vec, Double>) v -> v.twice(), List.of(JavaTypes.ofClass(Vec.class)),
                "calls instance method io.pappus.lift.Vec.twice", getClass());
    }

    @Test
    void referencesAndNull() {
        opaque((Pred<Point>) p -> p == null, List.of(LiftCorpus.POINT), "null", getClass());
        opaque((Fn<Double, Object>) x -> {
            if (x > 0) {
                return (Object) 1.0;
            }
            return (Object) 2;
        }, D, "returns different types", getClass());
    }

    @Test
    void notALambda() {
        Function<Double, Double> plain = x -> x;
        LiftResult r = LambdaLifter.shared().lift(plain, D);
        assertTrue(r instanceof LiftResult.Opaque o && o.reason().contains("not a serializable lambda"), r::toString);
        assertTrue(LambdaLifter.shared().lift("text", D) instanceof LiftResult.Opaque);
    }
}
