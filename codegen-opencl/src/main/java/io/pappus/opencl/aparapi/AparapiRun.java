package io.pappus.opencl.aparapi;

/**
 * What one {@link AparapiStage} run did, for logs, {@code explain()} and tests.
 *
 * @param kernel        the user's kernel class
 * @param device        the device Pappus placed the stage on (its name), or null when none
 * @param ranOn         where Aparapi really ran it: the OpenCL device's name, or its fallback mode
 * @param openCl        whether every chunk ran through OpenCL ({@code isRunningCL()})
 * @param fallbackWhy   why not, when it fell back
 * @param chunks        chunks run
 * @param elements      elements in
 * @param kernelMillis  Aparapi's reported execution time, summed over the chunks
 * @param convertMillis Aparapi's bytecode-to-OpenCL conversion time (first chunk)
 */
public record AparapiRun(String kernel, String device, String ranOn, boolean openCl, String fallbackWhy, int chunks,
                         int elements, double kernelMillis, double convertMillis) {

    /** @return a few lines for {@code explain()} */
    public String explain() {
        StringBuilder b = new StringBuilder("Aparapi stage ").append(kernel).append(": placed on ")
                .append(device == null ? "no OpenCL device" : device).append(", ran on ").append(ranOn);
        if (!openCl) {
            b.append(" -- FELL BACK to the Java thread pool: ").append(fallbackWhy);
        }
        return b.append(String.format("%n%d element(s) in %d chunk(s), kernel %.3f ms, conversion %.3f ms%n", elements,
                chunks, kernelMillis, convertMillis)).toString();
    }
}
