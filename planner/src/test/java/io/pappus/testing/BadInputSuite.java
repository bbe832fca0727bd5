package io.pappus.testing;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Fn;
import io.pappus.api.Fn2;
import io.pappus.api.Pred;
import io.pappus.api.ToDoubleFn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user sees when the input or a lambda is bad: the error names what and where, user
 * exceptions keep their type, and bad element types fail at {@code from(...)}, not later.
 * Backends reuse it by subclassing, as {@link OperatorSuite}.
 */
public abstract class BadInputSuite {
    /** The element the throwing lambdas fail on: a position no value or message contains. */
    private static final int BAD_INDEX = 37;
    private static final double BAD_VALUE = 1000.5;

    /** @return the engine under test */
    protected abstract Engine engine();

    /** An exception type only user code throws. */
    public static final class UserException extends RuntimeException {
        /** @param message the message */
        public UserException(String message) {
            super(message);
        }
    }

    /** A record Pappus cannot lay out: a collection component. */
    public record Basket(int id, List<Integer> items) {
    }

    private static double[] dataWithBadValue() {
        double[] xs = new double[60];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i * 0.25;
        }
        xs[BAD_INDEX] = BAD_VALUE;
        return xs;
    }

    // ---------------------------------------------------------------- null input

    @Test
    void nullElementOfArrayIsNamedByIndex() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> DataSet.from(1.0, 2.0, null, 4.0));
        assertMentionsIndex(e, 2);
        NullPointerException r = assertThrows(NullPointerException.class,
                () -> DataSet.from(new Point(1, 2), new Point(3, 4), new Point(5, 6), null));
        assertMentionsIndex(r, 3);
    }

    @Test
    void nullElementOfCollectionIsNamedByIndex() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> DataSet.from(Arrays.asList("a", "b", "c", "d", "e", null)));
        assertMentionsIndex(e, 5);
    }

    @Test
    void largeInputsNameTheFirstBadElement() {
        // checked on several threads above 65,536 elements: still the first bad index, not any
        Point[] points = new Point[300_000];
        for (int i = 0; i < points.length; i++) {
            points[i] = new Point(i, -i);
        }
        points[299_000] = null;
        points[150_001] = null;
        assertMentionsIndex(assertThrows(NullPointerException.class, () -> DataSet.from(points)), 150_001);
        List<Object> mixed = new ArrayList<>(Arrays.asList((Object[]) points));
        mixed.set(150_001, new Point(0, 0));
        mixed.set(299_000, new Point(0, 0));
        mixed.set(200_000, "not a point");
        mixed.set(250_000, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSet.from(mixed));
        assertMentionsIndex(e, 200_000);
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            orders.add(new Order(i, i == 70_000 || i == 99_999 ? null : "c" + i, i));
        }
        NullPointerException c = assertThrows(NullPointerException.class, () -> DataSet.from(orders));
        assertMentionsIndex(c, 70_000);
        assertTrue(c.getMessage().contains("city"), c.getMessage());
    }

    /** A record whose accessor throws for one element. */
    public record Tricky(int id, String name) {
        @Override
        public String name() {
            if (id == 3) {
                throw new IllegalStateException("boom");
            }
            return name;
        }
    }

    @Test
    void aThrowingAccessorIsNamedWithItsElement() {
        List<Tricky> xs = List.of(new Tricky(0, "a"), new Tricky(1, "b"), new Tricky(2, "c"), new Tricky(3, "d"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSet.from(xs));
        assertMentionsIndex(e, 3);
        assertTrue(e.getMessage().contains("accessor name") && e.getMessage().contains("boom"), e.getMessage());
    }

    @Test
    void nullComponentOfRecordIsNamedByIndex() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> DataSet.from(List.of(new Order(0, "a", 1), new Order(1, null, 2))));
        assertMentionsIndex(e, 1);
        assertTrue(e.getMessage().contains("city"), e.getMessage());
    }

    @Test
    void nullLambdaIsNamedByOperator() {
        DataSet<Double> d = DataSet.from(new double[]{1, 2}).on(engine());
        assertNamed("map", () -> d.map((Fn<Double, Double>) null));
        assertNamed("filter", () -> d.filter((Pred<Double>) null));
        assertNamed("flatMap", () -> d.flatMap((Fn<Double, List<Double>>) null));
        assertNamed("groupBy", () -> d.groupBy((Fn<Double, Double>) null));
        assertNamed("join", () -> d.join(d, null, x -> x, (x, y) -> x));
        assertNamed("zip", () -> d.zip(d, (Fn2<Double, Double, Double>) null));
        assertNamed("orderBy", () -> d.orderBy((Fn<Double, Double>) null));
        assertNamed("orderByDescending", () -> d.orderByDescending((Fn<Double, Double>) null));
        assertNamed("reduce", () -> d.reduce(0.0, null));
        assertNamed("aggregate", () -> d.aggregate(0.0, (a, x) -> a + x, null));
        assertNamed("sum", () -> d.sum((ToDoubleFn<Double>) null));
        assertNamed("average", () -> d.average((ToDoubleFn<Double>) null));
        assertNamed("minBy", () -> d.minBy((Fn<Double, Double>) null));
        assertNamed("maxBy", () -> d.maxBy((Fn<Double, Double>) null));
        assertNamed("groupBy.reduce", () -> d.groupBy(x -> x > 1).reduce(null));
    }

    // ---------------------------------------------------------- throwing lambdas

    @Test
    void exceptionInMapKeepsItsTypeAndNamesTheElement() {
        double[] xs = dataWithBadValue();
        UserException e = assertThrows(UserException.class, () -> DataSet.from(xs).on(engine()).map(x -> {
            if (x == 1000.5) {
                throw new UserException("boom");
            }
            return x * 2;
        }).toList());
        assertTrue(e.getMessage().contains("boom"), "the user's message is kept: " + e.getMessage());
        assertMentionsIndex(e, BAD_INDEX);
    }

    @Test
    void exceptionInFilterKeepsItsTypeAndNamesTheElement() {
        double[] xs = dataWithBadValue();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataSet.from(xs).on(engine()).filter(x -> {
            if (x == 1000.5) {
                throw new IllegalStateException("no");
            }
            return x > 1;
        }).count());
        assertMentionsIndex(e, BAD_INDEX);
    }

    @Test
    void exceptionInRecordLambdaKeepsItsTypeAndNamesTheElement() {
        List<Order> os = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            os.add(new Order(i, i == BAD_INDEX ? "bad" : "ok", i));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSet.from(os).on(engine())
                .map(o -> {
                    if (o.city().equals("bad")) {
                        throw new IllegalArgumentException("bad city");
                    }
                    return o.amount();
                }).toList());
        assertMentionsIndex(e, BAD_INDEX);
    }

    @Test
    void exceptionInEveryKindOfLambdaKeepsItsType() {
        DataSet<Double> d = DataSet.from(dataWithBadValue()).on(engine());
        assertThrows(UserException.class, () -> d.orderBy(x -> BadInputSuite.failOn(x)).toList());
        assertThrows(UserException.class, () -> d.groupBy(x -> BadInputSuite.failOn(x)).count().toList());
        assertThrows(UserException.class, () -> d.join(d, x -> BadInputSuite.failOn(x), x -> x, (x, y) -> x).toList());
        assertThrows(UserException.class, () -> d.zip(d, (x, y) -> BadInputSuite.failOn(x) + y).toList());
        assertThrows(UserException.class, () -> d.flatMap(x -> List.of(BadInputSuite.failOn(x))).toList());
        assertThrows(UserException.class, () -> d.sum(x -> BadInputSuite.failOn(x)));
        assertThrows(UserException.class, () -> d.minBy(x -> BadInputSuite.failOn(x)));
        assertThrows(UserException.class, () -> d.reduce((x, y) -> BadInputSuite.failOn(x) + BadInputSuite.failOn(y)));
        assertThrows(UserException.class, () -> d.aggregate(0.0, (a, x) -> a + BadInputSuite.failOn(x), Double::sum));
        assertThrows(UserException.class, () -> d.groupBy(x -> x > 3).reduce((x, y) -> BadInputSuite.failOn(x) + BadInputSuite.failOn(y))
                .toList());
    }

    /** A static helper, as users write them: the lifter inlines it, the throw included. */
    static double failOn(double x) {
        if (x == BAD_VALUE) {
            throw new UserException("failed on " + x);
        }
        return x;
    }

    @Test
    void integerDivisionByZeroThrowsArithmeticException() {
        int[] xs = {4, 2, 0, 1};
        assertThrows(ArithmeticException.class, () -> DataSet.from(xs).on(engine()).map(x -> 12 / x).toList());
        assertThrows(ArithmeticException.class, () -> DataSet.from(xs).on(engine()).filter(x -> 12 % x == 0).count());
        long[] ls = {3L, 0L};
        assertThrows(ArithmeticException.class, () -> DataSet.from(ls).on(engine()).map(x -> 9L / x).toList());
        int zero = 0;
        assertThrows(ArithmeticException.class, () -> DataSet.from(xs).on(engine()).map(x -> x / zero).toList());
    }

    @Test
    void floatingPointDivisionByZeroIsNoError() {
        List<Double> out = DataSet.from(new double[]{1, -1, 0}).on(engine()).map(x -> x / 0.0).toList();
        Results.assertSameOrdered(List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN), out, 0);
    }

    @Test
    void reduceOfEmptyWithoutIdentityIsEmpty() {
        assertEquals(Optional.empty(), DataSet.from(new double[0]).on(engine()).reduce(Double::sum));
        assertEquals(Optional.empty(), DataSet.from(new int[]{1, 2, 3}).on(engine()).filter(x -> x > 3).reduce(Integer::sum));
        assertEquals(Optional.empty(), DataSet.from(List.<Point>of()).on(engine())
                .reduce((p, q) -> new Point(p.x() + q.x(), p.y() + q.y())));
    }

    // ---------------------------------------------------- unsupported element types

    @Test
    void unsupportedElementTypesFailAtFrom() {
        assertThrows(IllegalArgumentException.class, () -> DataSet.from(List.of(new ArrayList<Integer>())));
        assertThrows(IllegalArgumentException.class, () -> DataSet.from(List.of(new Object())));
        assertThrows(IllegalArgumentException.class, () -> DataSet.from(new StringBuilder("x")));
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> DataSet.from(new Basket(1, List.of(1, 2))));
        assertTrue(b.getMessage().contains("items"), "names the component: " + b.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataSet.from(new Basket[0]));
    }

    @Test
    void mixedClassesFailAtFromNamingTheElement() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSet.from(List.<Object>of(1, 2, 3, 4.0)));
        assertMentionsIndex(e, 3);
        assertThrows(IllegalArgumentException.class, () -> DataSet.from(new Object[]{"a", 1}));
        assertThrows(IllegalArgumentException.class, () -> DataSet.from(new Number[]{1, 2L}));
    }

    @Test
    void negativeTakeFailsWhenTheQueryIsBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSet.from(new int[]{1}).on(engine()).take(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    // ---------------------------------------------------------------- helpers

    private static void assertNamed(String operator, Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call, operator + "(null)");
        assertTrue(e.getMessage() != null && e.getMessage().contains(operator),
                operator + "(null) should name the operator, said: " + e.getMessage());
    }

    /** The index must appear as a whole number in the message, a suppressed exception's or a cause's. */
    private static void assertMentionsIndex(Throwable e, int index) {
        Pattern number = Pattern.compile("(?<![\\d.])" + index + "(?![\\d.])");
        StringBuilder all = new StringBuilder();
        collect(e, all, 0);
        assertTrue(number.matcher(all).find(), "the failure should name element " + index + "; it said:\n" + all);
    }

    private static void collect(Throwable e, StringBuilder into, int depth) {
        if (e == null || depth > 5) {
            return;
        }
        into.append(e).append('\n');
        for (Throwable s : e.getSuppressed()) {
            collect(s, into, depth + 1);
        }
        if (e.getCause() != e) {
            collect(e.getCause(), into, depth + 1);
        }
    }
}
