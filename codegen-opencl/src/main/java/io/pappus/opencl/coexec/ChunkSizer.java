package io.pappus.opencl.coexec;

/**
 * One device's chunk size, adapted to the rate it measures: each chunk should take about
 * {@link #TARGET_NANOS}, so launch costs stay small against it; near the end of the queue a
 * device takes no more than its share of what is left, so the devices finish together.
 */
final class ChunkSizer {
    static final double TARGET_NANOS = 15e6;
    static final int MIN = 1 << 15;
    private final int max;
    private double rate;  // elements per ns, weighted mean

    /**
     * @param predictedRate the cost model's elements per ns for this device
     * @param max           the largest chunk the device takes
     */
    ChunkSizer(double predictedRate, int max) {
        this.rate = predictedRate;
        this.max = Math.max(MIN, max);
    }

    /**
     * @param remaining elements left in the queue
     * @param share     this device's share of the total rate, in (0, 1]
     * @return the next chunk's size
     */
    int next(int remaining, double share) {
        double want = rate * TARGET_NANOS;
        double tail = remaining * share / 2;
        return (int) Math.max(MIN, Math.min(max, Math.min(want, Math.max(MIN, tail))));
    }

    /**
     * @param elements a chunk's elements
     * @param nanos    its measured time
     */
    void measured(int elements, long nanos) {
        double r = elements / (double) Math.max(1, nanos);
        rate = rate <= 0 ? r : 0.5 * rate + 0.5 * r;
    }

    /** @return the current rate, elements per ns */
    double rate() {
        return rate;
    }
}
