package io.pappus.jvm.runtime;

/**
 * A hash table from the keys of some {@link KeyRows} to dense ids (0, 1, 2, ... in
 * first-insertion order), each id remembering the first row that had its key.
 *
 * <pre>{@code
 * RowTable t = new RowTable(new KeyRows(keyColumns, n));
 * int g = t.id(i);                       // == t.size() - 1 when row i's key is new
 * int h = t.find(probeRows, j);          // -1 when absent
 * }</pre>
 */
public final class RowTable {
    private final KeyRows rows;
    private final GroupIndex index = new GroupIndex();
    private int[] first = new int[16];

    /** @param rows the keys that {@link #id} inserts */
    public RowTable(KeyRows rows) {
        this.rows = rows;
    }

    /**
     * @param i a row of this table's rows
     * @return its key's id, assigning the next one when the key is new
     */
    public int id(int i) {
        int h = rows.hash(i);
        int s = index.start(h);
        int g;
        while ((g = index.at(s)) >= 0 && !rows.same(first[g], rows, i)) {
            s = index.next(s);
        }
        if (g < 0) {
            g = index.add(s, h);
            if (g == first.length) {
                first = java.util.Arrays.copyOf(first, 2 * g);
            }
            first[g] = i;
        }
        return g;
    }

    /**
     * @param other rows of a key of the same type
     * @param j     one of them
     * @return the id of its key, or -1 when absent
     */
    public int find(KeyRows other, int j) {
        int s = index.start(other.hash(j));
        int g;
        while ((g = index.at(s)) >= 0 && !rows.same(first[g], other, j)) {
            s = index.next(s);
        }
        return g;
    }

    /** @return the number of distinct keys */
    public int size() {
        return index.size();
    }
}
