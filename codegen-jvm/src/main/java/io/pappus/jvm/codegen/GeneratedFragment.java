package io.pappus.jvm.codegen;

import io.pappus.plan.LambdaSite;
import io.pappus.plan.fragment.Fragment;

import java.util.List;

/**
 * The Java source of one fragment and the values its {@code refs[]} binds for this run.
 *
 * @param fragment   the fragment
 * @param className  the generated class's simple name
 * @param source     the complete compilation unit; also the class cache's key
 * @param refs       captured values, opaque lambdas and converters, in field order
 * @param sources    where each slot of {@code refs} comes from, to bind a fragment of the same
 *                   shape without generating it again
 * @param predicated whether the loop is the branch-free predicated form
 * @param reads      the leaves of the input the loop reads (the executor may leave the others'
 *                   columns null when it lays out records)
 */
public record GeneratedFragment(Fragment fragment, String className, String source, Object[] refs,
                                List<RefSource> sources, boolean predicated, java.util.BitSet reads) {
    /**
     * @param other a fragment with the same {@link FragmentShape#key}
     * @return the {@code refs[]} values for it
     */
    public Object[] refsFor(Fragment other) {
        List<LambdaSite> sites = FragmentShape.sites(other);
        Object[] out = new Object[sources.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = sources.get(k).resolve(other, sites);
        }
        return out;
    }
}
