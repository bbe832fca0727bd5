package io.pappus.samples;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;
import io.pappus.api.Pair;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * TPC-H query 1, "pricing summary report": sums, averages and counts of nearly all of
 * {@code lineitem}, per (return flag, line status), ordered by them.
 *
 * <pre>
 * select l_returnflag, l_linestatus, sum(l_quantity) as sum_qty,
 *        sum(l_extendedprice) as sum_base_price,
 *        sum(l_extendedprice * (1 - l_discount)) as sum_disc_price,
 *        sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) as sum_charge,
 *        avg(l_quantity) as avg_qty, avg(l_extendedprice) as avg_price,
 *        avg(l_discount) as avg_disc, count(*) as count_order
 * from lineitem
 * where l_shipdate &lt;= date '1998-12-01' - interval '90' day
 * group by l_returnflag, l_linestatus
 * order by l_returnflag, l_linestatus
 * </pre>
 *
 * Run with {@code java io.pappus.samples.TpchQ1 --sf=1 --explain}.
 */
public final class TpchQ1 {
    /** The spec's validation parameter: 90 days before 1998-12-01. */
    public static final String CUTOFF = "1998-09-02";

    /** The running sums of one group; immutable, as a group's seed must be. */
    public record Sums(double quantity, double basePrice, double discountedPrice, double charge, double discount,
                long count) {
    }

    /** One line of the report. */
    public record Row(char returnFlag, char lineStatus, double sumQty, double sumBasePrice, double sumDiscPrice,
               double sumCharge, double avgQty, double avgPrice, double avgDisc, long count) {

        public static Row of(int group, Sums s) {
            return new Row((char) (group >> 8), (char) (group & 0xFF), s.quantity(), s.basePrice(),
                    s.discountedPrice(), s.charge(), s.quantity() / s.count(), s.basePrice() / s.count(),
                    s.discount() / s.count(), s.count());
        }

        @Override
        public String toString() {
            return String.format("%c%c qty %.0f base %.2f disc %.2f charge %.2f avg %.4f/%.4f/%.6f count %d",
                    returnFlag, lineStatus, sumQty, sumBasePrice, sumDiscPrice, sumCharge, avgQty, avgPrice, avgDisc,
                    count);
        }
    }

    private TpchQ1() {
    }

    /**
     * Both grouping columns in one int, flag first, so the groups sort as the query orders
     * them: the flags are ASCII letters and fit in 8 bits.
     */
    public static int group(char returnFlag, char lineStatus) {
        return returnFlag << 8 | lineStatus;
    }

    /**
     * The query.
     *
     * @param lineitem the table
     * @return the report's rows, in order
     */
    public static DataSet<Row> report(DataSet<LineItem> lineitem) {
        int cutoff = LineItem.day(CUTOFF);
        return lineitem.filter(l -> l.shipDate() <= cutoff)
                .groupBy(l -> group(l.returnFlag(), l.lineStatus()))
                .aggregate(new Sums(0, 0, 0, 0, 0, 0),
                        (s, l) -> new Sums(s.quantity() + l.quantity(), s.basePrice() + l.extendedPrice(),
                                s.discountedPrice() + l.extendedPrice() * (1 - l.discount()),
                                s.charge() + l.extendedPrice() * (1 - l.discount()) * (1 + l.tax()),
                                s.discount() + l.discount(), s.count() + 1),
                        (a, b) -> new Sums(a.quantity() + b.quantity(), a.basePrice() + b.basePrice(),
                                a.discountedPrice() + b.discountedPrice(), a.charge() + b.charge(),
                                a.discount() + b.discount(), a.count() + b.count()))
                .orderBy(Pair::first)
                .map(g -> Row.of(g.first(), g.second()));
    }

    /**
     * Adds one line to plain-Java Q1 sums: quantity, base price, discounted price, charge,
     * discount, count.
     *
     * @param s the six sums of one group
     * @param l the line
     */
    public static void accumulate(double[] s, LineItem l) {
        double discounted = l.extendedPrice() * (1 - l.discount());
        s[0] += l.quantity();
        s[1] += l.extendedPrice();
        s[2] += discounted;
        s[3] += discounted * (1 + l.tax());
        s[4] += l.discount();
        s[5]++;
    }

    /** @return the same report with a TreeMap of arrays */
    public static List<Row> reportPlainJava(List<LineItem> lineitem) {
        int cutoff = LineItem.day(CUTOFF);
        TreeMap<Integer, double[]> groups = new TreeMap<>();
        for (LineItem l : lineitem) {
            if (l.shipDate() <= cutoff) {
                accumulate(groups.computeIfAbsent(group(l.returnFlag(), l.lineStatus()), g -> new double[6]), l);
            }
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((g, s) -> rows.add(Row.of(g, new Sums(s[0], s[1], s[2], s[3], s[4], (long) s[5]))));
        return rows;
    }

    /**
     * Whether two reports agree: the same groups in the same order, counts exact, sums and
     * averages within {@code relative}.
     */
    public static boolean agree(List<Row> a, List<Row> b, double relative) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Row x = a.get(i);
            Row y = b.get(i);
            if (x.returnFlag() != y.returnFlag() || x.lineStatus() != y.lineStatus() || x.count() != y.count()
                    || !Outcome.close(x.sumQty(), y.sumQty(), relative)
                    || !Outcome.close(x.sumBasePrice(), y.sumBasePrice(), relative)
                    || !Outcome.close(x.sumDiscPrice(), y.sumDiscPrice(), relative)
                    || !Outcome.close(x.sumCharge(), y.sumCharge(), relative)
                    || !Outcome.close(x.avgQty(), y.avgQty(), relative)
                    || !Outcome.close(x.avgPrice(), y.avgPrice(), relative)
                    || !Outcome.close(x.avgDisc(), y.avgDisc(), relative)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs the sample and checks it against plain Java: counts exact, sums within 1e-9
     * relative. Both add n positive doubles, each a product off by at most 3 ulps; summed in any
     * order the relative error stays below (n + 3) * 2^-53, about 7e-12 for 60,000 rows and
     * 7e-10 for 6,000,000.
     *
     * @param lineitem the table, from {@link LineItemGenerator}
     * @param label    the sample's label, naming the scale factor
     * @param engine   where to run
     * @return the outcome
     */
    static Outcome run(List<LineItem> lineitem, String label, Engine engine) {
        long t0 = System.nanoTime();
        List<Row> rows = Progress.during("TPC-H Q1", () -> report(DataSet.from(lineitem).on(engine)).toList());
        double pappusMillis = Outcome.millisSince(t0);
        t0 = System.nanoTime();
        List<Row> expected = reportPlainJava(lineitem);
        double plainMillis = Outcome.millisSince(t0);
        StringBuilder text = new StringBuilder(rows.size() + " groups");
        for (Row r : rows) {
            text.append(String.format("%n%40s %s", "", r));
        }
        return new Outcome("TPC-H Q1 (" + label + ")", text.toString(), agree(rows, expected, 1e-9), pappusMillis,
                plainMillis);
    }

    /**
     * @param args {@code --sf=F} the scale factor (default 0.01, about 60,000 rows), {@code --explain}
     */
    public static void main(String[] args) {
        Flags flags = Flags.parse(args, Set.of("sf"));
        double sf = flags.doubleValue("sf", 0.01);
        List<LineItem> lineitem = LineItemGenerator.generate(sf, 42);
        run(lineitem, "SF " + sf + ", " + lineitem.size() + " rows", Engines.defaultEngine()).print(System.out);
        if (flags.explain()) {
            System.out.println(report(DataSet.from(lineitem.subList(0, 1))).explain());
        }
    }
}
