package io.pappus.opencl.codegen;

import io.pappus.ir.LiftedLambda;
import io.pappus.ir.Type;

import java.util.List;

/**
 * A lambda as OpenCL C functions. Its entry {@code mainName} takes {@code int* err}, then the
 * leaves of each captured value, then the leaves of each argument, then, when the result is
 * a struct, one out-pointer per result leaf (and returns {@code void}); a primitive result is
 * returned.
 *
 * @param lambda        the IR it came from
 * @param mainName      the C name of the entry function
 * @param functions     prototypes and definitions of the entry and its helpers
 * @param captureLeaves the C parameters of each captured value, in order
 * @param argLeaves     the C parameters of each argument, in order
 * @param result        the result type
 * @param resultLeaves  the result's leaves (one for a primitive)
 * @param context       helpers used and whether double precision is needed
 */
public record TranslatedLambda(LiftedLambda lambda, String mainName, String functions,
                               List<List<Leaf>> captureLeaves, List<List<Leaf>> argLeaves,
                               Type result, List<Leaf> resultLeaves, UnitContext context) {

    /** @return whether the code needs {@code cl_khr_fp64} */
    public boolean needsFp64() {
        return context.fp64();
    }
}
