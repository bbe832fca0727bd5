package io.pappus.jvm.codegen;

import io.pappus.exec.column.ColumnLayout;
import io.pappus.ir.Type;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Projection for generated loops over records: the loop starts each element by loading every
 * leaf of the source type ({@code double src_price = in3[i];}), but a query that reads 4 of a
 * record's 16 fields needs only 4 columns. After the class is written, the load of each leaf
 * whose local is never used again is dropped, and the leaves still read are reported, so the
 * executor lays out only those columns from the records (the rest stay null; their array locals
 * are still declared, which is harmless).
 *
 * <p>The test is textual but exact for generated code: a leaf is unread when every occurrence of
 * its local's name is one of its load lines. A mistake could only keep a column (a mention in a
 * comment) or make Janino reject the class (a use that is not a whole word), never read a null
 * column.
 */
final class UnreadLeaves {
    private UnreadLeaves() {
    }

    /**
     * @param source  the generated class
     * @param type    the element type the loop reads (from {@code in[0..]}, or a source list)
     * @param prefix  the element's local prefix, e.g. {@code src} for {@code src_price}
     * @param inPlace whether the loop reads records in place ({@link RecordRows}): the row
     *                local {@code prefix_row} goes too when no leaf is read
     * @return the source without the loads of unread leaves, and which leaves are read
     */
    static Pruned prune(String source, Type type, String prefix, boolean inPlace) {
        ColumnLayout layout = ColumnLayout.of(type);
        BitSet reads = new BitSet();
        reads.set(0, layout.leaves().size());
        if (layout.leaves().size() < 2 && !inPlace) {
            return new Pruned(source, reads);  // a bare primitive column costs nothing to keep
        }
        String out = source;
        for (int k = 0; k < layout.leaves().size(); k++) {
            String local = prefix + (layout.leaves().size() == 1 ? "" : "_" + layout.leaves().get(k).name());
            String dropped = dropUnused(out, local);
            if (dropped != null) {
                out = dropped;
                reads.clear(k);
            }
        }
        if (inPlace) {
            String dropped = dropUnused(out, prefix + "_row");
            out = dropped != null ? dropped : out;
        }
        return new Pruned(out, reads);
    }

    /**
     * @return the source without the declarations of {@code local} (a load: a column element or
     *         a record accessor) when nothing else names it; null when something does
     */
    private static String dropUnused(String source, String local) {
        Pattern load = Pattern.compile("(?m)^[ \\t]*(final )?[\\w.\\[\\]]+ " + Pattern.quote(local) + " = [^;\\n]*;\\n");
        int loads = count(load.matcher(source));
        int uses = count(Pattern.compile("(?<![\\w$])" + Pattern.quote(local) + "(?![\\w$])").matcher(source));
        return loads > 0 && uses == loads ? load.matcher(source).replaceAll("") : null;
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * @param source the class without the dropped loads
     * @param reads  the leaves the class reads
     */
    record Pruned(String source, BitSet reads) {
    }
}
