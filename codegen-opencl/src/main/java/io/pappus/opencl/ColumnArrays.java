package io.pappus.opencl;

import io.pappus.ir.PrimKind;
import io.pappus.opencl.runtime.OclBuffer;

/** Host column arrays in and out of their device layout (booleans as bytes 0/1). */
final class ColumnArrays {
    private ColumnArrays() {
    }

    static OclBuffer.ElementType elementType(PrimKind kind) {
        return switch (kind) {
            case BOOLEAN, BYTE -> OclBuffer.ElementType.BYTE;
            case INT -> OclBuffer.ElementType.INT;
            case LONG -> OclBuffer.ElementType.LONG;
            case FLOAT -> OclBuffer.ElementType.FLOAT;
            case DOUBLE -> OclBuffer.ElementType.DOUBLE;
            case SHORT -> OclBuffer.ElementType.SHORT;
            case CHAR -> OclBuffer.ElementType.CHAR;
        };
    }

    static Object newArray(PrimKind kind, int n) {
        return switch (elementType(kind)) {
            case BYTE -> new byte[n];
            case SHORT -> new short[n];
            case CHAR -> new char[n];
            case INT -> new int[n];
            case LONG -> new long[n];
            case FLOAT -> new float[n];
            case DOUBLE -> new double[n];
        };
    }

    /**
     * @param column a host array
     * @param kind   the leaf's kind
     * @param n      the expected length, or -1 for any
     * @return the array in device layout
     */
    static Object toDevice(Object column, PrimKind kind, int n) {
        if (n >= 0 && java.lang.reflect.Array.getLength(column) != n) {
            throw new IllegalArgumentException("columns differ in length: " + java.lang.reflect.Array.getLength(column)
                    + " vs " + n);
        }
        if (column instanceof boolean[] bs) {
            byte[] out = new byte[bs.length];
            for (int i = 0; i < bs.length; i++) {
                out[i] = (byte) (bs[i] ? 1 : 0);
            }
            column = out;
        }
        if (OclBuffer.elementType(column) != elementType(kind)) {
            throw new IllegalArgumentException(column.getClass().getSimpleName() + " given for a " + kind.javaName() + " column");
        }
        return column;
    }

    static Object fromDevice(Object array, PrimKind kind) {
        if (kind != PrimKind.BOOLEAN) {
            return array;
        }
        byte[] bs = (byte[]) array;
        boolean[] out = new boolean[bs.length];
        for (int i = 0; i < bs.length; i++) {
            out[i] = bs[i] != 0;
        }
        return out;
    }
}
