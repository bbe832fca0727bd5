package io.pappus.exec.column;

import java.util.List;

/**
 * Moves a range of elements between Java objects and columns: {@link #layout} splits objects
 * into one typed array per leaf, {@link #build} makes objects back from them. One codec serves
 * one element type; its methods are called from several threads on disjoint ranges. A codec
 * made for a projection (some leaves only) lays out those leaves and leaves the other columns
 * null; it cannot build.
 */
public interface RowCodec {

    /**
     * @param values the Java values (random access)
     * @param cols   one array per leaf of the layout, at least {@code hi} long
     * @param lo     the first element
     * @param hi     one past the last element
     */
    void layout(List<?> values, Object[] cols, int lo, int hi);

    /**
     * @param cols the columns
     * @param out  where element {@code i} goes, at {@code out[i]}
     * @param lo   the first element
     * @param hi   one past the last element
     */
    void build(Object[] cols, Object[] out, int lo, int hi);
}
