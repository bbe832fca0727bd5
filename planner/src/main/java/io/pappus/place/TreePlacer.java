package io.pappus.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places every fragment of a query's tree by predicted total time: each fragment's own time on
 * its side (the host, i.e. the JVM, or one device: {@link CostModel}'s launch + compile + work,
 * with the transfers of the query's edges to the outside only: a source read from the host, the
 * result read back), plus, for every edge whose two ends are on different sides, its bytes
 * over the device's link (a device output read back, a host output uploaded). An edge between
 * two fragments on the device moves nothing: the output stays in device memory. A dynamic
 * program over the tree gives each fragment the least time of its subtree for each side; the
 * root takes the cheaper side and each feed the cheaper side given its reader's. With several
 * devices, each is paired with the host in turn and the cheapest query wins (a query uses one
 * device). A query of one fragment is {@link Placer}'s decision, co-execution included.
 *
 * <pre>{@code
 * TreePlacement p = new TreePlacer(new CostModel(history), false).place(root, "");
 * boolean middleOnGpu = p.decision(2).device().id().equals("opencl:0:0");
 * }</pre>
 */
public final class TreePlacer {
    private final CostModel model;
    private final Placer placer;

    /**
     * @param model the cost model
     * @param force share a query's only fragment among all eligible devices (see {@link Placer})
     */
    public TreePlacer(CostModel model, boolean force) {
        this.model = model;
        this.placer = new Placer(model, force);
    }

    /**
     * @param root    the fragment that ends in the query's terminal
     * @param noShare why the root cannot be shared between devices, or empty when it can
     * @return the placement of every fragment
     * @throws IllegalArgumentException when no device can run a fragment, or no offer reads host memory
     */
    public TreePlacement place(FragmentNode root, String noShare) {
        if (root.feeds().isEmpty()) {
            Decision d = placer.decide(root.work(), root.offers(), noShare);
            return new TreePlacement(Map.of(root.id(), d), List.of(), d.predicted());
        }
        DeviceProfile host = root.offers().stream().map(Offer::device).filter(DeviceProfile::readsHostMemory)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no offer runs in host memory (the JVM)"));
        TreePlacement best = null;
        for (Offer o : root.offers()) {
            if (!o.device().readsHostMemory()) {
                TreePlacement t = new Solve(List.of(host, o.device())).placement(root);
                best = best == null || t.predicted() < best.predicted() ? t : best;  // ties keep offer order
            }
        }
        return best != null ? best : new Solve(List.of(host)).placement(root);
    }

    /**
     * The fragment's own prediction on a device: its input's transfer only where it reads host
     * memory there (a source, or a breaker the device does not run), its output's only as the
     * query's result; the edges between fragments are counted on the edges.
     */
    private Prediction own(FragmentNode f, Offer o, boolean root) {
        if (!o.eligibility().ok()) {
            return null;
        }
        WorkEstimate w = f.work();
        long in = f.feeds().isEmpty() || !o.feedsInPlace() ? w.bytesIn() : 0;
        return model.predict(w.withBytes(in, root ? w.bytesOut() : 0), o.device(), o.compiled());
    }

    /** The dynamic program with the host as side 0 and at most one device as side 1. */
    private final class Solve {
        private final List<DeviceProfile> sides;
        private final Map<FragmentNode, double[]> subtree = new IdentityHashMap<>();
        private final Map<Integer, Decision> decisions = new HashMap<>();
        private final List<TreePlacement.Edge> edges = new ArrayList<>();

        Solve(List<DeviceProfile> sides) {
            this.sides = sides;
        }

        TreePlacement placement(FragmentNode root) {
            int side = cheapest(root, true, -1);
            choose(root, side, true);
            return new TreePlacement(decisions, edges, cost(root, side, true));
        }

        /** @return the least time of {@code f}'s subtree with {@code f} on side {@code s}, ns */
        double cost(FragmentNode f, int s, boolean root) {
            double[] known = subtree.get(f);
            if (known == null) {
                known = new double[sides.size()];
                for (int i = 0; i < known.length; i++) {
                    Prediction p = own(f, f.offer(sides.get(i).id()), root);
                    known[i] = p == null ? Double.POSITIVE_INFINITY : p.total();
                    for (FragmentNode feed : f.feeds()) {
                        int fs = cheapest(feed, false, reads(f, i));
                        known[i] += cost(feed, fs, false) + transfer(feed, fs, reads(f, i));
                    }
                }
                subtree.put(f, known);
            }
            return known[s];
        }

