package io.pappus.place;

/**
 * A device offered for one fragment: its profile, whether it can run the fragment, and
 * whether the fragment's program for it is compiled already.
 *
 * @param device      the device
 * @param eligibility whether it can run the fragment
 * @param compiled    whether no compile is needed
 */
public record Offer(DeviceProfile device, Eligibility eligibility, boolean compiled) {
}
