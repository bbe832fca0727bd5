package io.pappus.place;

/**
 * Whether a fragment may run on several devices at once: system property
 * {@value #PROPERTY} = {@code off} turns co-execution off (default {@code auto}: the cost
 * model decides).
 */
public final class CoexecSetting {
    /** System property. */
    public static final String PROPERTY = "pappus.coexec";

    private CoexecSetting() {
    }

    /** @return whether co-execution may be chosen */
    public static boolean enabled() {
        String v = System.getProperty(PROPERTY, "auto").trim();
        if (v.equalsIgnoreCase("off") || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.equalsIgnoreCase("auto") || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException("pappus.coexec='" + v + "': expected auto, on or off");
    }
}
