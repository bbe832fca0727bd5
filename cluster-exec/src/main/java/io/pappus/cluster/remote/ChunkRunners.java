package io.pappus.cluster.remote;

import java.util.Comparator;
import java.util.ServiceLoader;

/** Finds the member's {@link ChunkRunner}: the highest-priority one on the class path, else the interpreter. */
public final class ChunkRunners {
    private static volatile ChunkRunner runner;

    private ChunkRunners() {
    }

    /** @return this JVM's runner */
    public static ChunkRunner get() {
        ChunkRunner r = runner;
        if (r == null) {
            synchronized (ChunkRunners.class) {
                if (runner == null) {
                    runner = ServiceLoader.load(ChunkRunner.class, ChunkRunners.class.getClassLoader()).stream()
                            .map(ServiceLoader.Provider::get)
                            .max(Comparator.comparingInt(ChunkRunner::priority))
                            .orElseGet(InterpretingChunkRunner::new);
                }
                r = runner;
            }
        }
        return r;
    }
}
