package io.pappus.opencl.codegen;

import io.pappus.ir.PrimKind;

import java.util.List;

/**
 * A generated OpenCL program for one fused pipeline, with what the host needs to launch it.
 * Kernel parameters, in order (the host binds them in this order):
 * <ul>
 * <li>{@code <id>_map}: input leaves, capture leaves, output leaves, {@code errors}, {@code n}</li>
 * <li>{@code <id>_flags}: input leaves, capture leaves, staging leaves, {@code keep}, {@code errors}, {@code n}</li>
 * <li>{@code <id>_scatter}: staging leaves, {@code keep}, {@code pos}, output leaves, {@code n}</li>
 * <li>with a fan (a fused flatMap, {@link #fanSlots()} K &gt; 0) {@code keep} holds each input element's
 *     count of kept elements, its staged values sit at {@code [i*K + j]} (staging buffers of n*K), and
 *     scatter writes {@code out[pos[i] + j]} for {@code j < keep[i]}: input order, then list order</li>
 * <li>{@code <id>_reduce}: input leaves, capture leaves, {@code partials}, {@code partial_counts},
 *     {@code __local scratch}, {@code __local scratch_counts}, {@code identity}, {@code errors}, {@code n}</li>
 * <li>{@code pappus_scan_blocks}: {@code in}, {@code out}, {@code block_sums}, {@code __local tmp}, {@code n}</li>
 * <li>{@code pappus_add_offsets}: {@code data}, {@code offsets}, {@code block}, {@code n}</li>
 * </ul>
 *
 * @param kernelPrefix the kernels' name prefix (the sanitized fragment id)
 * @param source       the OpenCL C source
 * @param mode         which kernels it has
 * @param inputLeaves  the element's input columns
 * @param stages       the translated stage lambdas, in order
 * @param outputLeaves the result columns (the last map's result, or the input)
 * @param reduceKind   for a reduction, the C kind of the partials ({@code INT} for COUNT)
 * @param needsFp64    whether the program uses {@code double}
 * @param fanSlots     K, the slots of a fused flatMap's fan (its first stage), or 0 without one
 */
public record PipelineProgram(String kernelPrefix, String source, Mode mode, List<Leaf> inputLeaves, List<TranslatedLambda> stages,
                              List<Leaf> outputLeaves, PrimKind reduceKind, boolean needsFp64,
                              int fanSlots) {

    /** The kernels a program holds. */
    public enum Mode {
        /** Maps only: one kernel writes output columns. */
        MAP,
        /** With filters or a fan: flags (or counts), prefix sum, scatter. */
        COMPACT,
        /** A reduction into per-work-group partials. */
        REDUCE
    }

    /** Build options every pipeline program is compiled with (Java's float division and sqrt). */
    public static final String BUILD_OPTIONS = "-cl-fp32-correctly-rounded-divide-sqrt";
}
