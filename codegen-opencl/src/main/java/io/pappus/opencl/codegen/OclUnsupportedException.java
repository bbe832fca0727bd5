package io.pappus.opencl.codegen;

/**
 * A lambda or pipeline that the OpenCL backend cannot run with Java's meaning; the message is
 * the one-line reason shown by {@code explain()} when the fragment stays on the JVM.
 */
public final class OclUnsupportedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param reason why, in one line */
    public OclUnsupportedException(String reason) {
        super(reason);
    }
}
