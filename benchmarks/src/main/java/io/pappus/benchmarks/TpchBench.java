package io.pappus.benchmarks;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.samples.LineItem;
import io.pappus.samples.LineItemGenerator;
import io.pappus.samples.TpchQ1;
import io.pappus.samples.TpchQ6;

import java.util.List;

/**
 * W4's Pappus variants and data over the TPC-H samples' own types and queries
 * ({@link TpchQ1#report}, {@link TpchQ6#selected}), for {@code io.pappus.benchmarks.W4}. It
 * sits in the samples' package (in the benchmarks module) only because {@code LineItem}, its
 * generator and the queries are package-private; once samples makes them public this moves to
 * {@code io.pappus.benchmarks}. The hand-written baselines are in {@link TpchBaselines}.
 */
public final class TpchBench {
    final LineItem[] rows;

    /**
     * The columns of the table, for loading DuckDB.
     *
     * @param quantity      L_QUANTITY
     * @param extendedPrice L_EXTENDEDPRICE
     * @param discount      L_DISCOUNT
     * @param tax           L_TAX
     * @param returnFlag    L_RETURNFLAG
     * @param lineStatus    L_LINESTATUS
     * @param shipDate      L_SHIPDATE, days since 1970-01-01
     */
    public record Columns(double[] quantity, double[] extendedPrice, double[] discount, double[] tax,
                          char[] returnFlag, char[] lineStatus, int[] shipDate) {
    }

    /** @param scaleFactor TPC-H's SF; the sample's generator, seed 42 */
    public TpchBench(double scaleFactor) {
        rows = LineItemGenerator.generate(scaleFactor, 42).toArray(new LineItem[0]);
    }

    /** @return how many rows */
    public int size() {
        return rows.length;
    }

    /** @return the table as columns */
    public Columns columns() {
        int n = rows.length;
        Columns c = new Columns(new double[n], new double[n], new double[n], new double[n], new char[n],
                new char[n], new int[n]);
        for (int i = 0; i < n; i++) {
            LineItem l = rows[i];
            c.quantity[i] = l.quantity();
            c.extendedPrice[i] = l.extendedPrice();
            c.discount[i] = l.discount();
            c.tax[i] = l.tax();
            c.returnFlag[i] = l.returnFlag();
            c.lineStatus[i] = l.lineStatus();
            c.shipDate[i] = l.shipDate();
        }
        return c;
    }

    /** @return the record array laid out by {@code engine} once and kept, for the cached variants */
    public DataSet<?> cache(Engine engine) {
        return DataSet.from(rows).on(engine).cache();
    }

    /** @return Q1's report from the record array: {@code DataSet.from(rows)} copies and lays it out */
    public Object q1(Engine engine) {
        return TpchQ1.report(DataSet.from(rows).on(engine)).toList();
    }

    /** @return Q1's report from a data set made by {@link #cache} */
    @SuppressWarnings("unchecked")
    public Object q1(DataSet<?> cached) {
        return TpchQ1.report((DataSet<LineItem>) cached).toList();
    }

    /** @return Q6's revenue from the record array */
    public Object q6(Engine engine) {
        return TpchQ6.selected(DataSet.from(rows).on(engine)).sum(l -> l.extendedPrice() * l.discount());
    }

    /** @return Q6's revenue from a data set made by {@link #cache} */
    @SuppressWarnings("unchecked")
    public Object q6(DataSet<?> cached) {
        return TpchQ6.selected((DataSet<LineItem>) cached).sum(l -> l.extendedPrice() * l.discount());
    }

    /** @return the group code Q1 orders by: return flag, then line status */
    public static int q1Group(char returnFlag, char lineStatus) {
        return TpchQ1.group(returnFlag, lineStatus);
    }

    /**
     * @param answer a Q1 report ({@code List<TpchQ1.Row>}) or an already digested {@code double[]}
     * @return per row: group code, count, the four sums, the three averages
     */
    public static double[] q1Digest(Object answer) {
        if (answer instanceof double[] d) {
            return d;
        }
        List<?> report = (List<?>) answer;
        double[] d = new double[9 * report.size()];
        for (int i = 0; i < report.size(); i++) {
            TpchQ1.Row r = (TpchQ1.Row) report.get(i);
            double[] row = {q1Group(r.returnFlag(), r.lineStatus()), r.count(), r.sumQty(), r.sumBasePrice(),
                r.sumDiscPrice(), r.sumCharge(), r.avgQty(), r.avgPrice(), r.avgDisc()};
            System.arraycopy(row, 0, d, 9 * i, 9);
        }
        return d;
    }

    /** @return Q6's revenue as a one-element digest */
    public static double[] q6Digest(Object answer) {
        return new double[] {((Number) answer).doubleValue()};
    }
}
