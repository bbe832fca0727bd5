package io.pappus.opencl.coexec;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The one queue every device pulls input ranges from (CX's self-scheduling): each takes the
 * next {@code size} elements when it is free, so a faster device simply takes more ranges.
 */
final class ChunkQueue {
    private final int n;
    private final AtomicLong next = new AtomicLong();

    /** @param n the number of elements */
    ChunkQueue(int n) {
        this.n = n;
    }

    /**
     * @param size how many elements the caller wants
     * @return {@code [from, to)}, or null when the input is used up
     */
    int[] take(int size) {
        long from = next.getAndAdd(size);
        return from >= n ? null : new int[] {(int) from, (int) Math.min(n, from + size)};
    }

    /** @return elements not yet taken */
    int remaining() {
        return (int) Math.max(0, n - next.get());
    }
}
