package io.pappus.opencl.coexec;

import io.pappus.api.query.Source;
import io.pappus.place.CoexecSetting;
import io.pappus.place.Decision;
import io.pappus.place.DeviceProfile;
import io.pappus.place.FragmentWork;
import io.pappus.place.Offer;
import io.pappus.place.Placer;
import io.pappus.place.RunRecorder;
import io.pappus.place.CostModel;
import io.pappus.place.WorkEstimate;
import io.pappus.place.spi.PlacementDevice;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The placement of every fragment of one query: each fragment's {@link Decision} from the cost
 * model, then made consistent with how the OpenCL executor runs a query (every fragment the
 * device can run goes to the device, or none does): when the fragments disagree, the cheaper of
 * the two whole-query routes, by predicted time, wins and the overridden decisions say so.
 *
 * @param decisions per fragment
 * @param device    the OpenCL device the query uses, or null for none
 */
record AutoPlan(Map<Fragment, Decision> decisions, PlacementDevice device) {

    static AutoPlan of(Fragment root, List<PlacementDevice> devices, RunRecorder runs, CoexecSetting.Mode mode) {
        Map<Fragment, Decision> own = new IdentityHashMap<>();
        decide(root, true, devices, new Placer(new CostModel(runs.history()), mode == CoexecSetting.Mode.FORCE), runs, mode,
                own);
        PlacementDevice dev = null;
        for (Decision d : own.values()) {
            for (DeviceProfile p : d.chosen()) {
                if (dev == null && p.backend().equals("opencl")) {
                    dev = byId(devices, p.id());
                }
            }
        }
        if (dev == null || own.size() == 1) {
            return new AutoPlan(own, dev);
        }
        String devId = dev.profile().id();
        double devicePath = 0;
        double jvmPath = 0;
        for (Decision d : own.values()) {
            devicePath += d.candidates().stream().filter(c -> c.device().id().equals(devId) && c.eligibility().ok())
                    .findFirst().orElse(jvmCandidate(d)).total();
            jvmPath += jvmCandidate(d).total();
        }
        boolean toDevice = devicePath < jvmPath;
        String why = String.format("placed with the rest of its query: the executor runs every fragment the device can"
                + " run there or none; device route predicted %.3f ms, JVM route %.3f ms", devicePath / 1e6, jvmPath / 1e6);
        Map<Fragment, Decision> out = new IdentityHashMap<>();
        for (Map.Entry<Fragment, Decision> e : own.entrySet()) {
            Decision d = e.getValue();
            var c = toDevice ? d.candidates().stream()
                    .filter(x -> x.device().id().equals(devId) && x.eligibility().ok()).findFirst()
                    .orElse(jvmCandidate(d)) : jvmCandidate(d);
            out.put(e.getKey(), d.chosen().equals(List.of(c.device())) ? d
                    : new Decision(d.work(), d.candidates(), List.of(c.device()), c.total(), why + " (its own choice: "
                    + d.chosen().get(0).name() + ", " + d.why() + ")"));
        }
        return new AutoPlan(out, toDevice ? dev : null);
    }

    private static io.pappus.place.Candidate jvmCandidate(Decision d) {
        return d.candidates().stream().filter(c -> c.device().backend().equals("jvm")).findFirst()
                .orElseThrow(() -> new IllegalStateException("AUTO needs the JVM backend"));
    }

    private static void decide(Fragment f, boolean root, List<PlacementDevice> devices, Placer placer,
                               RunRecorder runs, CoexecSetting.Mode mode, Map<Fragment, Decision> out) {
        WorkEstimate w = FragmentWork.estimate(f);
        List<Offer> offers = new ArrayList<>();
        for (PlacementDevice d : devices) {
            DeviceProfile p = d.profile();
            offers.add(new Offer(p, d.eligibility(f), runs.compiled(w.signature(), p.id())));
        }
        out.put(f, placer.decide(w, offers, noShare(f, root, mode)));
        for (Fragment feed : f.feeds()) {
            decide(feed, false, devices, placer, runs, mode, out);
        }
    }

    /** @return why the fragment cannot be shared between devices, or empty */
    static String noShare(Fragment f, boolean root, CoexecSetting.Mode mode) {
        if (mode == CoexecSetting.Mode.OFF) {
            return "co-execution is off (" + CoexecSetting.PROPERTY + "=off)";
        } else if (!root) {
            return "only a query's last fragment is shared";
        } else if (!(f.input().op() instanceof Source)) {
            return "its input is not a source";
        } else if (f.sink() instanceof Sink.Sum s && s.average()) {
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

    Decision root(Fragment root) {
        return decisions.get(root);
    }
}
