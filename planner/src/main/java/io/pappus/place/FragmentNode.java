package io.pappus.place;

import java.util.List;

/**
 * One fragment of a query's tree as {@link TreePlacer} sees it: its work, the devices offered
 * for it and the fragments whose outputs it reads.
 *
 * <pre>{@code
 * FragmentNode source = new FragmentNode(2, filterWork, offers, List.of());
 * FragmentNode root = new FragmentNode(1, sortWork, offers, List.of(source));
 * }</pre>
 *
 * @param id     the fragment's number in its plan (unique in the tree)
 * @param work   its work: {@code bytesIn} its whole input, {@code bytesOut} its whole output,
 *               which is what the edge to its reader carries
 * @param offers the devices, in the same order for every fragment of the tree (ties go to the first)
 * @param feeds  the fragments it reads, in input order
 */
public record FragmentNode(int id, WorkEstimate work, List<Offer> offers, List<FragmentNode> feeds) {
    public FragmentNode {
        offers = List.copyOf(offers);
        feeds = List.copyOf(feeds);
    }

    /** @return the offer of the device with this id */
    Offer offer(String device) {
        for (Offer o : offers) {
            if (o.device().id().equals(device)) {
                return o;
            }
        }
        throw new IllegalArgumentException("fragment " + id + " has no offer for device " + device);
    }
}
