package io.pappus.testing;

import io.pappus.api.Pair;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison every suite relies on: it must reject what it should, or no suite can fail. */
class ResultsTest {
    @Test
    void integersAndStringsMustBeEqualAndOfOneType() {
        Results.assertSameOrdered(List.of(1, 2), List.of(1, 2), 5);
        assertThrows(AssertionError.class, () -> Results.assertSameOrdered(List.of(1, 2), List.of(1, 3), 5));
        assertThrows(AssertionError.class, () -> Results.assertSameOrdered(1, 1L, 5));
        assertThrows(AssertionError.class, () -> Results.assertSameOrdered("a", "b", 5));
        assertThrows(AssertionError.class, () -> Results.assertSameOrdered(List.of(1), List.of(1, 2), 0));
    }

    @Test
    void doublesWithinTheUlpBound() {
        double x = 1.0;
        double twoUp = Math.nextUp(Math.nextUp(x));
        Results.assertSameOrdered(x, twoUp, 2);
        AssertionError e = assertThrows(AssertionError.class, () -> Results.assertSameOrdered(x, twoUp, 1));
        assertTrue(e.getMessage().contains("2 ulps apart"), e.getMessage());
        Results.assertSameOrdered(Double.NaN, 0.0 / 0.0, 0);
        assertThrows(AssertionError.class, () -> Results.assertSameOrdered(Double.NaN, 1.0, 1000));
        assertThrows(AssertionError.class, () -> Results.assertSameOrdered(Double.MAX_VALUE, Double.POSITIVE_INFINITY, 1000));
        assertThrows(AssertionError.class, () -> Results.assertSameOrdered(-0.0, 0.0, 0));
        Results.assertSameOrdered(-0.0, 0.0, 1);
        Results.assertSameOrdered(-Double.MIN_VALUE, Double.MIN_VALUE, 2);
        assertEquals(Long.MAX_VALUE, Results.ulpDistance(-Double.MAX_VALUE, Double.MAX_VALUE));
        Results.assertSameOrdered(1.0f, Math.nextUp(1.0f), 1);
        assertThrows(AssertionError.class, () -> Results.assertSameOrdered(1.0f, Math.nextUp(1.0f), 0));
    }

    @Test
    void recursesThroughRecordsPairsAndOptionals() {
        Line l = new Line(new Point(1, 2), new Point(3, 4));
        Results.assertSameOrdered(Optional.of(Pair.of(l, 1)), Optional.of(Pair.of(new Line(new Point(1, 2),
                new Point(3, Math.nextUp(4.0))), 1)), 1);
        AssertionError e = assertThrows(AssertionError.class, () -> Results.assertSameOrdered(Pair.of(l, 1),
                Pair.of(new Line(new Point(1, 2), new Point(3, 5)), 1), 4));
        assertTrue(e.getMessage().contains("result.first.b.y"), e.getMessage());
        assertThrows(AssertionError.class, () -> Results.assertSameOrdered(Optional.empty(), Optional.of(1), 0));
    }

    @Test
    void unorderedComparesMultisets() {
        Results.assertSameUnordered(List.of(3, 1, 2, 1), List.of(1, 1, 2, 3), 0);
        assertThrows(AssertionError.class, () -> Results.assertSameUnordered(List.of(1, 1, 2), List.of(1, 2, 2), 0));
        assertThrows(AssertionError.class, () -> Results.assertSameUnordered(List.of(1, 2), List.of(1, 2, 2), 0));
        // Nearly equal values that sort differently still match within the bound.
        double a = 1.0;
        double b = Math.nextUp(1.0);
        Results.assertSameUnordered(List.of(new Point(a, 9), new Point(b, 1)), List.of(new Point(b, 9), new Point(a, 1)), 1);
        assertThrows(AssertionError.class, () -> Results.assertSameUnordered(List.of(new Point(a, 9), new Point(b, 1)),
                List.of(new Point(b, 9), new Point(a, 1)), 0));
        Results.assertSameUnordered(List.of(Double.NaN, -0.0, 0.0), List.of(0.0, Double.NaN, -0.0), 0);
    }
}
