package io.pappus.opencl.runtime;

import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_mem;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A host staging area for uploads that do not block: pinned memory from the driver
 * ({@code CL_MEM_ALLOC_HOST_PTR}, mapped once) where it offers it, else a direct
 * {@link ByteBuffer}. Java arrays move and cannot be the source of an asynchronous copy; a
 * chunk is first copied here, then {@link OclSession#uploadAsync} sends it while the device
 * computes on the previous chunk.
 *
 * <pre>{@code
 * try (OclStaging s = session.staging(ElementType.DOUBLE, chunk)) {
 *     s.put(xs, from, n);
 *     OclEvent e = session.uploadAsync(s, buffer, n);
 * }
 * }</pre>
 */
public final class OclStaging implements AutoCloseable {
    private final OclSession session;
    private OclBuffer.ElementType type;
    private long length;
    private final cl_mem pinned;
    private final ByteBuffer host;
    private boolean closed;

    private OclStaging(OclSession session, OclBuffer.ElementType type, long length, cl_mem pinned, ByteBuffer host) {
        this.session = session;
        this.type = type;
        this.length = length;
        this.pinned = pinned;
        this.host = host.order(ByteOrder.nativeOrder());
    }

    static OclStaging open(OclSession session, OclBuffer.ElementType type, long length) {
        long bytes = Math.max(1, length) * type.bytes();
        if (bytes > Integer.MAX_VALUE) {
            throw new OclException("staging area of " + bytes + " bytes is larger than a Java buffer", null);
        }
        cl_mem mem = null;
        try {
            mem = CL.clCreateBuffer(session.context(), CL.CL_MEM_READ_ONLY | CL.CL_MEM_ALLOC_HOST_PTR, bytes, null, null);
            ByteBuffer mapped = CL.clEnqueueMapBuffer(session.transferQueue(), mem, CL.CL_TRUE, CL.CL_MAP_WRITE, 0,
                    bytes, 0, null, null, null);
            return new OclStaging(session, type, length, mem, mapped);
        } catch (CLException | OutOfMemoryError e) {
            if (mem != null) {
                CL.clReleaseMemObject(mem);
            }
            session.notePinnedUnavailable(e.toString());
            return new OclStaging(session, type, length, null, ByteBuffer.allocateDirect((int) bytes));
        }
    }

    /** @return whether the memory is the driver's pinned memory (else a direct buffer) */
    public boolean pinned() {
        return pinned != null;
    }

    /** @return the element type */
    public OclBuffer.ElementType type() {
        return type;
    }

    /** @return capacity in elements */
    public long length() {
        return length;
    }

    /**
     * Copies {@code n} elements of {@code array} from {@code from} to the start of this area.
     *
     * @param array a primitive array of this area's element type
     * @param from  the first element
     * @param n     how many
     */
    public void put(Object array, int from, int n) {
        if (OclBuffer.elementType(array) != type || n > length) {
            throw new IllegalArgumentException(array.getClass().getSimpleName() + "[" + n + "] does not fit staging "
                    + type + "[" + length + "]");
        }
        ByteBuffer b = host.duplicate().order(ByteOrder.nativeOrder());
        b.clear();
        switch (type) {
            case DOUBLE -> b.asDoubleBuffer().put((double[]) array, from, n);
            case FLOAT -> b.asFloatBuffer().put((float[]) array, from, n);
            case INT -> b.asIntBuffer().put((int[]) array, from, n);
            case LONG -> b.asLongBuffer().put((long[]) array, from, n);
            case SHORT -> b.asShortBuffer().put((short[]) array, from, n);
            case CHAR -> b.asCharBuffer().put((char[]) array, from, n);
            case BYTE -> b.put((byte[]) array, from, n);
        }
    }

    Pointer pointer() {
        return Pointer.to(host);
    }

    /** Returns the area to the session's pool for the next run of the same shape. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        session.stagingDone(this);
    }

    /** Reuses the area (of the same byte size) for another element type. */
    OclStaging reopen(OclBuffer.ElementType type, long length) {
        this.type = type;
        this.length = length;
        closed = false;
        return this;
    }

    long bytes() {
        return Math.max(1, length) * type.bytes();
    }

    /** Gives the memory back to the driver (from the pool). */
    void release() {
        if (pinned != null) {
            CL.clEnqueueUnmapMemObject(session.transferQueue(), pinned, host, 0, null, null);
            CL.clFinish(session.transferQueue());
            CL.clReleaseMemObject(pinned);
        }
    }
}
