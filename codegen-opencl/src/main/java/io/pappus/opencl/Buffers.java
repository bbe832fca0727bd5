package io.pappus.opencl;

import io.pappus.ir.PrimKind;
import io.pappus.opencl.runtime.OclBuffer;
import io.pappus.opencl.runtime.OclSession;

import java.util.ArrayList;
import java.util.List;

/** The device buffers of one pipeline run, released together. */
final class Buffers implements AutoCloseable {
    private final OclSession session;
    private final List<OclBuffer> all = new ArrayList<>();

    Buffers(OclSession session) {
        this.session = session;
    }

    OclSession session() {
        return session;
    }

    OclBuffer track(OclBuffer b) {
        all.add(b);
        return b;
    }

    /**
     * @param b a buffer of this run
     * @return it, no longer released with the others: the caller owns it now
     */
    OclBuffer keep(OclBuffer b) {
        all.remove(b);
        return b;
    }

    OclBuffer upload(Object array) {
        int n = java.lang.reflect.Array.getLength(array);
        OclBuffer b = track(session.buffer(OclBuffer.elementType(array), n));
        b.write(array, 0, 0, n);
        return b;
    }

    OclBuffer upload(Object array, int from, int n) {
        OclBuffer b = track(session.buffer(OclBuffer.elementType(array), n));
        if (n > 0) {
            b.write(array, from, 0, n);
        }
        return b;
    }

    OclBuffer alloc(PrimKind kind, int n) {
        return track(session.buffer(ColumnArrays.elementType(kind), n));
    }

    @Override
    public void close() {
        all.forEach(OclBuffer::close);
    }
}
