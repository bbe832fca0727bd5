package io.pappus.opencl;

import io.pappus.ir.PrimKind;
import io.pappus.opencl.codegen.FanKernelWriter;
import io.pappus.opencl.codegen.PipelineProgram;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclBuffer;
import io.pappus.opencl.runtime.OclKernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A lifted flatMap on the device. Its function has already run as a map stage whose result is
 * a fan ({@code io.pappus.lift.FanOut}: a count column, then K slots of element columns); this
 * places each input's elements by an exclusive prefix sum of the counts and copies them out,
 * in input order and list order, so the output is what a Java flatMap gives. Input and output
 * stay on the device.
 *
 * <pre>{@code
 * ResidentColumns out = OclFlatMap.on(device).expand(fanColumns, elementLeafKinds, slots);
 * }</pre>
 */
public final class OclFlatMap {
    private final OclSort sort;

    private OclFlatMap(OclSort sort) {
        this.sort = sort;
    }

    /** @param device the device @return flatMaps on it */
    public static OclFlatMap on(DeviceInfo device) {
        return new OclFlatMap(OclSort.on(device));
    }

    /**
     * @param fan    the fan's columns on the device: the counts, then each slot's element leaves
     * @param leaves the element's leaf kinds
     * @param slots  how many slots the fan has
     * @return the elements' columns, on the device (owned by the caller)
     */
    public ResidentColumns expand(ResidentColumns fan, List<PrimKind> leaves, int slots) {
        int n = fan.size();
        List<OclBuffer> cols = fan.buffers();
        if (cols.size() != 1 + slots * leaves.size()) {
            throw new IllegalArgumentException("a fan of " + slots + " slots of " + leaves.size() + " leaves has "
                    + (1 + slots * leaves.size()) + " columns, got " + cols.size());
        }
        try (Buffers b = new Buffers(sort.session())) {
            OclBuffer counts = cols.get(0);
            OclBuffer offsets = b.track(sort.session().buffer(OclBuffer.ElementType.INT, n));
            new OclScan(sort.session(), sort.program(), sort.groupSize()).exclusive(counts, offsets, n);
            int total = n == 0 ? 0 : OclScan.total(offsets, counts, n, "flatMap");
            OclKernel k = sort.session().program(FanKernelWriter.expand(leaves, slots), PipelineProgram.BUILD_OPTIONS)
                    .kernel("pappus_fan_expand");
            int a = 0;
            k.arg(a++, counts).arg(a++, offsets);
            for (int c = 1; c < cols.size(); c++) {
                k.arg(a++, cols.get(c));
            }
            List<OclBuffer> outs = new ArrayList<>();
            for (PrimKind kind : leaves) {
                OclBuffer o = b.alloc(kind, total);
                outs.add(o);
                k.arg(a++, o);
            }
            k.arg(a, n);
            sort.session().launchOver(k, n, sort.groupSize());
            outs.forEach(b::keep);
            return new ResidentColumns(outs, leaves, total);
        }
    }
}
