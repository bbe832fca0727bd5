package io.pappus.samples;

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
 * The generated {@code lineitem} rows in an in-memory DuckDB table with the spec's column types
 * (DECIMAL(15,2), CHAR(1) as VARCHAR, DATE), so the TPC-H SQL runs there unchanged and DuckDB's
 * exact decimal arithmetic is the oracle for Pappus' doubles.
 */
final class DuckDbLineItem implements AutoCloseable {
    private final Connection connection;

    DuckDbLineItem(List<LineItem> rows) throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = connection.createStatement()) {
            st.execute("create table staged (q double, p double, d double, t double, rf varchar, ls varchar, day int)");
        }
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
                .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "staged")) {
            for (LineItem l : rows) {
                appender.beginRow().append(l.quantity()).append(l.extendedPrice()).append(l.discount())
                        .append(l.tax()).append(String.valueOf(l.returnFlag()))
                        .append(String.valueOf(l.lineStatus())).append(l.shipDate()).endRow();
            }
        }
        // The doubles hold whole cents, so the casts to DECIMAL(15,2) are exact.
        try (Statement st = connection.createStatement()) {
            st.execute("create table lineitem as select q::decimal(15,2) as l_quantity,"
                    + " p::decimal(15,2) as l_extendedprice, d::decimal(15,2) as l_discount,"
                    + " t::decimal(15,2) as l_tax, rf as l_returnflag, ls as l_linestatus,"
                    + " date '1970-01-01' + day as l_shipdate from staged");
            st.execute("drop table staged");
        }
    }

    /**
     * @param sql a query
     * @return its rows, each column read as {@link ResultSet#getObject}
     */
    List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int c = 1; c <= columns; c++) {
                    row.add(rs.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
