package io.pappus.benchmarks;

import io.pappus.jvm.exec.ChunkRunner;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated {@code lineitem} in an in-process DuckDB with the spec's types (DECIMAL(15,2),
 * DATE), loaded before any timing, and Q1 and Q6 as the spec's SQL. A query's time includes
 * reading its few result rows over JDBC.
 */
final class DuckDbTpch implements AutoCloseable {
    private static final String Q1 = "select l_returnflag, l_linestatus, sum(l_quantity), sum(l_extendedprice),"
            + " sum(l_extendedprice * (1 - l_discount)), sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)),"
            + " avg(l_quantity), avg(l_extendedprice), avg(l_discount), count(*) from lineitem"
            + " where l_shipdate <= date '1998-12-01' - interval '90' day"
            + " group by l_returnflag, l_linestatus order by l_returnflag, l_linestatus";
    private static final String Q6 = "select sum(l_extendedprice * l_discount) from lineitem"
            + " where l_shipdate >= date '1994-01-01' and l_shipdate < date '1995-01-01'"
            + " and l_discount between 0.05 and 0.07 and l_quantity < 24";
    private final Connection connection;

    DuckDbTpch(TpchBench.Columns c) throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = connection.createStatement()) {
            st.execute("set threads = " + ChunkRunner.threads());  // the same cores Pappus gets
            st.execute("create table staged (q double, p double, d double, t double, rf varchar, ls varchar, day int)");
        }
        try (DuckDBAppender a = connection.unwrap(DuckDBConnection.class)
                .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "staged")) {
            for (int i = 0; i < c.quantity().length; i++) {
                a.beginRow().append(c.quantity()[i]).append(c.extendedPrice()[i]).append(c.discount()[i])
                        .append(c.tax()[i]).append(String.valueOf(c.returnFlag()[i]))
                        .append(String.valueOf(c.lineStatus()[i])).append(c.shipDate()[i]).endRow();
            }
        }
        try (Statement st = connection.createStatement()) {
            // The doubles hold whole cents, so the casts to DECIMAL(15,2) are exact.
            st.execute("create table lineitem as select q::decimal(15,2) as l_quantity,"
                    + " p::decimal(15,2) as l_extendedprice, d::decimal(15,2) as l_discount,"
                    + " t::decimal(15,2) as l_tax, rf as l_returnflag, ls as l_linestatus,"
                    + " date '1970-01-01' + day as l_shipdate from staged");
            st.execute("drop table staged");
        }
    }

    /** @return Q1 digested as {@link TpchBench#q1Digest} digests a report */
    double[] q1() throws SQLException {
        List<double[]> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(Q1)) {
            while (rs.next()) {
                rows.add(new double[] {TpchBench.q1Group(rs.getString(1).charAt(0), rs.getString(2).charAt(0)),
                    rs.getLong(10), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                    rs.getDouble(7), rs.getDouble(8), rs.getDouble(9)});
            }
        }
        double[] d = new double[9 * rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, d, 9 * i, 9);
        }
        return d;
    }

    /** @return Q6's revenue */
    double q6() throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(Q6)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
