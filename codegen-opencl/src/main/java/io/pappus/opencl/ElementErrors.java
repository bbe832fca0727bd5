package io.pappus.opencl;

import io.pappus.exec.ElementFailure;
import io.pappus.opencl.runtime.OclBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Turns the kernel's error slots into the exception Java would have thrown for the first
 * failing element: slot 0 holds the smallest index whose lambda divided an integer by zero,
 * slot 1 the smallest whose lambda read an array out of range.
 */
final class ElementErrors {
    private ElementErrors() {
    }

    /**
     * @param errors    the kernel's two error slots
     * @param elementAt element {@code i} of the whole input, to name it (read only on failure)
     * @param from      where the kernel's range starts in the whole input
     */
    static void check(OclBuffer errors, IntFunction<Object> elementAt, int from) {
        int[] slots = new int[2];
        errors.read(0, slots, 0, 2);
        int local = Math.min(slots[0], slots[1]);
        if (local == Integer.MAX_VALUE) {
            return;
        }
        int first = from + local;
        RuntimeException e = slots[0] == local ? new ArithmeticException("/ by zero")
                : new ArrayIndexOutOfBoundsException("array index out of range");
        throw ElementFailure.attach(e, "OpenCL pipeline", first, elementAt.apply(first), null);
    }

    /** @return element {@code i} of host columns: its leaf value, or the list of leaf values */
    static Object element(List<Object> columns, int i) {
        List<Object> leaves = new ArrayList<>();
        for (Object c : columns) {
            leaves.add(java.lang.reflect.Array.get(c, i));
        }
        return leaves.size() == 1 ? leaves.get(0) : leaves;
    }
}
