package io.pappus.samples;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;

import java.util.List;
import java.util.Set;

/**
 * TPC-H query 6, "forecasting revenue change": the revenue a year's small discounts on small
 * orders cost, one filter and one sum over {@code lineitem}.
 *
 * <pre>
 * select sum(l_extendedprice * l_discount) as revenue
 * from lineitem
 * where l_shipdate &gt;= date '1994-01-01' and l_shipdate &lt; date '1994-01-01' + interval '1' year
 *   and l_discount between 0.06 - 0.01 and 0.06 + 0.01 and l_quantity &lt; 24
 * </pre>
 *
 * Run with {@code java io.pappus.samples.TpchQ6 --sf=1 --explain}.
 */
public final class TpchQ6 {
    /**
     * The spec's validation parameters. The discount bounds are written out: in doubles,
     * {@code 0.06 + 0.01} is not the double nearest to 0.07 that the data holds.
     */
    public static final String FROM = "1994-01-01";
    public static final double MIN_DISCOUNT = 0.05;
    public static final double MAX_DISCOUNT = 0.07;
    public static final double MAX_QUANTITY = 24;

    private TpchQ6() {
    }

    /**
     * The rows query 6 keeps; their sum is the answer.
     *
     * @param lineitem the table
     * @return the rows shipped in the year from {@link #FROM} with a 5..7% discount and fewer
     *         than 24 units
     */
    public static DataSet<LineItem> selected(DataSet<LineItem> lineitem) {
        int from = LineItem.day(FROM);
        int to = LineItem.day(FROM) + 365; // 1994 is no leap year
        double minDiscount = MIN_DISCOUNT;
        double maxDiscount = MAX_DISCOUNT;
        double maxQuantity = MAX_QUANTITY;
        return lineitem.filter(l -> l.shipDate() >= from && l.shipDate() < to
                && l.discount() >= minDiscount && l.discount() <= maxDiscount
                && l.quantity() < maxQuantity);
    }

    /**
     * @param lineitem the table
     * @param engine   where to run
     * @return the revenue
     */
    public static double revenue(List<LineItem> lineitem, Engine engine) {
        return selected(DataSet.from(lineitem).on(engine)).sum(l -> l.extendedPrice() * l.discount());
    }

    /** @return the same revenue with a plain loop */
    public static double revenuePlainJava(List<LineItem> lineitem) {
        int from = LineItem.day(FROM);
        int to = LineItem.day("1995-01-01");
        double revenue = 0;
        for (LineItem l : lineitem) {
            if (l.shipDate() >= from && l.shipDate() < to && l.discount() >= MIN_DISCOUNT
                    && l.discount() <= MAX_DISCOUNT && l.quantity() < MAX_QUANTITY) {
                revenue += l.extendedPrice() * l.discount();
            }
        }
        return revenue;
    }

    /**
     * Runs the sample and checks it: the revenue within 1e-9 relative of plain Java's (an engine
     * adds the products in its own order; see TpchQ1 for the bound).
     *
     * @param lineitem the table, from {@link LineItemGenerator}
     * @param label    the sample's label, naming the scale factor
     * @param engine   where to run
     * @return the outcome
     */
    static Outcome run(List<LineItem> lineitem, String label, Engine engine) {
        long t0 = System.nanoTime();
        double revenue = Progress.during("TPC-H Q6", () -> revenue(lineitem, engine));
        double pappusMillis = Outcome.millisSince(t0);
        t0 = System.nanoTime();
        double expected = revenuePlainJava(lineitem);
        double plainMillis = Outcome.millisSince(t0);
        return new Outcome("TPC-H Q6 (" + label + ")", String.format("revenue %.2f", revenue),
                Outcome.close(revenue, expected, 1e-9), pappusMillis, plainMillis);
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
            System.out.println(selected(DataSet.from(lineitem.subList(0, 1))).explain());
        }
    }
}
