package io.pappus.api;

/**
 * Where a local engine runs a query.
 *
 * <pre>{@code
 * double s = DataSet.from(xs).on(Engines.local(Target.JVM)).sum(x -> x);
 * }</pre>
 */
public enum Target {
    /** Pick devices per fragment from the cost model; the default. */
    AUTO,
    /** Compiled Java on every core (module codegen-jvm). */
    JVM,
    /** OpenCL devices through JOCL (module codegen-opencl). */
    OPENCL,
    /** The oracle: every operator run plainly and sequentially with the user's original lambdas. */
    REFERENCE;

    /**
     * Parses a target name as given to the system property {@code pappus.target}.
     *
     * @param name {@code auto}, {@code jvm}, {@code opencl} or {@code reference}, any case
     * @return the target
     * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
     */
    public static Target parse(String name) {
        for (Target t : values()) {
            if (t.name().equalsIgnoreCase(name.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown Pappus target '" + name
                + "': expected one of auto, jvm, opencl, reference");
    }
}
