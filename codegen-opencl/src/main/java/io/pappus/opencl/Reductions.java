package io.pappus.opencl;

import io.pappus.ir.PrimKind;
import io.pappus.opencl.codegen.ReduceOp;

/** Identities of the reductions and the host's final pass over per-group partials. */
final class Reductions {
    private Reductions() {
    }

    /** Floating sums start from -0.0, the exact identity of + (0.0 + -0.0 is 0.0), so a sum of -0.0s stays -0.0 as in Java. */
    static Object identity(ReduceOp op, PrimKind kind) {
        boolean min = op == ReduceOp.MIN;
        boolean max = op == ReduceOp.MAX;
        return switch (kind) {
            case LONG -> min ? Long.MAX_VALUE : max ? Long.MIN_VALUE : 0L;
            case FLOAT -> min ? Float.POSITIVE_INFINITY : max ? Float.NEGATIVE_INFINITY : -0f;
            case DOUBLE -> min ? Double.POSITIVE_INFINITY : max ? Double.NEGATIVE_INFINITY : -0d;
            default -> min ? Integer.MAX_VALUE : max ? Integer.MIN_VALUE : 0;
        };
    }

    /** Combines the partials in order, with Java's operators. */
    static Object finish(ReduceOp op, Object partials, Object identity) {
        if (partials instanceof double[] a) {
            double acc = (Double) identity;
            for (double x : a) {
                acc = op == ReduceOp.SUM ? acc + x : op == ReduceOp.MIN ? Math.min(acc, x) : Math.max(acc, x);
            }
            return acc;
        } else if (partials instanceof float[] a) {
            float acc = (Float) identity;
            for (float x : a) {
                acc = op == ReduceOp.SUM ? acc + x : op == ReduceOp.MIN ? Math.min(acc, x) : Math.max(acc, x);
            }
            return acc;
        } else if (partials instanceof long[] a) {
            long acc = (Long) identity;
            for (long x : a) {
                acc = op == ReduceOp.SUM ? acc + x : op == ReduceOp.MIN ? Math.min(acc, x) : Math.max(acc, x);
            }
            return acc;
        }
        int acc = (Integer) identity;
        for (int x : (int[]) partials) {
            acc = op == ReduceOp.SUM ? acc + x : op == ReduceOp.MIN ? Math.min(acc, x) : Math.max(acc, x);
        }
        return acc;
    }
}
