package io.pappus.jvm.codegen;

/**
 * The Java source of a native pipeline breaker (group-by table, join probe) and the values its
 * {@code refs[]} binds for this run.
 *
 * @param className the generated class's simple name
 * @param source    the complete compilation unit; also the class cache's key
 * @param refs      captured values, seeds and opaque lambdas, in field order
 */
public record GeneratedBreaker(String className, String source, Object[] refs) {
}
