package io.pappus.place;

/**
 * One device considered for one fragment.
 *
 * @param device      the device
 * @param eligibility whether it can run the fragment
 * @param prediction  its predicted time, or null when not eligible
 */
public record Candidate(DeviceProfile device, Eligibility eligibility, Prediction prediction) {

    /** @return the predicted time, or infinity when not eligible */
    public double total() {
        return prediction == null ? Double.POSITIVE_INFINITY : prediction.total();
    }
}
