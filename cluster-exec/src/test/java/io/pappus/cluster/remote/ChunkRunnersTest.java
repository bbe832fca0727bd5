package io.pappus.cluster.remote;

import io.pappus.cluster.jvm.JvmChunkRunner;
import io.pappus.cluster.opencl.OclChunkRunner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Which runner a member uses: OpenCL's when it loads, else the JVM backend's, else the interpreter. */
class ChunkRunnersTest {

    @Test
    void theOpenClRunnerIsFoundOnThisClassPath() {
        assertInstanceOf(OclChunkRunner.class, ChunkRunners.get());
    }

    @Test
    void withoutCodegenOpenClTheJvmRunnerIsChosen() {
        Supplier<ChunkRunner> noOpenCl = () -> {
            throw new NoClassDefFoundError("io/pappus/opencl/runtime/OpenClDevices");
        };
        Supplier<ChunkRunner> jvm = JvmChunkRunner::new;
        assertInstanceOf(JvmChunkRunner.class, ChunkRunners.choose(List.of(jvm, noOpenCl)));
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
