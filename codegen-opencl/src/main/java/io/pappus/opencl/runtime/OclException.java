package io.pappus.opencl.runtime;

/** An OpenCL call failed; the message names the call and the CL error. */
public class OclException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause   the driver's exception, or {@code null}
     */
    public OclException(String message, Throwable cause) {
        super(message, cause);
    }
}
