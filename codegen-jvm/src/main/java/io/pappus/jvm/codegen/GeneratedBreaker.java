package io.pappus.jvm.codegen;

/**
 * The Java source of a native pipeline breaker (group-by table, join probe) and the values its
 * {@code refs[]} binds for this run.
 *
 * @param className the generated class's simple name
 * @param source    the complete compilation unit; also the class cache's key
 * @param refs      captured values, seeds and opaque lambdas, in field order
 * @param reads     the leaves of the input the loop reads (the others' columns may be null); null
 *                  when it reads them all
 */
public record GeneratedBreaker(String className, String source, Object[] refs, java.util.BitSet reads) {
    /** A breaker that reads every input leaf. */
    public GeneratedBreaker(String className, String source, Object[] refs) {
        this(className, source, refs, null);
    }
}
