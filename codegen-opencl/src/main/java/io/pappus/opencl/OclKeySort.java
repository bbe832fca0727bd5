package io.pappus.opencl;

import io.pappus.opencl.codegen.KeyPackWriter;
import io.pappus.opencl.codegen.PipelineProgram;
import io.pappus.opencl.runtime.OclBuffer;
import io.pappus.opencl.runtime.OclKernel;
import io.pappus.opencl.runtime.OclProgram;

import java.util.ArrayList;
import java.util.List;

/**
 * A stable sort of elements by a {@link KeyColumns} key, and the runs of equal keys after it.
 * One int, long, float or double column is keyed directly by {@link OclSort}'s fixed program;
 * any other key (a record's leaves, or a boolean, byte, short or char) is packed into 64-bit
 * sort words by a {@link KeyPackWriter} program and sorted word by word, least significant first.
 *
 * <pre>{@code
 * OclKeySort ks = new OclKeySort(OclSort.on(device));
 * OclKeySort.Ordered o = ks.order(b, key, false, n);
 * OclSort.Segments runs = ks.segments(b, o, n);   // compares every key column
 * }</pre>
 */
final class OclKeySort {
    private final OclSort sort;

    OclKeySort(OclSort sort) {
        this.sort = sort;
    }

    /**
     * A sorted key.
     *
     * @param perm  per sorted position, the input index
     * @param words the sort words in sorted order (one for a simple key)
     * @param heads the packed key's program (its {@code pappus_key_heads}), or null for a simple key
     */
    record Ordered(OclBuffer perm, List<OclBuffer> words, OclProgram heads) {
    }

    /**
     * @param b          owns the new buffers
     * @param key        the key, one row per element
     * @param descending whether the largest key comes first
     * @param n          elements, at least 1
     * @return the stable order
     */
    Ordered order(Buffers b, KeyColumns key, boolean descending, int n) {
        if (key.simple()) {
            OclBuffer bits = sort.bits(b, key.columns().get(0), key.kinds().get(0), descending, n);
            OclSort.Sorted s = sort.sort(b, bits, n, OclSort.keyBits(key.kinds().get(0)));
            return new Ordered(s.perm(), List.of(s.keys()), null);
        }
        KeyPackWriter.Pack pack = KeyPackWriter.write(key.kinds(), descending);
        OclProgram program = sort.session().program(pack.source(), PipelineProgram.BUILD_OPTIONS);
        OclKernel k = program.kernel("pappus_key_words");
        int a = 0;
        for (OclBuffer c : key.columns()) {
            k.arg(a++, c);
        }
        List<OclBuffer> words = new ArrayList<>();
        for (int j = 0; j < pack.wordBits().size(); j++) {
            OclBuffer w = b.track(sort.session().buffer(OclBuffer.ElementType.LONG, n));
            words.add(w);
            k.arg(a++, w);
        }
        k.arg(a, n);
        sort.session().launchOver(k, n, sort.groupSize());
        OclSort.SortedWords s = sort.sortWords(b, words, pack.wordBits(), n);
        return new Ordered(s.perm(), s.words(), program);
    }

    /**
     * @param b owns the new buffers
     * @param o a sorted key
     * @param n elements, at least 1
     * @return the runs of sorted elements whose keys are equal in every column
     */
    OclSort.Segments segments(Buffers b, Ordered o, int n) {
        if (o.heads() == null) {
            return sort.segments(b, o.words().get(0), n);
        }
        OclBuffer heads = b.track(sort.session().buffer(OclBuffer.ElementType.INT, n));
        OclKernel k = o.heads().kernel("pappus_key_heads");
        int a = 0;
        for (OclBuffer w : o.words()) {
            k.arg(a++, w);
        }
        k.arg(a++, heads).arg(a, n);
        sort.session().launchOver(k, n, sort.groupSize());
        return sort.segmentsOf(b, heads, n);
    }
}
