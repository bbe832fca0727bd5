package io.pappus.opencl.coexec;

import io.pappus.api.query.Source;
import io.pappus.opencl.exec.FragmentSides;
import io.pappus.place.CoexecSetting;
import io.pappus.place.CostModel;
import io.pappus.place.Decision;
import io.pappus.place.DeviceProfile;
import io.pappus.place.FragmentNode;
import io.pappus.place.FragmentWork;
import io.pappus.place.Offer;
import io.pappus.place.RunRecorder;
import io.pappus.place.TreePlacement;
import io.pappus.place.TreePlacer;
import io.pappus.place.WorkEstimate;
import io.pappus.place.spi.PlacementDevice;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The placement of every fragment of one query ({@link TreePlacer}): each fragment on the JVM
 * or on one OpenCL device by the query's predicted total time, edges between the two sides
 * paying their transfers; the executor then runs each fragment where it was put
 * ({@link #sides()}). Only a query's single fragment over a source may be shared between the
 * JVM and a device.
 *
 * @param decisions per fragment
 * @param tree      the whole placement, with its edges
 * @param device    the OpenCL device the query uses, or null for none
 * @param nodes     what it was placed from: per fragment its work estimate and the devices offered
 */
record AutoPlan(Map<Fragment, Decision> decisions, TreePlacement tree, PlacementDevice device, FragmentNode nodes) {

    static AutoPlan of(Fragment root, List<PlacementDevice> devices, RunRecorder runs, CoexecSetting.Mode mode) {
        return place(root, node(root, devices, runs), devices, runs, mode);
    }

    /**
     * Places a query of this plan's shape and sizes again, from the history as it is now: the work
     * estimates (signatures hashed, IR walked) and the device verdicts are this plan's; only
     * whether each device has compiled the fragment is read again.
     *
     * @param root the query's fragment tree
     * @return its placement
     */
    AutoPlan again(Fragment root, List<PlacementDevice> devices, RunRecorder runs, CoexecSetting.Mode mode) {
        return place(root, recompiled(nodes, runs), devices, runs, mode);
    }

    private static FragmentNode recompiled(FragmentNode n, RunRecorder runs) {
        List<Offer> offers = new ArrayList<>();
        for (Offer o : n.offers()) {
            offers.add(new Offer(o.device(), o.eligibility(), runs.compiled(n.work().signature(), o.device().id()),
                    o.feedsInPlace()));
        }
        List<FragmentNode> feeds = new ArrayList<>();
        for (FragmentNode feed : n.feeds()) {
            feeds.add(recompiled(feed, runs));
        }
        return new FragmentNode(n.id(), n.work(), offers, feeds);
    }

    private static AutoPlan place(Fragment root, FragmentNode nodes, List<PlacementDevice> devices, RunRecorder runs,
                                  CoexecSetting.Mode mode) {
        Map<Fragment, Decision> decisions = new IdentityHashMap<>();
        TreePlacement tree = new TreePlacer(new CostModel(runs.history()), mode == CoexecSetting.Mode.FORCE)
                .place(nodes, noShare(root, mode));
        List<Fragment> all = new ArrayList<>();
        all(root, all);
        PlacementDevice dev = null;
        for (Fragment f : all) {
            Decision d = tree.decision(f.id());
            decisions.put(f, d);
            for (DeviceProfile p : d.chosen()) {
                dev = dev == null && !p.readsHostMemory() ? byId(devices, p.id()) : dev;
            }
        }
        return new AutoPlan(decisions, tree, dev, nodes);
    }

    private static void all(Fragment f, List<Fragment> out) {
        out.add(f);
        for (Fragment feed : f.feeds()) {
            all(feed, out);
        }
    }

    private static FragmentNode node(Fragment f, List<PlacementDevice> devices, RunRecorder runs) {
        WorkEstimate w = FragmentWork.estimate(f);
        List<Offer> offers = new ArrayList<>();
        for (PlacementDevice d : devices) {
            DeviceProfile p = d.profile();
            offers.add(new Offer(p, d.eligibility(f), runs.compiled(w.signature(), p.id()), d.feedsInPlace(f)));
        }
        List<FragmentNode> feeds = new ArrayList<>();
        for (Fragment feed : f.feeds()) {
            feeds.add(node(feed, devices, runs));
        }
        return new FragmentNode(f.id(), w, offers, feeds);
    }

    /** @return why the query's last fragment cannot be shared between devices, or empty */
    static String noShare(Fragment root, CoexecSetting.Mode mode) {
        if (mode == CoexecSetting.Mode.OFF) {
            return "co-execution is off (" + CoexecSetting.PROPERTY + "=off)";
        } else if (!(root.input().op() instanceof Source)) {
            return "its input is not a source";
        } else if (root.sink() instanceof Sink.Sum s && s.average()) {
            return "average is not shared";
        }
        return "";
    }

    static PlacementDevice byId(List<PlacementDevice> devices, String id) {
        for (PlacementDevice d : devices) {
            if (d.profile().id().equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no device " + id);
    }

    /** @return the fragments placed on the JVM, for the executor, with the cost model's reason */
    FragmentSides sides() {
        return f -> {
            Decision d = decisions.get(f);
            return d == null || d.uses("opencl") ? Optional.empty()
                    : Optional.of("placed on the JVM by the cost model (" + d.why() + ")");
        };
    }

    Decision root(Fragment root) {
        return decisions.get(root);
    }

    /**
     * @param root the fragment tree of another query of the same shape ({@link PlacementCache}): the
     *             same fragment ids in the same places
     * @return this placement for that query's fragments
     */
    AutoPlan rebind(Fragment root) {
        Map<Fragment, Decision> bound = new IdentityHashMap<>();
        bind(root, bound);
        return new AutoPlan(bound, tree, device, nodes);
    }

    private void bind(Fragment f, Map<Fragment, Decision> bound) {
        bound.put(f, tree.decision(f.id()));
        for (Fragment feed : f.feeds()) {
            bind(feed, bound);
        }
    }
}
