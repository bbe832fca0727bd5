package io.pappus.opencl.exec;

import io.pappus.ir.Type;
import io.pappus.opencl.codegen.ReduceOp;

/** Java's +, Math.min and Math.max on boxed primitives, for combining partial results on the host. */
final class Combine {
    private Combine() {
    }

    static Object apply(ReduceOp op, Object a, Object b) {
        if (a instanceof Double x) {
            double y = (Double) b;
            return op == ReduceOp.SUM ? x + y : op == ReduceOp.MIN ? Math.min(x, y) : Math.max(x, y);
        } else if (a instanceof Float x) {
            float y = (Float) b;
            return op == ReduceOp.SUM ? x + y : op == ReduceOp.MIN ? Math.min(x, y) : Math.max(x, y);
        } else if (a instanceof Long x) {
            long y = (Long) b;
            return op == ReduceOp.SUM ? x + y : op == ReduceOp.MIN ? Math.min(x, y) : Math.max(x, y);
        } else if (a instanceof Integer x) {
            int y = (Integer) b;
            return op == ReduceOp.SUM ? x + y : op == ReduceOp.MIN ? Math.min(x, y) : Math.max(x, y);
        }
        throw new AssertionError(a);
    }

    /** @return the zero of a sum over nothing */
    static Object zero(Type t) {
        if (t.equals(Type.DOUBLE)) {
            return 0.0;
        } else if (t.equals(Type.FLOAT)) {
            return 0f;
        } else if (t.equals(Type.LONG)) {
            return 0L;
        }
        return 0;
    }
}
