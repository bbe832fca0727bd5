package io.pappus.place;

/**
 * Whether a fragment may run on several devices at once: system property
 * {@value #PROPERTY} = {@code off} turns co-execution off, {@code force} shares every fragment
 * that can be shared (for benchmarks), default {@code auto}: the cost model decides.
 */
public final class CoexecSetting {
    /** System property. */
    public static final String PROPERTY = "pappus.coexec";

    private CoexecSetting() {
    }

    /** The modes. */
    public enum Mode {
        /** Never share. */
        OFF,
        /** Share when the cost model predicts a gain. */
        AUTO,
        /** Share whatever can be shared. */
        FORCE
    }

    /** @return whether co-execution may be chosen */
    public static boolean enabled() {
        return mode() != Mode.OFF;
    }

    /** @return the mode the system property sets */
    public static Mode mode() {
        String v = System.getProperty(PROPERTY, "auto").trim();
        if (v.equalsIgnoreCase("off") || v.equalsIgnoreCase("false")) {
            return Mode.OFF;
        }
        if (v.equalsIgnoreCase("auto") || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("true")) {
            return Mode.AUTO;
        }
        if (v.equalsIgnoreCase("force")) {
            return Mode.FORCE;
        }
        throw new IllegalArgumentException("pappus.coexec='" + v + "': expected auto, off or force");
    }
}
