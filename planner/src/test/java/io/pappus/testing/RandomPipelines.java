package io.pappus.testing;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Random query pipelines: a source of doubles, ints or {@link Point}s, up to
 * {@link #MAX_STEPS} operators drawn from a menu of real (Serializable, source-written)
 * lambdas with captured random constants, and a terminal. Each {@link Pipeline} prints as
 * nearly-pasteable Java, so a shrunk failure can be kept as a regression test.
 *
 * <p>The menu keeps every result well defined: {@code take} and {@code zip} only while the
 * order is defined (not after group, join or distinct until an orderBy on the whole element),
 * reductions use exactly associative and commutative operations (int sums, max, min), and
 * sums of doubles are compared within a bound that holds for any summation order.
 */
public final class RandomPipelines {
    /** The most operators in one pipeline. */
    public static final int MAX_STEPS = 6;
    /** The most source elements. */
    public static final int MAX_SIZE = 120;

    /** Element types a pipeline passes between steps. */
    public enum Kind { D, I, P }

    private RandomPipelines() {
    }

    /** One random decision: which menu entry, and the constants its lambda captures. */
    record Choice(int pick, double c, int k) {
    }

    /** @return random pipelines over random data */
    public static Arbitrary<Pipeline> pipelines() {
        Arbitrary<Choice> choice = Combinators.combine(Arbitraries.integers().between(0, 9999), constants(), intConstants())
                .as(Choice::new);
        return Arbitraries.of(Kind.values()).flatMap(kind -> Combinators.combine(source(kind),
                choice.list().ofMaxSize(MAX_STEPS), choice).as((src, steps, end) -> decode(src, steps, end)));
    }

    private static Arbitrary<Double> constants() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles().between(-10, 10).ofScale(2)),
                Tuple.of(2, Arbitraries.of(-2.5, -1.0, -0.0, 0.0, 0.5, 1.0, 3.0)));
    }

    private static Arbitrary<Integer> intConstants() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(-9, 9)),
                Tuple.of(1, Arbitraries.integers().between(30, 70)),
                Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0x40000000)));
    }

    private static Arbitrary<Source> source(Kind kind) {
        return switch (kind) {
            case D -> Gen.doubles().list().ofMaxSize(MAX_SIZE).map(Source::doubles);
            case I -> Arbitraries.oneOf(Gen.ints().list().ofMaxSize(MAX_SIZE).map(Source::ints),
                    Combinators.combine(Arbitraries.integers().between(-20, 20), Arbitraries.integers().between(0, MAX_SIZE))
                            .as(Source::range),
                    Arbitraries.integers().between(0, 3).map(n -> Source.range(Integer.MAX_VALUE - n, Integer.MAX_VALUE)));
            case P -> Gen.points().list().ofMaxSize(MAX_SIZE).map(Source::points);
        };
    }

    private static Pipeline decode(Source src, List<Choice> choices, Choice end) {
        Kind kind = src.kind();
        boolean ordered = true;
        boolean joined = false;
        List<Step> steps = new ArrayList<>();
        for (Choice ch : choices) {
            List<Step> menu = StepMenu.steps(kind, ordered, joined, ch);
            Step s = menu.get(ch.pick() % menu.size());
            steps.add(s);
            kind = s.out();
            joined |= s.joins();
            ordered = switch (s.order()) {
                case KEEPS -> ordered;
                case LOSES -> false;
                case RESTORES -> true;
            };
        }
        List<Term> terms = TermMenu.terms(kind, ordered, end);
        // toList (entry 0) shows every element, so it gets a third of the draws.
        Term t = end.pick() % 3 == 0 ? terms.get(0) : terms.get(end.pick() / 3 % terms.size());
        return new Pipeline(src, steps, t, ordered);
    }

    /** What a step does to the order of its output. */
    enum Order { KEEPS, LOSES, RESTORES }

    /** One operator with its lambdas; {@code apply} appends it to a query. */
    record Step(String text, Kind out, Order order, boolean joins, Function<DataSet<?>, DataSet<?>> apply) {
    }

    /**
     * A terminal. {@code absSum}, when present, is the same sum over absolute values: with the
     * element count it bounds the reordering error of a double sum.
     */
    record Term(String text, boolean isList, Function<DataSet<?>, Object> run, Function<DataSet<?>, Object> absSum) {
    }

    /** The data a pipeline starts from. */
    record Source(Kind kind, String text, Function<Engine, DataSet<?>> make) {
        static Source doubles(List<Double> xs) {
            double[] a = Gen.doubleArray(xs);
            return new Source(Kind.D, "DataSet.from(new double[]{" + xs.stream().map(RandomPipelines::literal)
                    .collect(Collectors.joining(", ")) + "})", e -> DataSet.from(a).on(e));
        }

        static Source ints(List<Integer> xs) {
            int[] a = Gen.intArray(xs);
            return new Source(Kind.I, "DataSet.from(new int[]{" + xs.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + "})", e -> DataSet.from(a).on(e));
        }

        static Source range(int start, int end) {
            return new Source(Kind.I, "DataSet.range(" + start + ", " + end + ")", e -> DataSet.range(start, end).on(e));
        }

        static Source points(List<Point> ps) {
            List<Point> copy = List.copyOf(ps);
            return new Source(Kind.P, "DataSet.from(List.of(" + ps.stream().map(p -> "new Point(" + literal(p.x()) + ", "
                    + literal(p.y()) + ")").collect(Collectors.joining(", ")) + "))", e -> DataSet.from(copy).on(e));
        }
    }

    /** A whole random query: source, steps, terminal. */
    public record Pipeline(Source source, List<Step> steps, Term terminal, boolean ordered) {
        /** @return the query without its terminal, on {@code engine} */
        DataSet<?> build(Engine engine) {
            DataSet<?> d = source.make().apply(engine);
            for (Step s : steps) {
                d = s.apply().apply(d);
            }
            return d;
        }

        /** @return the terminal's result on {@code engine} */
        public Object run(Engine engine) {
            return terminal.run().apply(build(engine));
        }

        /** @return whether the result is a list whose order the API leaves unspecified */
        public boolean unorderedResult() {
            return terminal.isList() && !ordered;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(source.text());
            for (Step s : steps) {
                b.append("\n    .").append(s.text());
            }
            return b.append("\n    .").append(terminal.text()).toString();
        }
    }

    /** A double as Java source. */
    static String literal(double x) {
        if (Double.isNaN(x)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return x == Double.MIN_VALUE ? "Double.MIN_VALUE" : x == -Double.MIN_VALUE ? "-Double.MIN_VALUE" : Double.toString(x);
    }
}
