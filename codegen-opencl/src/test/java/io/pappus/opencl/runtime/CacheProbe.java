package io.pappus.opencl.runtime;

/**
 * Child-process entry of {@link ProgramCacheTest}: builds a program through the cache and
 * prints {@code origin=SOURCE} or {@code origin=DISK}, the build time, and how many programs
 * the process compiled from source and loaded from disk.
 */
public final class CacheProbe {
    private CacheProbe() {
    }

    /** @param args the kernel source */
    public static void main(String[] args) {
        OclSession s = OclSession.of(OpenClDevices.available().get(0));
        OclProgram p = s.program(args[0], "");
        System.out.println("origin=" + p.origin() + " nanos=" + p.buildNanos() + " sourceBuilds="
                + s.programs().sourceBuilds() + " diskHits=" + s.programs().diskHits());
    }
}
