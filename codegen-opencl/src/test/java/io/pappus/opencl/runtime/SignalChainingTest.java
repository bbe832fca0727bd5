package io.pappus.opencl.runtime;

import io.pappus.exec.SignalChaining;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build preloads the JVM's signal chaining into test JVMs (profile {@code jsig}): without it
 * PoCL's in-process LLVM can kill a test JVM at a safepoint poll while it compiles a kernel.
 */
class SignalChainingTest {

    @Test
    void testJvmsRunWithTheJvmsSignalChainingWhereTheJdkShipsIt() {
        if (SignalChaining.library().isEmpty()) {
            return;  // a JDK without libjsig.so (not Linux): nothing to preload
        }
        assertTrue(SignalChaining.active(), "libjsig is not loaded: LD_PRELOAD=" + System.getenv("LD_PRELOAD"));
    }
}
