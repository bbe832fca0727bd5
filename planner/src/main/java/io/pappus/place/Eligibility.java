package io.pappus.place;

/**
 * Whether a device can run a fragment with Java's meaning, and if not, why (one line, for
 * {@code explain()} and the log): an opaque lambda, String columns, doubles on a device
 * without {@code cl_khr_fp64}, an operation the backend has no code for.
 *
 * @param ok     whether the device can run it
 * @param reason why not; empty when {@code ok}
 */
public record Eligibility(boolean ok, String reason) {
    private static final Eligibility YES = new Eligibility(true, "");

    /** @return eligible */
    public static Eligibility yes() {
        return YES;
    }

    /**
     * @param reason why not
     * @return not eligible
     */
    public static Eligibility no(String reason) {
        return new Eligibility(false, reason);
    }
}
