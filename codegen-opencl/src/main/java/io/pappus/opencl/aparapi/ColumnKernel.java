package io.pappus.opencl.aparapi;

/**
 * What a user's Aparapi {@code Kernel} implements to run as an {@link AparapiStage}: before
 * each chunk, Pappus hands it the chunk's input columns and the output columns to fill, and
 * the kernel keeps them in its own array fields, which its {@code run()} reads and writes at
 * {@code getGlobalId()}. {@code bind} runs on the host only; Aparapi never translates it.
 *
 * <pre>{@code
 * final class Square extends Kernel implements ColumnKernel {
 *     private double[] in;
 *     private double[] out;
 *
 *     public void bind(Object[] inputs, Object[] outputs) {
 *         in = (double[]) inputs[0];
 *         out = (double[]) outputs[0];
 *     }
 *
 *     public void run() {
 *         int i = getGlobalId();
 *         out[i] = in[i] * in[i];
 *     }
 * }
 * }</pre>
 */
public interface ColumnKernel {
    /**
     * @param inputs  one primitive array per input column, chunk-sized
     * @param outputs one primitive array per output column, chunk-sized, to be written
     */
    void bind(Object[] inputs, Object[] outputs);
}
