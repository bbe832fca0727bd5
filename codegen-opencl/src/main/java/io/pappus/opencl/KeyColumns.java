package io.pappus.opencl;

import io.pappus.ir.PrimKind;
import io.pappus.opencl.runtime.OclBuffer;

import java.util.List;

/**
 * The key of a device sort, group or distinct: one device column per primitive leaf of the key,
 * in the key's field order (depth first, as {@code ColumnLayout} lays a record out). A primitive
 * key has one column; {@code groupBy(l -> new Key(l.flag(), l.status()))} has two.
 *
 * <pre>{@code
 * KeyColumns k = KeyColumns.of(flags, PrimKind.CHAR).and(statuses, PrimKind.CHAR);
 * }</pre>
 *
 * @param columns the key's columns on the device, one element per row
 * @param kinds   each column's kind
 */
public record KeyColumns(List<OclBuffer> columns, List<PrimKind> kinds) {
    public KeyColumns {
        columns = List.copyOf(columns);
        kinds = List.copyOf(kinds);
        if (columns.size() != kinds.size() || columns.isEmpty()) {
            throw new IllegalArgumentException(columns.size() + " key columns for " + kinds.size() + " kinds");
        }
    }

    /**
     * @param column a key column
     * @param kind   its kind
     * @return a one-column key
     */
    public static KeyColumns of(OclBuffer column, PrimKind kind) {
        return new KeyColumns(List.of(column), List.of(kind));
    }

    /**
     * @param column a further (less significant) key column
     * @param kind   its kind
     * @return this key with the column appended
     */
    public KeyColumns and(OclBuffer column, PrimKind kind) {
        List<OclBuffer> c = new java.util.ArrayList<>(columns);
        List<PrimKind> k = new java.util.ArrayList<>(kinds);
        c.add(column);
        k.add(kind);
        return new KeyColumns(c, k);
    }

    /** @return whether this is one int, long, float or double column, which the fixed sort program keys on directly */
    boolean simple() {
        return columns.size() == 1 && OclBreakers.sortable(kinds.get(0));
    }
}
