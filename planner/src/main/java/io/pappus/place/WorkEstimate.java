package io.pappus.place;

/**
 * How much one fragment run moves and computes, before it runs.
 *
 * @param signature      the fragment's shape without its constants ({@link FragmentSignature})
 * @param elements       input elements
 * @param bytesIn        bytes the device must read from the host
 * @param bytesOut       bytes the host must read back
 * @param workPerElement abstract work per input element (about one unit per arithmetic operation)
 */
public record WorkEstimate(String signature, long elements, long bytesIn, long bytesOut, double workPerElement) {

    /** @return total work units */
    public double work() {
        return elements * workPerElement;
    }

    /**
     * @param n another element count
     * @return the same fragment over {@code n} elements, bytes scaled alike
     */
    public WorkEstimate withElements(long n) {
        double f = elements == 0 ? 0 : (double) n / elements;
        return new WorkEstimate(signature, n, Math.round(bytesIn * f), elements == 0 ? bytesOut : Math.round(bytesOut * f),
                workPerElement);
    }

    /**
     * @param in  bytes the device must read from the host
     * @param out bytes the host must read back
     * @return the same work with other transfers
     */
    public WorkEstimate withBytes(long in, long out) {
        return new WorkEstimate(signature, elements, in, out, workPerElement);
    }
}
