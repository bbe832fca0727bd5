package io.pappus.cluster.remote;

import io.pappus.cluster.jvm.JvmChunkRunner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Which runner a member uses: the JVM backend's when it loads, else the interpreter. */
class ChunkRunnersTest {

    @Test
    void theJvmRunnerIsFoundOnThisClassPath() {
        assertInstanceOf(JvmChunkRunner.class, ChunkRunners.get());
    }

    @Test
    void aRunnerWhoseBackendIsMissingIsSkipped() {
        Supplier<ChunkRunner> missing = () -> {
            throw new NoClassDefFoundError("io/pappus/jvm/runtime/Kernel");
        };
        assertInstanceOf(InterpretingChunkRunner.class, ChunkRunners.choose(List.of(missing)));
        assertInstanceOf(InterpretingChunkRunner.class, ChunkRunners.choose(List.of()));
        Supplier<ChunkRunner> jvm = JvmChunkRunner::new;
        assertEquals("jvm", ChunkRunners.choose(List.of(missing, jvm)).name());
    }
}
