package io.pappus.opencl;

import io.pappus.opencl.runtime.Futures;
import io.pappus.opencl.runtime.OclBuffer;
import io.pappus.opencl.runtime.OclEvent;
import io.pappus.opencl.runtime.OclSession;
import io.pappus.opencl.runtime.OclStaging;
import io.pappus.opencl.runtime.OclTimings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Streams a pipeline's input through the device in chunks with double buffering: two sets of
 * device input buffers, and while the kernels of chunk k run on the compute queue, a prefetch
 * thread copies chunk k+1 into a pinned staging area and starts its upload on the transfer
 * queue. Input already resident on the device (a {@code cache()}, or the output of the
 * query's previous device fragment) is not uploaded at all: a single chunk runs on the
 * resident buffers, several chunks are device-to-device copies. A single chunk's output can
 * stay on the device for the next fragment.
 * Device memory held: two chunks of input plus one chunk's working buffers, whatever the
 * input's size.
 *
 * <pre>{@code
 * ChunkStream.Streamed s = ChunkStream.run(pipeline, columns, null, 1 << 20, false);
 * }</pre>
 */
public final class ChunkStream {
    private static final ExecutorService PREFETCH = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pappus-ocl-prefetch");
        t.setDaemon(true);
        return t;
    });

    private ChunkStream() {
    }

    /**
     * What a streamed run did.
     *
     * @param parts         each chunk's result, in order
     * @param chunks        how many chunks
     * @param uploadedBytes input bytes sent from host memory (0 when resident)
     * @param pinned        whether uploads staged through the driver's pinned memory
     * @param timings       device time of the whole run, from profiling events
     */
    public record Streamed(List<OclResult> parts, int chunks, long uploadedBytes, boolean pinned, OclTimings timings) {
    }

    /**
     * @param p        the pipeline
     * @param columns  the input columns (whole), or null when they exist only on the device
     * @param resident the same columns already in device buffers, or null to upload from the host
     * @param chunk    elements per chunk, at least 1
     * @param keep     whether a column sink's output stays on the device when the input runs in one
     *                 chunk (then the only part's {@link OclResult#resident()} holds it)
     * @return the chunks' results
     */
    public static Streamed run(OclPipeline p, List<Object> columns, ResidentColumns resident, int chunk, boolean keep) {
        OclSession session = p.session();
        List<Object> host = columns == null ? null : p.deviceColumns(columns);
        List<OclBuffer> onDevice = resident == null ? null : resident.buffers();
        IntFunction<Object> elementAt = host != null ? i -> ElementErrors.element(host, i) : resident::element;
        int n = host != null ? java.lang.reflect.Array.getLength(host.get(0)) : resident.size();
        int chunks = Math.max(1, (int) ((n + (long) chunk - 1) / chunk));
        OclTimings before = session.timings();
        if (chunks == 1) {
            // nothing to overlap: the kernels read the resident buffers, or one plain upload
            OclResult r = onDevice != null ? p.runOn(onDevice, elementAt, 0, n, keep) : p.run(host, 0, n, keep);
            long uploaded = onDevice != null ? 0 : inputBytes(host);
            return new Streamed(List.of(r), 1, uploaded, false, session.timings().since(before));
        }
        int width = Math.min(chunk, Math.max(1, n));
        List<OclResult> parts = new ArrayList<>();
        try (Buffers device = new Buffers(session); Slots slots = new Slots(session, p.inputTypes(), width,
                onDevice == null)) {
            List<List<OclBuffer>> in = List.of(alloc(device, p.inputTypes(), width), alloc(device, p.inputTypes(), width));
            Future<List<OclEvent>> next = PREFETCH.submit(() -> fill(session, host, onDevice, slots, in, 0, 0,
                    Math.min(width, n)));
            try {
                for (int k = 0; k < chunks; k++) {
                    int from = k * width;
                    int len = Math.min(width, n - from);
                    List<OclEvent> ready = Futures.await(next, "a chunk's prefetch");
                    next = null;
                    if (k + 1 < chunks) {
                        int s = (k + 1) % 2;
                        int f = from + width;
                        next = PREFETCH.submit(() -> fill(session, host, onDevice, slots, in, s, f,
                                Math.min(width, n - f)));
                    }
                    session.complete(ready);
                    parts.add(p.runOn(in.get(k % 2), elementAt, from, len, false));
                }
            } finally {
                if (next != null) {
                    drain(session, next);
                }
            }
            return new Streamed(parts, chunks, onDevice == null ? slots.uploaded : 0, slots.pinned(),
                    session.timings().since(before));
        }
    }

    private static long inputBytes(List<Object> host) {
        long b = 0;
        for (Object c : host) {
            b += (long) java.lang.reflect.Array.getLength(c) * OclBuffer.elementType(c).bytes();
        }
        return b;
    }

    private static List<OclEvent> fill(OclSession session, List<Object> host, List<OclBuffer> resident, Slots slots,
                                       List<List<OclBuffer>> in, int slot, int from, int len) {
        List<OclEvent> events = new ArrayList<>();
        for (int j = 0; j < in.get(slot).size(); j++) {
            OclBuffer dst = in.get(slot).get(j);
            if (resident != null) {
                events.add(session.copyAsync(resident.get(j), from, dst, len));
            } else {
                OclStaging st = slots.staging.get(slot).get(j);
                st.put(host.get(j), from, len);
                OclEvent e = session.uploadAsync(st, dst, len);
                slots.uploaded += e.bytes();
                events.add(e);
            }
        }
        return events;
    }

    private static List<OclBuffer> alloc(Buffers b, List<OclBuffer.ElementType> types, int width) {
        List<OclBuffer> out = new ArrayList<>();
        for (OclBuffer.ElementType t : types) {
            out.add(b.track(b.session().buffer(t, width)));
        }
        return out;
    }

    /** A failed chunk still waits for the transfer in flight before its buffers go. */
    private static void drain(OclSession session, Future<List<OclEvent>> f) {
        try {
            session.complete(Futures.await(f, "a chunk's prefetch"));
        } catch (RuntimeException ignored) {
            // the chunk's own failure is what the caller sees
        }
    }

    /** The two pinned staging areas per input column (none for resident input). */
    private static final class Slots implements AutoCloseable {
        final List<List<OclStaging>> staging = new ArrayList<>();
        volatile long uploaded;

        Slots(OclSession session, List<OclBuffer.ElementType> types, int width, boolean needed) {
            for (int s = 0; s < 2 && needed; s++) {
                List<OclStaging> one = new ArrayList<>();
                staging.add(one);
                for (OclBuffer.ElementType t : types) {
                    one.add(session.staging(t, width));
                }
            }
        }

        boolean pinned() {
            return !staging.isEmpty() && staging.stream().flatMap(List::stream).allMatch(OclStaging::pinned);
        }

        @Override
        public void close() {
            staging.forEach(l -> l.forEach(OclStaging::close));
        }
    }
}
