package io.pappus.jvm.codegen;

import io.pappus.plan.fragment.Fragment;

/**
 * The Java source of one fragment and the values its {@code refs[]} binds for this run.
 *
 * @param fragment   the fragment
 * @param className  the generated class's simple name
 * @param source     the complete compilation unit; also the class cache's key
 * @param refs       captured values, opaque lambdas and converters, in field order
 * @param predicated whether the loop is the branch-free predicated form
 */
public record GeneratedFragment(Fragment fragment, String className, String source, Object[] refs,
                                boolean predicated) {
}
