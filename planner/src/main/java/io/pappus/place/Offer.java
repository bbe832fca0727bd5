package io.pappus.place;

/**
 * A device offered for one fragment: its profile, whether it can run the fragment, whether the
 * fragment's program for it is compiled already, and whether, placed there, the fragment reads
 * its feeds' outputs where they were computed (a device that runs the fragment's breaker too
 * reads the output a feed left in its memory; one that does not reads it from the host).
 *
 * @param device       the device
 * @param eligibility  whether it can run the fragment
 * @param compiled     whether no compile is needed
 * @param feedsInPlace whether the fragment reads its feeds' outputs where they are when it runs here
 */
public record Offer(DeviceProfile device, Eligibility eligibility, boolean compiled, boolean feedsInPlace) {

    /** An offer that reads feeds in place (a fragment without feeds, or a device that runs its breaker). */
    public Offer(DeviceProfile device, Eligibility eligibility, boolean compiled) {
        this(device, eligibility, compiled, true);
    }
}
