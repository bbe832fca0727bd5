package io.pappus.opencl.runtime;

/**
 * Device time spent by one session since its last {@link OclSession#resetTimings()}, from
 * profiling events (start to end), split into kernels and transfers.
 *
 * @param kernelNanos   total start→end time of kernel launches
 * @param transferNanos total start→end time of reads and writes
 * @param kernelLaunches how many kernels ran
 * @param transfers      how many reads and writes ran
 */
public record OclTimings(long kernelNanos, long transferNanos, int kernelLaunches, int transfers) {

    /** No time yet. */
    public static final OclTimings ZERO = new OclTimings(0, 0, 0, 0);

    /**
     * @param earlier a reading of the same session's clock taken before this one
     * @return the time spent between the two readings
     */
    public OclTimings since(OclTimings earlier) {
        return new OclTimings(kernelNanos - earlier.kernelNanos, transferNanos - earlier.transferNanos,
                kernelLaunches - earlier.kernelLaunches, transfers - earlier.transfers);
    }

    OclTimings plusKernel(long nanos) {
        return new OclTimings(kernelNanos + nanos, transferNanos, kernelLaunches + 1, transfers);
    }

    OclTimings plusTransfer(long nanos) {
        return new OclTimings(kernelNanos, transferNanos + nanos, kernelLaunches, transfers + 1);
    }

    @Override
    public String toString() {
        return String.format("kernels %.3f ms (%d), transfers %.3f ms (%d)", kernelNanos / 1e6, kernelLaunches,
                transferNanos / 1e6, transfers);
    }
}
