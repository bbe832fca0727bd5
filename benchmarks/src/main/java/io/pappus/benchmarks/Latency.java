package io.pappus.benchmarks;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.jvm.JvmEngine;
import io.pappus.jvm.compile.ClassCache;

import java.util.ArrayList;
import java.util.List;

/**
 * Query latency: the process's first query (64 elements: run by reference, nothing compiled),
 * the first compiled query of a fresh JVM (a child process), the first query of a fresh JVM over
 * 100,000 elements with the default tiers (by reference while the compiler warms up), a new
 * compiled shape when warm, and
 * the steady-state overhead of repeating a compiled query with a new captured constant (after
 * 20,000 warm-up runs), from the array and from a cached data set.
 */
final class Latency {
    double firstMs;
    double firstCompiledColdMs;
    double firstDefaultColdMs;
    double firstStreamColdMs;
    double newShapeMs;
    double repeatOverheadMs;
    double cachedRepeatOverheadMs;
    boolean cacheHit;

    static Latency measure(int reps) {
        Latency l = new Latency();
        Engine jvm = Engines.local(Target.JVM);  // the real lambda lifter
        double[] tiny = ColdFirst.tiny();
        long t0 = System.nanoTime();
        ColdFirst.query(tiny, jvm);
        l.firstMs = (System.nanoTime() - t0) / 1e6;  // 64 elements: by reference, nothing compiled
        // the rest times compiled code: no tier runs it by reference
        String savedFrom = System.setProperty(JvmEngine.COMPILE_FROM, "0");
        String savedWarmUp = System.setProperty(JvmEngine.WARM_UP_BELOW, "0");
        try {
            measureCompiled(l, jvm, tiny, reps);
        } finally {
            restore(JvmEngine.COMPILE_FROM, savedFrom);
            restore(JvmEngine.WARM_UP_BELOW, savedWarmUp);
        }
        l.firstCompiledColdMs = ColdFirst.inChildProcess("compiled");
        l.firstDefaultColdMs = ColdFirst.inChildProcess("default");
        l.firstStreamColdMs = ColdFirst.inChildProcess("stream");
        return l;
    }

    private static void restore(String property, String saved) {
        if (saved == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, saved);
        }
    }

    private static void measureCompiled(Latency l, Engine jvm, double[] tiny, int reps) {
        // the first compiled query of this process (cold; timed in a fresh JVM instead), so the next is a warm new shape
        ColdFirst.query(tiny, jvm);
        long t0 = System.nanoTime();
        DataSet.from(tiny).map(W1Ir.SQUARE).filter(W1Ir.above(0.25)).on(jvm).count();  // a new fragment class
        l.newShapeMs = (System.nanoTime() - t0) / 1e6;
        double warm = 0;
        for (int i = 0; i < 20_000; i++) {  // let the JIT compile the planner and generator paths first
            warm += DataSet.from(tiny).map(W1Ir.SQUARE).filter(W1Ir.above((i % 89) / 100.0)).on(jvm)
                    .reduce(0.0, W1Ir.SUM) + Loops.naive(tiny, 0, tiny.length);
        }
        int before = ClassCache.shared().size();
        List<Double> pappus = new ArrayList<>();
        List<Double> loop = new ArrayList<>();
        double sink = 0;
        for (int i = 0; i < Math.max(2000, reps * 100); i++) {
            double c = (i % 97) / 100.0;
            long a = System.nanoTime();
            sink += DataSet.from(tiny).map(W1Ir.SQUARE).filter(W1Ir.above(c)).on(jvm).reduce(0.0, W1Ir.SUM);
            long b = System.nanoTime();
            sink += Loops.naive(tiny, 0, tiny.length) + c;
            long d = System.nanoTime();
            pappus.add((b - a) / 1e6);
            loop.add((d - b) / 1e6);
        }
        l.cacheHit = ClassCache.shared().size() == before;
        DataSet<Double> cached = DataSet.from(tiny).on(jvm).cache();
        List<Double> fromCache = new ArrayList<>();
        for (int i = 0; i < 20_000 + pappus.size(); i++) {
            double c = (i % 97) / 100.0;
            long a = System.nanoTime();
            sink += cached.map(W1Ir.SQUARE).filter(W1Ir.above(c)).reduce(0.0, W1Ir.SUM);
            if (i >= 20_000) {
                fromCache.add((System.nanoTime() - a) / 1e6);
            }
        }
        pappus.sort(null);
        loop.sort(null);
        fromCache.sort(null);
        double plainLoop = loop.get(loop.size() / 2);
        l.repeatOverheadMs = pappus.get(pappus.size() / 2) - plainLoop;
        l.cachedRepeatOverheadMs = fromCache.get(fromCache.size() / 2) - plainLoop;
        if (sink + warm == 42.4242) {
            System.out.println();
        }
    }
}
