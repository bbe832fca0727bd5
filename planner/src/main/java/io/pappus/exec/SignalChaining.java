package io.pappus.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The JVM's signal chaining library ({@code libjsig}). The JVM takes SIGSEGV on purpose (at
 * every safepoint poll of compiled code, for implicit null checks); a native library that
 * installs its own SIGSEGV handler, even for a moment, can make such an ordinary fault kill the
 * process: no exception, no {@code hs_err} file, exit status 139. PoCL does that while LLVM
 * compiles a kernel inside the process (observed here: W2 at 10M options under AUTO, a crash at a
 * safepoint poll in about one run of four). With {@code libjsig} preloaded the JVM keeps its
 * handler and chains the library's. Pappus's own launches (tests, worker processes, the
 * benchmark command) preload it; the OpenCL backend warns when it is missing.
 */
public final class SignalChaining {
    private SignalChaining() {
    }

    /** @return the running JVM's {@code libjsig}, when it ships one (Linux: {@code lib/libjsig.so}) */
    public static Optional<Path> library() {
        Path p = Path.of(System.getProperty("java.home"), "lib", "libjsig.so");
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** @return whether {@code libjsig} is loaded in this process (read from {@code /proc/self/maps}) */
    public static boolean active() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return false;
        }
        try (var lines = Files.lines(maps)) {
            return lines.anyMatch(l -> l.endsWith("/libjsig.so"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
