package io.pappus.samples;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineItemGeneratorTest {
    private static final int CURRENT_DATE = LineItem.day("1995-06-17");

    @Test
    void followsTheSpecsRules() {
        List<LineItem> rows = LineItemGenerator.generate(0.01, 42);
        // dbgen makes 60,175 rows at SF 0.01; 15,000 orders of 1..7 lines give 60,000 +- ~250.
        assertEquals(60_000, rows.size(), 1_200);
        int minShip = Integer.MAX_VALUE;
        int maxShip = Integer.MIN_VALUE;
        for (LineItem l : rows) {
            Supplier<String> row = l::toString;
            assertTrue(l.quantity() >= 1 && l.quantity() <= 50 && l.quantity() == Math.rint(l.quantity()), row);
            assertTrue(l.discount() >= 0 && l.discount() <= 0.10, row);
            assertTrue(l.tax() >= 0 && l.tax() <= 0.08, row);
            assertEquals(Math.rint(l.extendedPrice() * 100), l.extendedPrice() * 100, 1e-6, () -> l + ": whole cents");
            assertTrue(l.extendedPrice() >= l.quantity() * 900 && l.extendedPrice() <= l.quantity() * 2099.01, row);
            assertEquals(l.shipDate() > CURRENT_DATE ? 'O' : 'F', l.lineStatus(), row);
            // Received 1..30 days after shipping: 'N' (not yet received) only late, 'R'/'A' only early.
            if (l.shipDate() > CURRENT_DATE) {
                assertEquals('N', l.returnFlag(), row);
            } else if (l.shipDate() < CURRENT_DATE - 30) {
                assertTrue(l.returnFlag() == 'R' || l.returnFlag() == 'A', row);
            }
            minShip = Math.min(minShip, l.shipDate());
            maxShip = Math.max(maxShip, l.shipDate());
        }
        assertTrue(minShip >= LineItem.day("1992-01-02") && minShip < LineItem.day("1992-02-01"));
        assertTrue(maxShip <= LineItem.day("1998-12-01") && maxShip > LineItem.day("1998-11-01"));
    }

    @Test
    void isDeterministic() {
        assertEquals(LineItemGenerator.generate(0.001, 7), LineItemGenerator.generate(0.001, 7));
    }
}
