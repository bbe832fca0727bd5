package io.pappus.opencl.runtime;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Idle driver allocations of one session kept for reuse, keyed by their exact size in bytes,
 * within a byte limit (oldest released first). Fresh device or pinned memory is paid for at
 * first touch (the driver faults in and zeroes every page: on PoCL an 80 MB write to a new
 * buffer took ~0.9 s, to a reused one ~30-100 ms), so repeated queries of the same shape
 * reuse their buffers instead.
 *
 * @param <T> the pooled handle
 */
final class ReusePool<T> {
    private final long limit;
    private final Consumer<T> release;
    private final Map<Long, ArrayDeque<T>> idle = new LinkedHashMap<>();
    private long bytes;
    private long reuses;

    ReusePool(long limit, Consumer<T> release) {
        this.limit = limit;
        this.release = release;
    }

    /** @return an idle allocation of exactly {@code size} bytes, or null */
    synchronized T take(long size) {
        ArrayDeque<T> q = idle.get(size);
        if (q == null || q.isEmpty()) {
            return null;
        }
        bytes -= size;
        reuses++;
        T t = q.pollLast();
        if (q.isEmpty()) {
            idle.remove(size);
        }
        return t;
    }

    /** Keeps {@code t} for reuse, or releases it (and older idle ones) to stay within the limit. */
    synchronized void give(T t, long size) {
        if (size > limit) {
            release.accept(t);
            return;
        }
        for (Iterator<Map.Entry<Long, ArrayDeque<T>>> it = idle.entrySet().iterator(); it.hasNext()
                && bytes + size > limit; ) {
            Map.Entry<Long, ArrayDeque<T>> e = it.next();
            while (!e.getValue().isEmpty() && bytes + size > limit) {
                release.accept(e.getValue().pollFirst());
                bytes -= e.getKey();
            }
            if (e.getValue().isEmpty()) {
                it.remove();
            }
        }
        idle.computeIfAbsent(size, k -> new ArrayDeque<>()).addLast(t);
        bytes += size;
    }

    /** @return bytes held idle */
    synchronized long bytes() {
        return bytes;
    }

    /** @return how many requests were served from the pool */
    synchronized long reuses() {
        return reuses;
    }

    /** Releases every idle allocation. */
    synchronized void clear() {
        idle.forEach((size, q) -> q.forEach(release));
        idle.clear();
        bytes = 0;
    }
}
