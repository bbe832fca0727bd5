package io.pappus.opencl;

import io.pappus.opencl.runtime.OclBuffer;
import io.pappus.opencl.runtime.OclKernel;
import io.pappus.opencl.runtime.OclProgram;
import io.pappus.opencl.runtime.OclSession;

/**
 * Exclusive prefix sum of an int buffer on the device: each work-group scans a block of
 * {@code 2 * groupSize} ints and writes the block's total; the totals are scanned the same
 * way (recursively) and added back to every element of their block.
 */
final class OclScan {
    private final OclSession session;
    private final OclProgram program;
    private final int groupSize;

    OclScan(OclSession session, OclProgram program, int groupSize) {
        this.session = session;
        this.program = program;
        this.groupSize = groupSize;
    }

    void exclusive(OclBuffer in, OclBuffer out, int n) {
        if (n == 0) {
            return;
        }
        int block = 2 * groupSize;
        int blocks = (n + block - 1) / block;
        try (OclBuffer sums = session.buffer(OclBuffer.ElementType.INT, blocks)) {
            OclKernel k = program.kernel("pappus_scan_blocks");
            k.arg(0, in).arg(1, out).arg(2, sums).localArg(3, (long) block * Integer.BYTES).arg(4, n);
            session.launch(k, (long) blocks * groupSize, groupSize);
            if (blocks > 1) {
                try (OclBuffer offsets = session.buffer(OclBuffer.ElementType.INT, blocks)) {
                    exclusive(sums, offsets, blocks);
                    OclKernel add = program.kernel("pappus_add_offsets");
                    add.arg(0, out).arg(1, offsets).arg(2, block).arg(3, n);
                    session.launchOver(add, n, groupSize);
                }
            }
        }
    }

    /**
     * The length of what a scatter by an exclusive scan writes: the last offset plus the last
     * count, two ints read back (not the whole count column).
     *
     * @param what the operator, for the error
     * @throws IllegalStateException when it does not fit one column
     */
    static int total(OclBuffer offsets, OclBuffer counts, int n, String what) {
        int[] last = new int[2];
        offsets.read(n - 1, last, 0, 1);
        counts.read(n - 1, last, 1, 1);
        long total = (long) last[0] + last[1];
        if (last[0] < 0 || total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(what + " output of more than " + (Integer.MAX_VALUE - 8)
                    + " elements exceeds one column");
        }
        return (int) total;
    }
}
