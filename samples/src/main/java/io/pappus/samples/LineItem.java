package io.pappus.samples;

import java.time.LocalDate;

/**
 * The columns of TPC-H's {@code lineitem} table that queries 1 and 6 read. Money and
 * quantities are {@code double}s holding whole cents (the spec's DECIMAL(15,2)); dates are days
 * since 1970-01-01, so a date filter is an {@code int} comparison.
 *
 * @param quantity      L_QUANTITY, 1..50
 * @param extendedPrice L_EXTENDEDPRICE, quantity times the part's retail price
 * @param discount      L_DISCOUNT, 0.00..0.10
 * @param tax           L_TAX, 0.00..0.08
 * @param returnFlag    L_RETURNFLAG: 'R' or 'A' once received by 1995-06-17, else 'N'
 * @param lineStatus    L_LINESTATUS: 'O' if shipped after 1995-06-17, else 'F'
 * @param shipDate      L_SHIPDATE as days since the epoch, 1992-01-02..1998-12-01
 */
public record LineItem(double quantity, double extendedPrice, double discount, double tax, char returnFlag,
                char lineStatus, int shipDate) {

    /**
     * @param iso a date such as {@code "1994-01-01"}
     * @return it as days since 1970-01-01, the unit of {@link #shipDate()}
     */
    public static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }
}
