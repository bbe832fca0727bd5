package io.pappus.place;

/**
 * A predicted run of one fragment on one device, split as the cost model adds it up:
 * {@code launch + compile + bytesIn / link + work / throughput + bytesOut / link}.
 *
 * @param device      the device
 * @param launch      fixed launch cost, ns
 * @param compile     compile cost when the fragment is not cached, else 0, ns
 * @param transferIn  input transfer, ns
 * @param compute     computation, ns
 * @param transferOut output transfer, ns
 * @param fromHistory whether {@code compute} comes from measured history (else calibration)
 */
public record Prediction(DeviceProfile device, double launch, double compile, double transferIn, double compute,
                         double transferOut, boolean fromHistory) {

    /** @return the predicted time, ns */
    public double total() {
        return launch + compile + transferIn + compute + transferOut;
    }

    /** @return the part that grows with the input: transfers and computation, ns */
    public double variable() {
        return transferIn + compute + transferOut;
    }

    /** @return e.g. {@code 1.234 ms (launch 0.020 + in 0.400 + work 0.800 + out 0.014)} */
    public String show() {
        return String.format("%s (launch %s%s + in %s + work %s%s + out %s)", ms(total()), ms(launch),
                compile > 0 ? " + compile " + ms(compile) : "", ms(transferIn), ms(compute),
                fromHistory ? " [history]" : " [calibration]", ms(transferOut));
    }

    static String ms(double nanos) {
        return String.format("%.3f ms", nanos / 1e6);
    }
}
