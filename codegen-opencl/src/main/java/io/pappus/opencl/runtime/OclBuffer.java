package io.pappus.opencl.runtime;

import org.jocl.Pointer;
import org.jocl.cl_mem;

/**
 * A device buffer of one primitive element type. Reads and writes take ranges in elements
 * and block until done (see {@link OclSession#uploadAsync} for uploads that do not); each transfer's time is added to the session's transfer clock.
 *
 * <pre>{@code
 * try (OclBuffer b = session.buffer(ElementType.DOUBLE, n)) {
 *     b.write(xs, 0, 0, n);
 * }
 * }</pre>
 */
public final class OclBuffer implements AutoCloseable {

    /** The element types a buffer can hold, with their byte widths. */
    public enum ElementType {
        BYTE(1), SHORT(2), CHAR(2), INT(4), LONG(8), FLOAT(4), DOUBLE(8);

        private final int bytes;

        ElementType(int bytes) {
            this.bytes = bytes;
        }

        /** @return the width of one element */
        public int bytes() {
            return bytes;
        }
    }

    private final OclSession session;
    private final ElementType type;
    private final long length;
    private cl_mem mem;

    OclBuffer(OclSession session, ElementType type, long length, cl_mem mem) {
        this.session = session;
        this.type = type;
        this.length = length;
        this.mem = mem;
    }

    /** @return the element type */
    public ElementType type() {
        return type;
    }

    /** @return the length in elements */
    public long length() {
        return length;
    }

    cl_mem mem() {
        if (mem == null) {
            throw new IllegalStateException("buffer released");
        }
        return mem;
    }

    /**
     * Copies {@code count} elements of {@code src} from {@code srcOffset} to this buffer at
     * {@code dstOffset}.
     *
     * @param src       a {@code double[] float[] int[] long[] short[] char[]} or {@code byte[]}
     * @param srcOffset first element to copy
     * @param dstOffset where it goes in the buffer, in elements
     * @param count     how many elements
     */
    public void write(Object src, int srcOffset, long dstOffset, int count) {
        check(src, srcOffset, dstOffset, count);
        session.transfer(true, mem(), dstOffset * type.bytes(), (long) count * type.bytes(),
                pointer(src).withByteOffset((long) srcOffset * type.bytes()));
    }

    /**
     * Copies {@code count} elements from this buffer at {@code srcOffset} into {@code dst}.
     *
     * @param srcOffset first element in the buffer
     * @param dst       the target array (of this buffer's element type)
     * @param dstOffset where it goes in {@code dst}
     * @param count     how many elements
     */
    public void read(long srcOffset, Object dst, int dstOffset, int count) {
        check(dst, dstOffset, srcOffset, count);
        session.transfer(false, mem(), srcOffset * type.bytes(), (long) count * type.bytes(),
                pointer(dst).withByteOffset((long) dstOffset * type.bytes()));
    }

    private void check(Object array, int arrayOffset, long bufferOffset, int count) {
        int len = java.lang.reflect.Array.getLength(array);
        if (arrayOffset < 0 || count < 0 || arrayOffset + count > len || bufferOffset < 0
                || bufferOffset + count > length) {
            throw new IndexOutOfBoundsException("range " + arrayOffset + "+" + count + " of array " + len
                    + " / buffer " + bufferOffset + " of " + length);
        }
        if (elementType(array) != type) {
            throw new IllegalArgumentException(array.getClass().getSimpleName() + " does not fit a " + type + " buffer");
        }
    }

    /**
     * @param array a primitive array
     * @return its buffer element type
     */
    public static ElementType elementType(Object array) {
        if (array instanceof double[]) {
            return ElementType.DOUBLE;
        } else if (array instanceof float[]) {
            return ElementType.FLOAT;
        } else if (array instanceof int[]) {
            return ElementType.INT;
        } else if (array instanceof long[]) {
            return ElementType.LONG;
        } else if (array instanceof byte[]) {
            return ElementType.BYTE;
        } else if (array instanceof short[]) {
            return ElementType.SHORT;
        } else if (array instanceof char[]) {
            return ElementType.CHAR;
        }
        throw new IllegalArgumentException("no OpenCL buffer for " + array.getClass().getSimpleName());
    }

    private static Pointer pointer(Object array) {
        if (array instanceof double[] a) {
            return Pointer.to(a);
        } else if (array instanceof float[] a) {
            return Pointer.to(a);
        } else if (array instanceof int[] a) {
            return Pointer.to(a);
        } else if (array instanceof long[] a) {
            return Pointer.to(a);
        } else if (array instanceof short[] a) {
            return Pointer.to(a);
        } else if (array instanceof char[] a) {
            return Pointer.to(a);
        }
        return Pointer.to((byte[]) array);
    }

    @Override
    public void close() {
        if (mem != null) {
            cl_mem m = mem;
            mem = null;
            session.freed(m, Math.max(1, length) * type.bytes());
        }
    }
}
