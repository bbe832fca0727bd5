package io.pappus.lift;

import io.pappus.ir.Type;

/**
 * Which captured values may travel with lifted IR: primitives (captured boxed), strings,
 * records and read-only arrays of primitives, records or arrays, the shapes a device can hold.
 */
final class Captures {
    private Captures() {
    }

    /** @return why {@code value} of IR type {@code t} cannot be captured, or {@code null} if it can */
    static String problem(Object value, Type t) {
        if (value == null) {
            return "captures null";
        }
        if (t instanceof Type.Prim || t instanceof Type.Str) {
            return null;
        }
        if (t instanceof Type.Struct s) {
            return JavaTypes.isComplete(s) ? null : "captures a " + s.className() + " with components of unknown type";
        }
        if (t instanceof Type.Array a) {
            Type e = a.element();
            boolean ok = (e instanceof Type.Prim || e instanceof Type.Struct || e instanceof Type.Array)
                    && JavaTypes.isComplete(e);
            return ok ? null : "captures a " + value.getClass().getSimpleName() + " (arrays of primitives, records"
                    + " or arrays only)";
        }
        return "captures a " + value.getClass().getName();
    }
}
