package io.pappus.opencl.exec;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;
import io.pappus.opencl.runtime.DeviceInfo;

/**
 * How many elements one device run may take so that its buffers (two chunks of input columns
 * for double buffering, staged and compacted output columns, flags, positions and the scan's
 * block sums, plus a fixed reserve for error slots and reduction partials) stay within the
 * device-memory budget: system
 * property {@code pappus.opencl.maxBufferBytes}, default a quarter of the device's global
 * memory; no single buffer exceeds the device's largest allocation either.
 */
public final class MemoryBudget {
    /** System property: the most bytes of device memory one fragment run may hold at once. */
    public static final String PROPERTY = "pappus.opencl.maxBufferBytes";
    private static final int MIN_CHUNK = 256;
    /** Error slots, reduction partials and counts: a few hundred groups at most. */
    private static final long RESERVE = 16 << 10;

    private MemoryBudget() {
    }

    /** @return the budget in bytes */
    public static long bytes(DeviceInfo device) {
        Long set = Long.getLong(PROPERTY);
        return set != null && set > 0 ? set : Math.max(1L << 20, device.globalMemory() / 4);
    }

    static int chunkElements(DeviceInfo device, ColumnLayout in, ColumnLayout out) {
        return chunkElements(device, in, out, 1);
    }

    /** @param fanOut the most output elements one input element gives (a fused flatMap stages K per input) */
    static int chunkElements(DeviceInfo device, ColumnLayout in, ColumnLayout out, int fanOut) {
        long perElement = 2L * Integer.BYTES + 1;  // flags, positions and block sums of a compaction
        int widest = 1;
        for (ColumnLayout.Leaf l : in.leaves()) {
            perElement += 2L * width(l.type());  // the chunk computing and the next one arriving
            widest = Math.max(widest, width(l.type()));
        }
        for (ColumnLayout.Leaf l : out.leaves()) {
            perElement += 2L * fanOut * width(l.type());  // staged and compacted
            widest = Math.max(widest, fanOut * width(l.type()));
        }
        long n = Math.min(Math.max(0, bytes(device) - RESERVE) / perElement, device.maxAlloc() / widest);
        // a fused flatMap stages and counts n*K values with int positions
        return (int) Math.max(MIN_CHUNK, Math.min((Integer.MAX_VALUE - 64L) / fanOut, n));
    }

    private static int width(Type t) {
        PrimKind k = t instanceof Type.Prim p ? p.kind() : PrimKind.LONG;
        return switch (k) {
            case BOOLEAN, BYTE -> 1;
            case SHORT, CHAR -> 2;
            case INT, FLOAT -> 4;
            case LONG, DOUBLE -> 8;
        };
    }
}
