package io.pappus.opencl.runtime;

import io.pappus.opencl.OclTestDevice;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The program cache: memory hits in one process, disk binaries across processes, bad binaries, build errors. */
class ProgramCacheTest {

    private static String source() {
        // a fresh comment per run, so neither PoCL's nor our cache already holds it
        return "// " + UUID.randomUUID() + "\n__kernel void twice(__global int* a) { int i = get_global_id(0); a[i] *= 2; }\n";
    }

    @Test
    void secondLookupInTheSameProcessHitsMemory() {
        OclSession s = OclSession.of(OclTestDevice.get());
        String src = source();
        int hits = s.programs().memoryHits();
        OclProgram a = s.program(src, "");
        OclProgram b = s.program(src, "");
        assertSame(a, b);
        assertEquals(hits + 1, s.programs().memoryHits());
        try (OclBuffer buf = s.buffer(OclBuffer.ElementType.INT, 4)) {
            buf.write(new int[] {1, 2, 3, 4}, 0, 0, 4);
            s.launch(a.kernel("twice").arg(0, buf), 4, 0);
            int[] out = new int[4];
            buf.read(0, out, 0, 4);
            assertEquals(List.of(2, 4, 6, 8), List.of(out[0], out[1], out[2], out[3]));
        }
    }

    @Test
    void aSecondProcessLoadsTheBinaryFromDisk() throws Exception {
        OclTestDevice.get();
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ocl-cache");
        String src = source();
        String first = child(dir, src);
        String second = child(dir, src);
        assertTrue(first.contains("origin=SOURCE") && first.contains("sourceBuilds=1"), first);
        assertTrue(second.contains("origin=DISK"), second);
        assertTrue(second.contains("sourceBuilds=0 diskHits=1"), "the second JVM skipped the compiler: " + second);
        System.out.println("first process: " + first.trim() + "; second process: " + second.trim());
        // a corrupt binary falls back to source
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".bin")).toList()) {
                Files.write(f, "garbage".getBytes(StandardCharsets.UTF_8));
            }
        }
        String third = child(dir, src);
        assertTrue(third.contains("origin=SOURCE"), third);
    }

    @Test
    void aBuildErrorCarriesTheLogAndNumberedSource() {
        OclSession s = OclSession.of(OclTestDevice.get());
        OclBuildException e = assertThrows(OclBuildException.class,
                () -> s.program("__kernel void broken(__global int* a) { a[0] = undefined_name; }", ""));
        assertTrue(e.buildLog().contains("undefined_name"), e.buildLog());
        assertTrue(e.getMessage().contains("/* 001 */"), e.getMessage());
    }

    private static String child(Path cacheDir, String source) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-D" + OclProgramCache.CACHE_DIR_PROPERTY + "=" + cacheDir,
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                CacheProbe.class.getName(), source);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.lines().filter(l -> l.startsWith("origin=")).findFirst().orElse(out) + File.separator.repeat(0);
    }
}
