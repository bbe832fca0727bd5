package io.pappus.cluster.worker;

import io.pappus.cluster.remote.ChunkRunners;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a member offers the cluster, published as Hazelcast member attributes so the caller can
 * size work by it: cores, heap, OpenCL devices, the runner that runs shipped pipelines on them
 * and the throughput measured at start-up.
 *
 * <pre>{@code
 * MemberProfile p = MemberProfile.measure();
 * config.getMemberAttributeConfig().setAttributes(p.attributes());
 * MemberProfile seen = MemberProfile.fromAttributes(member.getAttributes());   // on the caller
 * }</pre>
 *
 * @param cores      the processors the member's JVM may use
 * @param maxMemory  the member's heap limit in bytes
 * @param devices    its OpenCL devices, e.g. {@code GPU:NVIDIA H100}; empty without the OpenCL backend
 * @param throughput elements per second of the calibration pipeline through the member's chunk runner
 * @param runner     what runs shipped pipelines there, e.g. {@code opencl on NVIDIA H100 where the device can
 *                   run the pipeline (pappus.cluster.memberTarget=auto), else jvm}
 */
public record MemberProfile(int cores, long maxMemory, List<String> devices, double throughput, String runner) {
    /** Attribute: processors, e.g. {@code 16}. */
    public static final String CORES = "pappus.cores";
    /** Attribute: heap limit in bytes. */
    public static final String MAX_MEMORY = "pappus.maxMemory";
    /** Attribute: devices separated by {@code ;}, each {@code TYPE:name}; empty when none. */
    public static final String DEVICES = "pappus.devices";
    /** Attribute: measured elements per second, e.g. {@code 2.5E8}. */
    public static final String THROUGHPUT = "pappus.throughput";
    /** Attribute: the member's chunk runner, described. */
    public static final String RUNNER = ChunkRunners.ATTRIBUTE;

    public MemberProfile {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be positive, was " + cores);
        }
        if (maxMemory < 1) {
            throw new IllegalArgumentException("maxMemory must be positive, was " + maxMemory);
        }
        if (!(throughput > 0) || Double.isInfinite(throughput)) {
            throw new IllegalArgumentException("throughput must be positive and finite, was " + throughput);
        }
        for (String d : devices) {
            if (d.isBlank() || d.contains(";")) {
                throw new IllegalArgumentException("a device name must be non-blank and free of ';', was '" + d + "'");
            }
        }
        devices = List.copyOf(devices);
        Objects.requireNonNull(runner, "runner");
    }

    /**
     * Measures this JVM: its processors and heap, the OpenCL devices when the OpenCL backend is
     * on the class path, and a short calibration run (about {@code budgetMillis}).
     *
     * @param budgetMillis the time the calibration may take
     * @return the profile
     */
    public static MemberProfile measure(long budgetMillis) {
        return measure(budgetMillis, true);
    }

    /**
     * @param budgetMillis the time the calibration may take
     * @param devices      whether to look for OpenCL devices (false: advertise none, start faster)
     * @return the profile
     */
    public static MemberProfile measure(long budgetMillis, boolean devices) {
        Runtime rt = Runtime.getRuntime();
        return new MemberProfile(rt.availableProcessors(), rt.maxMemory(),
                devices ? DeviceProbe.openClDevices() : List.of(), Calibration.elementsPerSecond(budgetMillis),
                ChunkRunners.get().describe());
    }

    /** @return the member attributes, keys {@link #CORES}, {@link #MAX_MEMORY}, {@link #DEVICES}, {@link #THROUGHPUT}, {@link #RUNNER} */
    public Map<String, String> attributes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(CORES, Integer.toString(cores));
        m.put(MAX_MEMORY, Long.toString(maxMemory));
        m.put(DEVICES, String.join(";", devices));
        m.put(THROUGHPUT, Double.toString(throughput));
        m.put(RUNNER, runner);
        return m;
    }

    /**
     * @param attributes a member's attributes
     * @return its profile
     * @throws IllegalArgumentException naming the attribute when one is missing or malformed
     */
    public static MemberProfile fromAttributes(Map<String, String> attributes) {
        String devices = require(attributes, DEVICES);
        List<String> list = devices.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(devices.split(";")));
        try {
            return new MemberProfile(Integer.parseInt(require(attributes, CORES)),
                    Long.parseLong(require(attributes, MAX_MEMORY)), list,
                    Double.parseDouble(require(attributes, THROUGHPUT)), require(attributes, RUNNER));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed member profile " + attributes + ": " + e.getMessage(), e);
        }
    }

    private static String require(Map<String, String> attributes, String key) {
        return Objects.requireNonNull(attributes.get(key), () -> "member attribute " + key + " is missing");
    }

    /** @return whether any advertised device is a GPU */
    public boolean hasGpu() {
        return devices.stream().anyMatch(d -> d.startsWith("GPU:"));
    }
}