        /** @return the side a fragment reads its feeds on when it runs on side {@code s} */
        int reads(FragmentNode f, int s) {
            return s > 0 && f.offer(sides.get(s).id()).feedsInPlace() ? s : 0;
        }

        /** @return the side of {@code f} with the least subtree time, its output read on side {@code to} (-1: none) */
        int cheapest(FragmentNode f, boolean root, int to) {
            int best = 0;
            for (int s = 1; s < sides.size(); s++) {
                if (cost(f, s, root) + transfer(f, s, to) < cost(f, best, root) + transfer(f, best, to)) {
                    best = s;
                }
            }
            return best;
        }

        /** @return the time to move {@code f}'s output from side {@code from} to side {@code to} */
        double transfer(FragmentNode f, int from, int to) {
            return to < 0 || from == to ? 0 : f.work().bytesOut() / sides.get(Math.max(from, to)).linkBytesPerNano();
        }

        void choose(FragmentNode f, int s, boolean root) {
            List<Candidate> candidates = new ArrayList<>();
            Candidate chosen = null;
            for (Offer o : f.offers()) {
                Candidate c = new Candidate(o.device(), o.eligibility(), own(f, o, root));
                candidates.add(c);
                chosen = o.device().equals(sides.get(s)) ? c : chosen;
            }
            double in = 0;
            List<TreePlacement.Edge> into = new ArrayList<>();
            int[] feedSides = new int[f.feeds().size()];
            for (int i = 0; i < feedSides.length; i++) {
                FragmentNode feed = f.feeds().get(i);
                int fs = cheapest(feed, false, reads(f, s));
                feedSides[i] = fs;
                double t = transfer(feed, fs, reads(f, s));
                in += t;
                TreePlacement.Edge e = new TreePlacement.Edge(feed.id(), f.id(), feed.work().bytesOut(), t,
                        fs == reads(f, s) ? (fs > 0 ? "stays on the device" : "on the host")
                                : fs > 0 ? "read back" : "uploaded");
                edges.add(e);
                into.add(e);
            }
            decisions.put(f.id(), new Decision(f.work(), candidates, List.of(sides.get(s)), chosen.total() + in,
                    why(f, s, root, chosen, candidates, into)));
            for (int i = 0; i < feedSides.length; i++) {
                choose(f.feeds().get(i), feedSides[i], false);
            }
        }

        /** The reason, from the costs as they are now: it is written later, when someone reads it. */
        private Reason why(FragmentNode f, int s, boolean root, Candidate chosen, List<Candidate> candidates,
                           List<TreePlacement.Edge> into) {
            double[] costs = new double[sides.size()];
            for (int o = 0; o < costs.length; o++) {
                costs[o] = cost(f, o, root);
            }
            List<DeviceProfile> placed = sides;
            Candidate fastest = candidates.stream().filter(c -> placed.contains(c.device()))
                    .min(Comparator.comparingDouble(Candidate::total)).orElse(chosen);
            int id = f.id();
            return Reason.later(() -> {
                StringBuilder b = new StringBuilder(String.format("least predicted time of %s: %s here",
                        root ? "the query" : "fragment " + id + " with its feeds", Prediction.ms(costs[s])));
                for (int o = 0; o < costs.length; o++) {
                    if (o != s) {
                        b.append(" against ").append(costs[o] == Double.POSITIVE_INFINITY ? "none (not eligible)"
                                : Prediction.ms(costs[o])).append(" with it on ").append(placed.get(o).name());
                    }
                }
                if (fastest.total() < chosen.total()) {
                    b.append(String.format(" (alone it is faster on %s, %s against %s: moving the data decides)",
                            fastest.device().name(), Prediction.ms(fastest.total()), Prediction.ms(chosen.total())));
                }
                for (int i = 0; i < into.size(); i++) {
                    b.append(i == 0 ? "; edges in: " : ", ").append(into.get(i).show());
                }
                return b.toString();
            });
        }
    }
}
