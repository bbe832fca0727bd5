package io.pappus.opencl.runtime;

import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_program;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Built programs of one device: in memory by (source hash, build options), and on disk as the
 * device's program binaries, so a second process skips the compiler. The disk cache lives
 * under {@code ~/.cache/pappus/opencl} unless the system property {@code pappus.opencl.cacheDir}
 * names another folder; one sub-folder per device and driver. A binary the driver rejects
 * (corrupt, or from another driver) is rebuilt from source and replaced.
 */
public final class OclProgramCache {
    /** System property naming the disk cache folder. */
    public static final String CACHE_DIR_PROPERTY = "pappus.opencl.cacheDir";

    private static final Logger LOG = LoggerFactory.getLogger(OclProgramCache.class);

    private final DeviceInfo info;
    private final cl_context context;
    private final cl_device_id device;
    private final Map<String, OclProgram> memory = new ConcurrentHashMap<>();
    private final AtomicInteger memoryHits = new AtomicInteger();
    private final AtomicInteger diskHits = new AtomicInteger();
    private final AtomicInteger sourceBuilds = new AtomicInteger();

    OclProgramCache(DeviceInfo info, cl_context context, cl_device_id device) {
        this.info = info;
        this.context = context;
        this.device = device;
    }

    /** @return how many lookups were answered from memory */
    public int memoryHits() {
        return memoryHits.get();
    }

    /** @return how many programs were loaded from disk binaries */
    public int diskHits() {
        return diskHits.get();
    }

    /** @return how many programs were compiled from source */
    public int sourceBuilds() {
        return sourceBuilds.get();
    }

    /** @return the disk cache folder in use */
    public static Path cacheRoot() {
        String dir = System.getProperty(CACHE_DIR_PROPERTY);
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".cache", "pappus", "opencl");
    }

    synchronized OclProgram get(String source, String options) {
        String key = sha256(options + "\u0000" + source);
        OclProgram p = memory.get(key);
        if (p != null) {
            memoryHits.incrementAndGet();
            return p;
        }
        Path file = cacheRoot().resolve(sha256(info.name() + "|" + info.platform() + "|" + info.driverVersion()
                + "|" + info.openClCVersion()).substring(0, 16)).resolve(key + ".bin");
        p = fromDisk(file, options);
        if (p == null) {
            p = fromSource(source, options);
            store(p, file);
        }
        memory.put(key, p);
        return p;
    }

    private OclProgram fromDisk(Path file, String options) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        long t0 = System.nanoTime();
        cl_program program = null;
        try {
            byte[] binary = Files.readAllBytes(file);
            int[] status = new int[1];
            program = CL.clCreateProgramWithBinary(context, 1, new cl_device_id[] {device},
                    new long[] {binary.length}, new byte[][] {binary}, status, null);
            CL.clBuildProgram(program, 1, new cl_device_id[] {device}, options, null, null);
            diskHits.incrementAndGet();
            LOG.debug("loaded OpenCL binary {} in {} ms", file, (System.nanoTime() - t0) / 1_000_000);
            return new OclProgram(program, OclProgram.Origin.DISK, System.nanoTime() - t0);
        } catch (IOException | CLException e) {
            LOG.warn("OpenCL binary {} unusable ({}); rebuilding from source", file, e.getMessage());
            if (program != null) {
                CL.clReleaseProgram(program);
            }
            return null;
        }
    }

    private OclProgram fromSource(String source, String options) {
        long t0 = System.nanoTime();
        cl_program program = CL.clCreateProgramWithSource(context, 1, new String[] {source}, null, null);
        try {
            CL.clBuildProgram(program, 1, new cl_device_id[] {device}, options, null, null);
        } catch (CLException e) {
            String log = buildLog(program);
            CL.clReleaseProgram(program);
            throw new OclBuildException(info, log, source, e);
        }
        sourceBuilds.incrementAndGet();
        return new OclProgram(program, OclProgram.Origin.SOURCE, System.nanoTime() - t0);
    }

    private void store(OclProgram p, Path file) {
        try {
            long[] size = new long[1];
            CL.clGetProgramInfo(p.handle(), CL.CL_PROGRAM_BINARY_SIZES, Sizeof.size_t, Pointer.to(size), null);
            byte[] binary = new byte[(int) size[0]];
            Pointer[] targets = {Pointer.to(binary)};
            CL.clGetProgramInfo(p.handle(), CL.CL_PROGRAM_BINARIES, Sizeof.POINTER, Pointer.to(targets), null);
            Files.createDirectories(file.getParent());
            // write then rename, so a concurrent reader never sees half a binary
            Path tmp = Files.createTempFile(file.getParent(), "prog", ".tmp");
            Files.write(tmp, binary);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | CLException e) {
            LOG.warn("cannot store OpenCL binary {}: {}", file, e.getMessage());
        }
    }

    private String buildLog(cl_program program) {
        try {
            long[] size = new long[1];
            CL.clGetProgramBuildInfo(program, device, CL.CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] b = new byte[(int) size[0]];
            CL.clGetProgramBuildInfo(program, device, CL.CL_PROGRAM_BUILD_LOG, b.length, Pointer.to(b), null);
            return new String(b, StandardCharsets.UTF_8).replace("\u0000", "").trim();
        } catch (CLException e) {
            return "(no build log: " + e.getMessage() + ")";
        }
    }

    void releaseAll() {
        memory.values().forEach(OclProgram::release);
        memory.clear();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
