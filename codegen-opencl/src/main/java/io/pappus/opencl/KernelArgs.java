package io.pappus.opencl;

import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;
import io.pappus.opencl.runtime.OclKernel;

import java.util.List;

/** Captured IR values as kernel arguments, leaf by leaf. */
final class KernelArgs {
    private KernelArgs() {
    }

    /** Appends the leaf values of {@code value} (structs are {@code Object[]}; arrays stay whole). */
    static void flatten(Type t, Object value, List<Object> out) {
        if (t instanceof Type.Struct s) {
            Object[] fields = (Object[]) value;
            for (int i = 0; i < fields.length; i++) {
                flatten(s.fields().get(i).type(), fields[i], out);
            }
        } else if (t instanceof Type.Array) {
            out.add(value);
            out.add(java.lang.reflect.Array.getLength(value));
        } else {
            out.add(value);
        }
    }

    static void scalar(OclKernel k, int index, Object v, PrimKind kind) {
        switch (kind) {
            case LONG -> k.arg(index, (Long) v);
            case FLOAT -> k.arg(index, (Float) v);
            case DOUBLE -> k.arg(index, (Double) v);
            default -> k.arg(index, v instanceof Boolean b ? (b ? 1 : 0) : v instanceof Character c ? (int) c
                    : ((Number) v).intValue());
        }
    }
}
