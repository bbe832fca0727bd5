package io.pappus.samples;

import io.pappus.api.DataSet;
import io.pappus.api.Engines;
import io.pappus.api.Target;
import io.pappus.samples.TpchQ1.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TPC-H Q1 and Q6 at SF 0.01 (about 60,000 rows) against the same SQL in DuckDB and against
 * plain Java. Counts must be exact. Sums and averages may differ by 1e-9 relative: DuckDB adds
 * exact decimals, Pappus and plain Java add doubles, each product of at most three rounded
 * factors off by at most 3 ulps, and n positive terms added in any order stay within
 * (n + 3) * 2^-53 ~ 7e-12 relative of the exact sum here. 1e-9 leaves a margin of 100 while one
 * row gained or lost (about 1/15,000 of a group's sum) would still fail by a factor of 60,000.
 */
class TpchTest {
    private static final double TOLERANCE = 1e-9;
    private static List<LineItem> lineitem;
    private static DuckDbLineItem duckDb;

    @BeforeAll
    static void load() throws SQLException {
        lineitem = LineItemGenerator.generate(0.01, 42);
        duckDb = new DuckDbLineItem(lineitem);
    }

    @AfterAll
    static void close() throws SQLException {
        duckDb.close();
    }

    @OnEveryEngine
    void q1MatchesDuckDbAndPlainJava(Target target) throws SQLException {
        List<Row> rows = TpchQ1.report(DataSet.from(lineitem).on(Engines.local(target))).toList();
        List<List<Object>> expected = duckDb.query("""
                select l_returnflag, l_linestatus, sum(l_quantity), sum(l_extendedprice),
                       sum(l_extendedprice * (1 - l_discount)),
                       sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)),
                       avg(l_quantity), avg(l_extendedprice), avg(l_discount), count(*)
                from lineitem
                where l_shipdate <= date '1998-12-01' - interval '90' day
                group by l_returnflag, l_linestatus
                order by l_returnflag, l_linestatus""");
        assertEquals(4, expected.size(), "AF, NF, NO, RF: the spec's four groups");
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row got = rows.get(i);
            List<Object> want = expected.get(i);
            String where = "group " + want.get(0) + want.get(1);
            assertEquals(want.get(0) + "" + want.get(1), got.returnFlag() + "" + got.lineStatus(), where);
            assertEquals(((Number) want.get(9)).longValue(), got.count(), where + " count");
            double[] values = {got.sumQty(), got.sumBasePrice(), got.sumDiscPrice(), got.sumCharge(), got.avgQty(),
                    got.avgPrice(), got.avgDisc()};
            for (int c = 0; c < values.length; c++) {
                double w = ((Number) want.get(c + 2)).doubleValue();
                assertEquals(w, values[c], TOLERANCE * Math.abs(w), where + " column " + (c + 3));
            }
        }
        assertTrue(TpchQ1.agree(rows, TpchQ1.reportPlainJava(lineitem), TOLERANCE), "Q1 differs from plain Java");
    }

    @OnEveryEngine
    void q6MatchesDuckDbAndPlainJava(Target target) throws SQLException {
        DataSet<LineItem> selected = TpchQ6.selected(DataSet.from(lineitem).on(Engines.local(target)));
        double revenue = selected.sum(l -> l.extendedPrice() * l.discount());
        List<Object> expected = duckDb.query("""
                select sum(l_extendedprice * l_discount), count(*)
                from lineitem
                where l_shipdate >= date '1994-01-01' and l_shipdate < date '1994-01-01' + interval '1' year
                  and l_discount between 0.06 - 0.01 and 0.06 + 0.01 and l_quantity < 24""").get(0);
        assertEquals(((Number) expected.get(1)).longValue(), selected.count(), "rows selected");
        double want = ((Number) expected.get(0)).doubleValue();
        assertEquals(want, revenue, TOLERANCE * want);
        assertEquals(TpchQ6.revenuePlainJava(lineitem), revenue, TOLERANCE * want);
    }
}
