package io.pappus.cluster.remote;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Finds the member's {@link ChunkRunner}: the highest-priority one on the class path, else the
 * interpreter. A runner whose backend is missing (codegen-jvm left off the class path) fails to
 * load; it is skipped with a log line, and the member interprets.
 */
public final class ChunkRunners {
    /** Member attribute: the member's runner, {@link ChunkRunner#describe() described}; worker processes publish it. */
    public static final String ATTRIBUTE = "pappus.runner";
    private static final Logger LOG = LoggerFactory.getLogger(ChunkRunners.class);
    private static volatile ChunkRunner runner;

    private ChunkRunners() {
    }

    /** @return this JVM's runner */
    public static ChunkRunner get() {
        ChunkRunner r = runner;
        if (r == null) {
            synchronized (ChunkRunners.class) {
                if (runner == null) {
                    runner = choose(installed());
                    LOG.info("cluster members in this JVM run shipped fragments with '{}': {}", runner.name(), runner.describe());
                }
                r = runner;
            }
        }
        return r;
    }

    /** @return one supplier per registered runner; one whose class cannot load rethrows that error */
    private static List<Supplier<ChunkRunner>> installed() {
        List<Supplier<ChunkRunner>> out = new ArrayList<>();
        Iterator<ChunkRunner> it = ServiceLoader.load(ChunkRunner.class, ChunkRunners.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return out;
                }
                ChunkRunner r = it.next();
                out.add(() -> r);
            } catch (ServiceConfigurationError | LinkageError e) {
                out.add(() -> {
                    throw e;
                });
            }
        }
    }

    /**
     * @param candidates runner providers; one may throw when its backend is absent
     * @return the loadable runner with the highest priority, else the interpreter
     */
    static ChunkRunner choose(Iterable<Supplier<ChunkRunner>> candidates) {
        ChunkRunner best = null;
        for (Supplier<ChunkRunner> s : candidates) {
            ChunkRunner r;
            try {
                r = s.get();
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.info("a chunk runner is not available here (its backend is not on the class path): {}", e.toString());
                continue;
            }
            if (best == null || r.priority() > best.priority()) {
                best = r;
            }
        }
        return best != null ? best : new InterpretingChunkRunner();
    }
}
