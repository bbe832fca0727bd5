package io.pappus.opencl;

import io.pappus.exec.ElementFailure;
import io.pappus.opencl.runtime.OclBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the kernel's error slots into the exception Java would have thrown for the first
 * failing element: slot 0 holds the smallest index whose lambda divided an integer by zero,
 * slot 1 the smallest whose lambda read an array out of range.
 */
final class ElementErrors {
    private ElementErrors() {
    }

    static void check(OclBuffer errors, List<Object> columns, int from) {
        int[] slots = new int[2];
        errors.read(0, slots, 0, 2);
        int local = Math.min(slots[0], slots[1]);
        if (local == Integer.MAX_VALUE) {
            return;
        }
        int first = from + local;
        RuntimeException e = slots[0] == local ? new ArithmeticException("/ by zero")
                : new ArrayIndexOutOfBoundsException("array index out of range");
        throw ElementFailure.attach(e, "OpenCL pipeline", first, element(columns, first), null);
    }

    private static Object element(List<Object> columns, int i) {
        List<Object> leaves = new ArrayList<>();
        for (Object c : columns) {
            leaves.add(java.lang.reflect.Array.get(c, i));
        }
        return leaves.size() == 1 ? leaves.get(0) : leaves;
    }
}
