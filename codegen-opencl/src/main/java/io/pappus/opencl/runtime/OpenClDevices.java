package io.pappus.opencl.runtime;

import io.pappus.exec.SignalChaining;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds every OpenCL device on every platform, once per process. A process without an OpenCL
 * library, without a platform or without a device still works: {@link #available()} returns an
 * empty list and the reason is logged once.
 *
 * <pre>{@code
 * for (DeviceInfo d : OpenClDevices.available()) {
 *     log.info(d.describe());
 * }
 * }</pre>
 */
public final class OpenClDevices {
    private static final Logger LOG = LoggerFactory.getLogger(OpenClDevices.class);

    private static volatile Discovery discovery;

    private OpenClDevices() {
    }

    /** @return every device found, in platform order; empty when OpenCL is absent. Never throws. */
    public static List<DeviceInfo> available() {
        return discover().devices;
    }

    /** @return why no device is available, or empty when some are */
    public static Optional<String> unavailableReason() {
        return Optional.ofNullable(discover().reason);
    }

    /**
     * @param id a {@link DeviceInfo#id()}
     * @return the device's driver handles
     */
    static Handles handles(String id) {
        Handles h = discover().handles.get(id);
        if (h == null) {
            throw new IllegalArgumentException("no OpenCL device " + id);
        }
        return h;
    }

    /** Driver handles of one device. */
    record Handles(cl_platform_id platform, cl_device_id device) {
    }

    private static Discovery discover() {
        Discovery d = discovery;
        if (d == null) {
            synchronized (OpenClDevices.class) {
                d = discovery;
                if (d == null) {
                    d = run();
                    discovery = d;
                }
            }
        }
        return d;
    }

    private record Discovery(List<DeviceInfo> devices, Map<String, Handles> handles, String reason) {
    }

    private static Discovery run() {
        try {
            CL.setExceptionsEnabled(true);
            int[] n = new int[1];
            try {
                CL.clGetPlatformIDs(0, null, n);
            } catch (RuntimeException e) {
                // ocl-icd answers CL_PLATFORM_NOT_FOUND_KHR when no vendor is installed
                return none("no OpenCL platform (" + e.getMessage() + ")");
            }
            cl_platform_id[] platforms = new cl_platform_id[n[0]];
            CL.clGetPlatformIDs(n[0], platforms, null);
            List<DeviceInfo> infos = new ArrayList<>();
            Map<String, Handles> handles = new LinkedHashMap<>();
            for (int p = 0; p < platforms.length; p++) {
                for (cl_device_id dev : devicesOf(platforms[p])) {
                    DeviceInfo info = DeviceQuery.describe(p + ":" + handles.size(), platforms[p], dev);
                    infos.add(info);
                    handles.put(info.id(), new Handles(platforms[p], dev));
                    LOG.info("OpenCL device {}: {}", info.id(), info.describe());
                }
            }
            if (infos.isEmpty()) {
                return none("OpenCL platforms found but no device");
            }
            warnWithoutSignalChaining(infos);
            return new Discovery(List.copyOf(infos), Map.copyOf(handles), null);
        } catch (LinkageError e) {
            return none("OpenCL library not loadable (" + e + ")");
        } catch (RuntimeException e) {
            return none("OpenCL discovery failed (" + e + ")");
        }
    }

    private static List<cl_device_id> devicesOf(cl_platform_id platform) {
        int[] n = new int[1];
        try {
            CL.clGetDeviceIDs(platform, CL.CL_DEVICE_TYPE_ALL, 0, null, n);
        } catch (RuntimeException e) {
            LOG.debug("platform {} lists no device: {}", platform, e.getMessage());
            return List.of();
        }
        cl_device_id[] ids = new cl_device_id[n[0]];
        CL.clGetDeviceIDs(platform, CL.CL_DEVICE_TYPE_ALL, n[0], ids, null);
        return List.of(ids);
    }

    /**
     * PoCL compiles kernels with LLVM inside this process, and LLVM replaces the JVM's signal
     * handlers while it works: a safepoint poll at that moment kills the JVM (see
     * {@link SignalChaining}). Said once, with the fix.
     */
    private static void warnWithoutSignalChaining(List<DeviceInfo> infos) {
        boolean inProcessLlvm = infos.stream().anyMatch(i -> i.platform().contains("Portable Computing Language"));
        if (inProcessLlvm && !SignalChaining.active()) {
            LOG.warn("PoCL compiles OpenCL kernels with LLVM inside this JVM and replaces its signal handlers while it does;"
                    + " a garbage collection at that moment can kill the JVM (SIGSEGV, exit 139, no hs_err file)."
                    + " Start the JVM with LD_PRELOAD={} (the JVM's signal chaining) to prevent it",
                    SignalChaining.library().map(Object::toString).orElse("$JAVA_HOME/lib/libjsig.so"));
        }
    }

    private static Discovery none(String reason) {
        LOG.warn("OpenCL unavailable, OpenCL backend off: {}", reason);
        return new Discovery(List.of(), Map.of(), reason);
    }

    /** Reads device and platform properties. */
    static final class DeviceQuery {
        private DeviceQuery() {
        }

        static DeviceInfo describe(String id, cl_platform_id platform, cl_device_id dev) {
            String extensions = string(dev, CL.CL_DEVICE_EXTENSIONS);
            long doubleConfig = 0;
            try {
                doubleConfig = number(dev, CL.CL_DEVICE_DOUBLE_FP_CONFIG, Sizeof.cl_ulong);
            } catch (RuntimeException e) {
                LOG.debug("no CL_DEVICE_DOUBLE_FP_CONFIG on {}", id);
            }
            long type = number(dev, CL.CL_DEVICE_TYPE, Sizeof.cl_ulong);
            return new DeviceInfo(id, string(dev, CL.CL_DEVICE_NAME).trim(), string(dev, CL.CL_DEVICE_VENDOR).trim(),
                    platformName(platform), string(dev, CL.CL_DRIVER_VERSION).trim(), typeName(type),
                    number(dev, CL.CL_DEVICE_GLOBAL_MEM_SIZE, Sizeof.cl_ulong),
                    number(dev, CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE, Sizeof.cl_ulong),
                    (int) number(dev, CL.CL_DEVICE_MAX_COMPUTE_UNITS, Sizeof.cl_uint),
                    number(dev, CL.CL_DEVICE_MAX_WORK_GROUP_SIZE, Sizeof.size_t),
                    number(dev, CL.CL_DEVICE_LOCAL_MEM_SIZE, Sizeof.cl_ulong),
                    extensions.contains("cl_khr_fp64") || doubleConfig != 0,
                    string(dev, CL.CL_DEVICE_OPENCL_C_VERSION).trim());
        }

        private static String typeName(long t) {
            if ((t & CL.CL_DEVICE_TYPE_GPU) != 0) {
                return "GPU";
            } else if ((t & CL.CL_DEVICE_TYPE_CPU) != 0) {
                return "CPU";
            } else if ((t & CL.CL_DEVICE_TYPE_ACCELERATOR) != 0) {
                return "ACCELERATOR";
            }
            return "OTHER";
        }

        private static String platformName(cl_platform_id p) {
            long[] size = new long[1];
            CL.clGetPlatformInfo(p, CL.CL_PLATFORM_NAME, 0, null, size);
            byte[] b = new byte[(int) size[0]];
            CL.clGetPlatformInfo(p, CL.CL_PLATFORM_NAME, b.length, Pointer.to(b), null);
            return cString(b).trim();
        }

        static String string(cl_device_id dev, int param) {
            long[] size = new long[1];
            CL.clGetDeviceInfo(dev, param, 0, null, size);
            byte[] b = new byte[(int) size[0]];
            CL.clGetDeviceInfo(dev, param, b.length, Pointer.to(b), null);
            return cString(b);
        }

        private static long number(cl_device_id dev, int param, int size) {
            long[] v = new long[1];
            // JOCL reads size_t, cl_uint and cl_ulong into the low bytes of a long on little-endian hosts
            CL.clGetDeviceInfo(dev, param, size, Pointer.to(v), null);
            return size == Sizeof.cl_uint ? v[0] & 0xFFFF_FFFFL : v[0];
        }

        private static String cString(byte[] b) {
            int n = 0;
            while (n < b.length && b[n] != 0) {
                n++;
            }
            return new String(b, 0, n, StandardCharsets.UTF_8);
        }
    }
}
