package io.pappus.cluster.remote;

import java.io.Serializable;
import java.util.Objects;

/**
 * What evaluated one chunk on a member, for replies, progress and {@code explain()}.
 *
 * <pre>{@code
 * new RanOn("opencl", "pthread-skylake-avx512", "")
 * new RanOn("jvm", RanOn.CPU, "not on OpenCL: element type String has object columns ...")
 * }</pre>
 *
 * @param runner the runner: {@code opencl}, {@code jvm} or {@code ir-interpreter}
 * @param device the device it ran on: an OpenCL device's name, or {@link #CPU} for the JVM
 * @param note   why it did not run on a better runner the member has (an ineligible fragment's
 *               reason, a lambda that threw), or empty
 */
public record RanOn(String runner, String device, String note) implements Serializable {
    /** The device of the JVM runners: the member's own cores. */
    public static final String CPU = "cpu";

    public RanOn {
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(note, "note");
    }

    /**
     * @param runner a JVM runner's name
     * @param note   why, or empty
     * @return a run on the member's cores
     */
    public static RanOn cpu(String runner, String note) {
        return new RanOn(runner, CPU, note);
    }

    /**
     * @param runner the member's runner
     * @return what a reply about a chunk the member did not run (refused, missing) says
     */
    public static RanOn notRun(String runner) {
        return new RanOn(runner, "", "not run");
    }

    /** @return this run, with {@code why} in front of its note */
    public RanOn because(String why) {
        return new RanOn(runner, device, note.isEmpty() ? why : why + "; " + note);
    }

    /** @return e.g. {@code opencl on pthread-skylake} or {@code jvm (not on OpenCL: ...)} */
    public String show() {
        String where = runner + (device.equals(CPU) ? "" : " on " + device);
        return note.isEmpty() ? where : where + " (" + note + ")";
    }
}
