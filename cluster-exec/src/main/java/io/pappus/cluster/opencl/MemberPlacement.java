package io.pappus.cluster.opencl;

import io.pappus.exec.ShapeCache;
import io.pappus.jvm.place.JvmDevices;
import io.pappus.opencl.coexec.OclDevices;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.place.Candidate;
import io.pappus.place.CostModel;
import io.pappus.place.Decision;
import io.pappus.place.Eligibility;
import io.pappus.place.ExecutionHistory;
import io.pappus.place.FragmentWork;
import io.pappus.place.Offer;
import io.pappus.place.Placer;
import io.pappus.place.RunRecorder;
import io.pappus.place.WorkEstimate;
import io.pappus.place.spi.PlacementDevice;
import io.pappus.plan.fragment.Fragment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link io.pappus.cluster.remote.MemberTarget#AUTO} on one member: for each shipped pipeline
 * over a chunk, the cost model ({@link io.pappus.place}) predicts the member's JVM and its
 * OpenCL device from their calibrations and this member's measured runs of the same fragment
 * signature, and the faster runs the chunk; every run's time goes back into the history. A
 * member runs a chunk on one device: co-execution is the cluster's business (chunks spread over
 * members), not the chunk's.
 */
final class MemberPlacement {
    private static final String NO_SHARE = "a member runs each chunk on one device";
    private final List<PlacementDevice> devices;
    private final String deviceId;
    private final RunRecorder runs = new RunRecorder(new ExecutionHistory());
    private final Placer placer = new Placer(new CostModel(runs.history()));
    // Keyed by signature: shipped IR arrives as a fresh copy with every task, so the backend's
    // own verdict cache (by IR identity) never hits on a member, and a verdict writes a kernel.
    private final ShapeCache<Eligibility> verdicts = new ShapeCache<>(4096);

    /** @param device the member's OpenCL device; its profile is calibrated on first use (kept on disk) */
    MemberPlacement(DeviceInfo device) {
        PlacementDevice jvm = new JvmDevices().devices().get(0);
        PlacementDevice ocl = new OclDevices.Device(device);
        this.devices = List.of(jvm, ocl);  // the JVM first: it wins ties
        this.deviceId = ocl.profile().id();
    }

    /**
     * @param f the pipeline's fragment over one chunk
     * @return the cost model's decision between the JVM and the device
     */
    Decision decide(Fragment f) {
        WorkEstimate w = FragmentWork.estimate(f);
        List<Offer> offers = new ArrayList<>();
        for (PlacementDevice d : devices) {
            offers.add(new Offer(d.profile(), eligibility(d, f, w.signature()), runs.compiled(w.signature(), d.profile().id())));
        }
        return placer.decide(w, offers, NO_SHARE);
    }

    /** @return whether the device can run the fragment, by its signature (the verdict depends on its shape only) */
    private Eligibility eligibility(PlacementDevice d, Fragment f, String signature) {
        List<Object> key = List.of(signature, d.profile().id());
        Eligibility known = verdicts.get(key);
        if (known == null) {
            known = d.eligibility(f);
            verdicts.put(key, known);
        }
        return known;
    }

    /** @return whether the decision puts the fragment on the device */
    boolean onDevice(Decision d) {
        return d.device().id().equals(deviceId);
    }

    /**
     * @param d a decision
     * @return why the device cannot run the fragment with Java's meaning, or empty when it can
     */
    Optional<String> ineligibility(Decision d) {
        Candidate dev = candidate(d, deviceId);
        return dev.eligibility().ok() ? Optional.empty() : Optional.of(dev.eligibility().reason());
    }

    /**
     * Records a measured run.
     *
     * @param d        the decision it followed
     * @param onDevice whether the device ran it (else the JVM)
     * @param nanos    its measured time
     */
    void record(Decision d, boolean onDevice, long nanos) {
        Candidate c = candidate(d, onDevice ? deviceId : JvmDevices.ID);
        runs.record(d, c.prediction(), d.work().elements(), nanos, 1);
    }

    /** @return the history this member places by */
    ExecutionHistory history() {
        return runs.history();
    }

    private static Candidate candidate(Decision d, String id) {
        return d.candidates().stream().filter(c -> c.device().id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no candidate " + id + " in " + d));
    }
}
