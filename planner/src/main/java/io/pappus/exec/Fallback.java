package io.pappus.exec;

/**
 * The {@code pappus.fallback} setting. In production a backend defect (Janino rejecting
 * generated code, a program build or run the driver fails) is logged and the work falls back
 * to a slower path that gives the same answer; with {@code -Dpappus.fallback=off}, as the test
 * suites run, it is thrown, so a defect fails a test instead of hiding. (The lifter, below this
 * package, reads the same property itself.)
 */
public final class Fallback {
    /** The system property. */
    public static final String PROPERTY = "pappus.fallback";

    private Fallback() {
    }

    /** @return whether defects must be thrown rather than fallen back from (read at every call) */
    public static boolean off() {
        return "off".equals(System.getProperty(PROPERTY));
    }
}
