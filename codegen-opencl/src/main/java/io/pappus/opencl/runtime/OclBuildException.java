package io.pappus.opencl.runtime;

/** A program did not compile; the message holds the build log and the numbered source. */
public final class OclBuildException extends OclException {
    private static final long serialVersionUID = 1L;

    private final String buildLog;

    /**
     * @param device   where it was built
     * @param buildLog the compiler's log
     * @param source   the source
     * @param cause    the driver's exception
     */
    public OclBuildException(DeviceInfo device, String buildLog, String source, Throwable cause) {
        super("OpenCL build failed on " + device.name() + ":\n" + buildLog + "\n" + numbered(source), cause);
        this.buildLog = buildLog;
    }

    /** @return the compiler's log */
    public String buildLog() {
        return buildLog;
    }

    /**
     * @param source a program
     * @return it with {@code /* 001 *}{@code /} line numbers, as compiler errors count lines
     */
    public static String numbered(String source) {
        StringBuilder b = new StringBuilder();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            b.append(String.format("/* %03d */ ", i + 1)).append(lines[i]).append('\n');
        }
        return b.toString();
    }
}
