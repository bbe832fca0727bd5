package io.pappus.opencl;

import io.pappus.ir.PrimKind;
import io.pappus.opencl.runtime.OclBuffer;
import io.pappus.opencl.runtime.OclSession;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns of one data set held in device buffers, one buffer per primitive leaf in device
 * layout (booleans as bytes): how a {@code cache()}'s columns stay on the device across
 * queries, and how one fragment's output reaches the next fragment of a query without crossing
 * the bus. Buffers may be longer than {@link #size()}; only the first {@code size} elements
 * count. The holder owns the buffers: {@link #close()} gives them back.
 *
 * <pre>{@code
 * try (ResidentColumns c = ResidentColumns.upload(session, List.of(xs), List.of(PrimKind.DOUBLE))) {
 *     OclResult sorted = ...;   // kernels read c.buffers()
 * }
 * }</pre>
 */
public final class ResidentColumns implements AutoCloseable {
    private final List<OclBuffer> buffers;
    private final List<PrimKind> kinds;
    private final int size;

    /**
     * @param buffers one buffer per column, now owned by these columns
     * @param kinds   each column's kind
     * @param size    elements
     */
    public ResidentColumns(List<OclBuffer> buffers, List<PrimKind> kinds, int size) {
        if (buffers.size() != kinds.size()) {
            throw new IllegalArgumentException(buffers.size() + " buffers for " + kinds.size() + " columns");
        }
        this.buffers = List.copyOf(buffers);
        this.kinds = List.copyOf(kinds);
        this.size = size;
    }

    /**
     * Copies host columns to new device buffers (blocking).
     *
     * @param session the device's session
     * @param columns host arrays in device layout, each at least {@code size} long
     * @param kinds   each column's kind
     * @param size    elements to copy
     * @return the resident copy
     */
    public static ResidentColumns upload(OclSession session, List<Object> columns, List<PrimKind> kinds, int size) {
        List<OclBuffer> out = new ArrayList<>();
        try {
            for (Object c : columns) {
                OclBuffer b = session.buffer(OclBuffer.elementType(c), size);
                out.add(b);
                if (size > 0) {
                    b.write(c, 0, 0, size);
                }
            }
        } catch (RuntimeException e) {
            out.forEach(OclBuffer::close);
            throw e;
        }
        return new ResidentColumns(out, kinds, size);
    }

    /** @return one buffer per column */
    public List<OclBuffer> buffers() {
        return buffers;
    }

    /** @return each column's kind */
    public List<PrimKind> kinds() {
        return kinds;
    }

    /** @return elements */
    public int size() {
        return size;
    }

    /** @return the bytes the columns' elements take on the device (and on the bus) */
    public long bytes() {
        long b = 0;
        for (OclBuffer buf : buffers) {
            b += (long) size * buf.type().bytes();
        }
        return b;
    }

    /**
     * Copies the columns back to the host (blocking).
     *
     * @return one host array per column, {@code size} long ({@code boolean[]} for booleans)
     */
    public List<Object> download() {
        List<Object> out = new ArrayList<>();
        for (int j = 0; j < buffers.size(); j++) {
            Object arr = ColumnArrays.newArray(kinds.get(j), size);
            if (size > 0) {
                buffers.get(j).read(0, arr, 0, size);
            }
            out.add(ColumnArrays.fromDevice(arr, kinds.get(j)));
        }
        return out;
    }

    /**
     * Reads one element, to name it in an error.
     *
     * @param i its index
     * @return its leaf value, or the list of leaf values for several columns
     */
    public Object element(int i) {
        List<Object> leaves = new ArrayList<>();
        for (int j = 0; j < buffers.size(); j++) {
            Object one = ColumnArrays.newArray(kinds.get(j), 1);
            buffers.get(j).read(i, one, 0, 1);
            leaves.add(java.lang.reflect.Array.get(ColumnArrays.fromDevice(one, kinds.get(j)), 0));
        }
        return leaves.size() == 1 ? leaves.get(0) : leaves;
    }

    @Override
    public void close() {
        buffers.forEach(OclBuffer::close);
    }
}
