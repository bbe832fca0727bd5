package io.pappus.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates {@code lineitem} rows following the TPC-H specification's rules (section 4.2.3) for
 * the columns {@link LineItem} holds, deterministically from a seed. It is not dbgen: the row
 * count is about 6,000,000 times the scale factor (dbgen's SF 1 has 6,001,215 rows) and the rows
 * differ, but every column has the spec's distribution, so queries 1 and 6 select alike shares.
 *
 * <pre>{@code
 * List<LineItem> rows = LineItemGenerator.generate(0.01, 42);   // about 60,000 rows
 * }</pre>
 */
public final class LineItemGenerator {
    private static final int START_DATE = LineItem.day("1992-01-01");
    private static final int LAST_ORDER_DATE = LineItem.day("1998-12-31") - 151;
    private static final int CURRENT_DATE = LineItem.day("1995-06-17");

    private LineItemGenerator() {
    }

    /**
     * @param scaleFactor TPC-H's SF: 1.0 makes 1,500,000 orders of 1..7 lines each
     * @param seed        the generator's seed
     * @return the rows, order by order
     */
    public static List<LineItem> generate(double scaleFactor, long seed) {
        long orders = Math.round(1_500_000 * scaleFactor);
        long parts = Math.max(1, Math.round(200_000 * scaleFactor));
        SplittableRandom rnd = new SplittableRandom(seed);
        List<LineItem> rows = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, orders * 4));
        try (Progress progress = Progress.start("generating lineitem", 100)) {
            for (long o = 0; o < orders; o++) {
                int orderDate = START_DATE + rnd.nextInt(LAST_ORDER_DATE - START_DATE + 1);
                for (int line = 1 + rnd.nextInt(7); line > 0; line--) {
                    rows.add(lineItem(rnd, orderDate, 1 + rnd.nextLong(parts)));
                }
                if ((o + 1) * 100 / orders > o * 100 / orders) {
                    progress.step();
                }
            }
        }
        return rows;
    }

    private static LineItem lineItem(SplittableRandom rnd, int orderDate, long partKey) {
        int quantity = 1 + rnd.nextInt(50);
        long retailCents = 90_000 + (partKey / 10) % 20_001 + 100 * (partKey % 1_000);
        int discountCents = rnd.nextInt(11);
        int taxCents = rnd.nextInt(9);
        int shipDate = orderDate + 1 + rnd.nextInt(121);
        int receiptDate = shipDate + 1 + rnd.nextInt(30);
        char returnFlag = receiptDate <= CURRENT_DATE ? (rnd.nextBoolean() ? 'R' : 'A') : 'N';
        char lineStatus = shipDate > CURRENT_DATE ? 'O' : 'F';
        // Dividing whole cents by 100.0 gives the double nearest to each decimal value, the same
        // double the literal 0.05 in a query denotes, so filters on these columns are exact.
        return new LineItem(quantity, quantity * retailCents / 100.0, discountCents / 100.0, taxCents / 100.0,
                returnFlag, lineStatus, shipDate);
    }
}
