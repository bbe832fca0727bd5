package io.pappus.opencl.exec;

import io.pappus.plan.fragment.Fragment;

import java.util.Optional;

/**
 * Which fragments of a query a planner keeps on the JVM, and why (Target.AUTO's cost model
 * places fragment by fragment). A fragment it does not keep runs on the device where
 * {@link Placement} and the device breakers allow, as under Target.OPENCL; one it keeps runs
 * on the JVM, breaker and pipeline.
 *
 * <pre>{@code
 * FragmentSides sides = f -> f.id() == 2 ? Optional.empty() : Optional.of("the JVM is predicted faster");
 * new OclExecutor(new DevicePlacer(device, null, sides), runner, jvm).result(root, terminal);
 * }</pre>
 */
@FunctionalInterface
public interface FragmentSides {
    /** Every fragment on the device where it can run there (Target.OPENCL). */
    FragmentSides DEVICE_WHERE_POSSIBLE = f -> Optional.empty();

    /**
     * @param f a fragment of the query
     * @return why it runs on the JVM, or empty when it may run on the device
     */
    Optional<String> jvmReason(Fragment f);
}
