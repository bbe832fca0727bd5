package io.pappus.jvm.compile;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Janino rejecting generated code is a generator bug: under test ({@code pappus.fallback=off})
 * the query fails with the numbered source; in production it runs on the IR interpreter, with
 * the right answer and one log line saying so.
 */
class JaninoRejectionFallbackTest {
    private static final UnaryOperator<String> BREAK_FRAGMENTS =
            src -> src.contains("extends io.pappus.jvm.runtime.Kernel") ? src.replace("public Object chunk(",
                    "public Object chunk(int broken, ") : src;

    @Test
    void underTestTheRejectionFails() {
        Engine jvm = Engines.local(Target.JVM);
        ClassCache.toCompile = BREAK_FRAGMENTS;
        try {
            int[] xs = {1, 2, 3, 4};
            JaninoRejected e = assertThrows(JaninoRejected.class,
                    () -> DataSet.from(xs).map(x -> x * 7 + 1).on(jvm).reduce(0, Integer::sum));
            assertTrue(e.getMessage().contains("/* 001 */"), e.getMessage());
        } finally {
            ClassCache.toCompile = UnaryOperator.identity();
        }
    }

    @Test
    void inProductionTheInterpreterAnswersAndTheLogSaysWhy() {
        Engine jvm = Engines.local(Target.JVM);
        Engine ref = Engines.local(Target.REFERENCE);
        String before = System.getProperty("pappus.fallback");
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ClassCache.toCompile = BREAK_FRAGMENTS;
        System.clearProperty("pappus.fallback");
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            double[] xs = {0.5, 1.5, 2.5, -3.0};
            DataSet<Double> q = DataSet.from(xs).map(x -> x * 3 - 0.25).filter(x -> x > 0.0);
            assertEquals(q.on(ref).reduce(0.0, Double::sum), q.on(jvm).reduce(0.0, Double::sum));
        } finally {
            System.setErr(err);
            ClassCache.toCompile = UnaryOperator.identity();
            if (before != null) {
                System.setProperty("pappus.fallback", before);
            }
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("falling back to the IR interpreter") && text.contains("Janino rejected"), text);
    }
}
