package io.pappus.cluster.remote;

import java.util.Locale;

/**
 * Where a member runs the pipelines shipped to it, set on the member with system property
 * {@value #PROPERTY} ({@code auto}, {@code jvm} or {@code opencl}) and read for every chunk.
 * Whatever the setting, a pipeline the member's OpenCL device cannot run with Java's meaning
 * runs on the JVM, and the reply says why.
 *
 * <pre>{@code
 * java -Dpappus.cluster.memberTarget=opencl -jar pappus-worker.jar --join 10.0.0.5
 * }</pre>
 */
public enum MemberTarget {
    /** The cost model picks the JVM or the OpenCL device per pipeline, from calibration and measured runs. */
    AUTO,
    /** Every chunk on the JVM, the device left alone. */
    JVM,
    /** Every chunk the device can run goes to the device. */
    OPENCL;

    /** System property: the member's target, default {@code auto}. */
    public static final String PROPERTY = "pappus.cluster.memberTarget";

    /**
     * @return the target this member's system property names
     * @throws IllegalArgumentException naming the property when its value is none of the three
     */
    public static MemberTarget current() {
        String v = System.getProperty(PROPERTY, "auto").trim();
        for (MemberTarget t : values()) {
            if (t.name().equalsIgnoreCase(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException(PROPERTY + " must be auto, jvm or opencl, was '" + v + "'");
    }

    /** @return the setting as written, e.g. {@code opencl} */
    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }
}
