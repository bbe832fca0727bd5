package io.pappus.cluster.run;

import io.pappus.api.query.Source;
import io.pappus.cluster.remote.Chunk;
import io.pappus.cluster.remote.IrValueCheck;
import io.pappus.ir.Type;
import io.pappus.lift.IrValues;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a source into contiguous chunks of nearly equal size, columnar: primitive sources as
 * slices of their arrays, ranges as {@code int[]}, objects as {@code Object[]} of IR values.
 */
public final class Chunker {
    private Chunker() {
    }

    /**
     * @param size        the number of elements
     * @param members     the cluster's data members
     * @param minElements the fewest elements worth a chunk of their own
     * @param perMember   the most chunks per member
     * @return how many chunks to cut: 0 for an empty source
     */
    public static int count(int size, int members, int minElements, int perMember) {
        if (size == 0) {
            return 0;
        }
        long byData = (size + (long) minElements - 1) / minElements;
        return (int) Math.max(1, Math.min(byData, (long) Math.max(1, members) * perMember));
    }

    /**
     * @param s      a source
     * @param t      the IR type of its elements
     * @param chunks how many chunks
     * @return the chunks, in source order
     * @throws NotShippableException when an element is not a Java value of type {@code t}
     */
    public static List<Chunk> split(Source s, Type t, int chunks) {
        double[] equal = new double[chunks];
        Arrays.fill(equal, 1.0);
        return split(s, t, equal);
    }

    /**
     * @param s       a source
     * @param t       the IR type of its elements
     * @param weights one positive weight per chunk: each chunk's share of the elements
     * @return the chunks, in source order, contiguous, sized in proportion to the weights
     * @throws NotShippableException when an element is not a Java value of type {@code t}
     */
    public static List<Chunk> split(Source s, Type t, double[] weights) {
        double total = 0.0;
        for (double w : weights) {
            total += w;
        }
        List<Chunk> out = new ArrayList<>(weights.length);
        double seen = 0.0;
        int from = 0;
        for (int c = 0; c < weights.length; c++) {
            seen += weights[c];
            int to = c == weights.length - 1 ? s.size() : (int) Math.min(s.size(), Math.round(s.size() * (seen / total)));
            out.add(new Chunk(t, column(s, t, from, to)));
            from = to;
        }
        return out;
    }

    private static Object column(Source s, Type t, int from, int to) {
        switch (s.kind()) {
            case DOUBLES:
                return Arrays.copyOfRange((double[]) s.data(), from, to);
            case FLOATS:
                return Arrays.copyOfRange((float[]) s.data(), from, to);
            case INTS:
                return Arrays.copyOfRange((int[]) s.data(), from, to);
            case LONGS:
                return Arrays.copyOfRange((long[]) s.data(), from, to);
            case RANGE: {
                int[] xs = new int[to - from];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = s.rangeStart() + from + i;
                }
                return xs;
            }
            case OBJECTS: {
                Object[] xs = new Object[to - from];
                for (int i = 0; i < xs.length; i++) {
                    Object v = s.element(from + i);
                    try {
                        xs[i] = IrValues.toIr(v, t);
                    } catch (RuntimeException e) {
                        throw new NotShippableException("element " + (from + i) + " is not a " + t.show() + ": " + e);
                    }
                    if (!IrValueCheck.conforms(xs[i], t)) {
                        throw new NotShippableException("element " + (from + i) + " (" + v + ") is not a " + t.show());
                    }
                }
                return xs;
            }
            default:
                throw new AssertionError(s.kind());
        }
    }
}
