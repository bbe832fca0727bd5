package io.pappus.lift;

import io.pappus.api.Fn;
import io.pappus.api.Fn2;
import io.pappus.api.Pair;
import io.pappus.api.Pred;
import io.pappus.api.ToDoubleFn;
import io.pappus.ir.Type;

import java.util.ArrayList;
import java.util.List;

/** Lambdas that must lift, shared by the golden and the differential tests. */
final class LiftCorpus {
    static final Type.Struct POINT = (Type.Struct) JavaTypes.ofClass(Point.class);
    static final Type.Struct SEG = (Type.Struct) JavaTypes.ofClass(Seg.class);
    static final Type.Struct PAIR_DD = new Type.Struct(Pair.class.getName(),
            List.of(new Type.Field("first", Type.DOUBLE), new Type.Field("second", Type.DOUBLE)));

    private final List<Case> cases = new ArrayList<>();

    private LiftCorpus() {
    }

    private void add(String name, Object fn, List<Type> types, Gen... gens) {
        cases.add(new Case(name, fn, types, List.of(gens)));
    }

    private void d(String name, Fn<Double, ?> fn) {
        add(name, fn, List.of(Type.DOUBLE), Gen.DOUBLE);
    }

    private void dd(String name, Fn2<Double, Double, ?> fn) {
        add(name, fn, List.of(Type.DOUBLE, Type.DOUBLE), Gen.DOUBLE, Gen.DOUBLE);
    }

    private void ff(String name, Fn2<Float, Float, ?> fn) {
        add(name, fn, List.of(Type.FLOAT, Type.FLOAT), Gen.FLOAT, Gen.FLOAT);
    }

    private void i(String name, Fn<Integer, ?> fn) {
        add(name, fn, List.of(Type.INT), Gen.INT);
    }

    private void small(String name, Fn<Integer, ?> fn) {
        add(name, fn, List.of(Type.INT), Gen.SMALL_INT);
    }

    private void p(String name, Object fn) {
        add(name, fn, List.of(POINT), Gen.POINT);
    }

    static List<Case> all() {
        LiftCorpus c = new LiftCorpus();
        c.arithmetic();
        c.comparisons();
        c.conversions();
        c.control();
        c.records();
        c.capturesAndCalls();
        return c.cases;
    }

    private void arithmetic() {
        d("arith_double", x -> -x * 2.0 + 1.0 - x / 3.0 % 1.5);
        add("arith_int", (Fn2<Integer, Integer, Integer>) (a, b) -> a / b + a % b - (a << b) + (a >> b) + (a >>> b)
                + (a & b) + (a | b) + (a ^ b) + ~a - -b * 31, List.of(Type.INT, Type.INT), Gen.INT, Gen.INT);
        add("arith_long", (Fn2<Long, Long, Long>) (a, b) -> a / b + a % b - (a << b) + (a >>> 3) + (a & b) + (a ^ ~b),
                List.of(Type.LONG, Type.LONG), Gen.LONG, Gen.LONG);
        ff("arith_float", (a, b) -> a * b - a / b + a % b + -a);
        d("math_intrinsics", x -> Math.sqrt(Math.abs(x)) + Math.sin(x) * Math.pow(x, 2) + Math.max(x, 1.0)
                + Math.floor(x) + Math.hypot(x, 3) + Math.atan2(x, 2) + Math.exp(-x) + Math.round(x)
                + Math.min(x, -1) + Math.signum(x) + Math.toRadians(x) + Math.fma(x, x, 1.0) + StrictMath.cbrt(x));
        i("int_intrinsics", x -> Integer.bitCount(x) + Integer.numberOfLeadingZeros(x) + Math.abs(x)
                + Math.floorMod(x, 7) + Math.floorDiv(x, 3) + Integer.compare(x, 5) + Integer.max(x, 0)
                + Long.numberOfTrailingZeros((long) x) + Integer.signum(x));
        d("double_predicates", x -> Double.isNaN(x) ? 1 : Double.isInfinite(x) ? 2 : Double.compare(x, 0.0)
                + (int) (Double.doubleToRawLongBits(x) >>> 60));
    }

    private void comparisons() {
        dd("cmp_lt", (a, b) -> a < b);
        dd("cmp_le", (a, b) -> a <= b);
        dd("cmp_gt", (a, b) -> a > b);
        dd("cmp_ge", (a, b) -> a >= b);
        dd("cmp_eq", (a, b) -> a.doubleValue() == b);
        dd("cmp_ne", (a, b) -> a.doubleValue() != b);
        dd("cmp_if_lt", (a, b) -> {
            if (a < b) {
                return 1;
            }
            return 2;
        });
        dd("cmp_if_ge_else", (a, b) -> {
            if (a >= b) {
                return a;
            } else {
                return b;
            }
        });
        ff("cmp_float_gt", (a, b) -> a > b ? 1 : a <= b ? 2 : 3);
        add("cmp_long", (Fn2<Long, Long, Boolean>) (a, b) -> a < b || a == b + 1,
                List.of(Type.LONG, Type.LONG), Gen.LONG, Gen.LONG);
        add("pred_and_or", (Pred<Double>) x -> x > 0 && x < 10 || x == -1, List.of(Type.DOUBLE), Gen.DOUBLE);
        // non-short-circuit operators over comparisons: the left value waits on the stack while the
        // right comparison branches, and must not turn the join into control flow
        add("pred_bitwise_of_compares", (Pred<Double>) x -> x > 0.25 | x < -0.75 & x != -1, List.of(Type.DOUBLE), Gen.DOUBLE);
        add("pred_eq_of_compares", (Pred<Double>) x -> (x >= 0.25) == (x <= 0.75) ^ x == 0, List.of(Type.DOUBLE),
                Gen.DOUBLE);
        d("ternary", x -> x > 0 ? x : -x);
        add("boolean_ops", (Fn2<Boolean, Boolean, Boolean>) (a, b) -> !a ^ b | (a & !b),
                List.of(Type.BOOLEAN, Type.BOOLEAN), Gen.BOOLEAN, Gen.BOOLEAN);
    }

    private void conversions() {
        d("casts_from_double", x -> {
            double v = x;
            return (long) v + (int) v + (float) v + (byte) (int) v + (char) (int) v + (short) x.intValue();
        });
        add("casts_from_long", (Fn<Long, Double>) x -> (double) x + (float) x + (int) (long) x,
                List.of(Type.LONG), Gen.LONG);
        add("casts_from_float", (Fn<Float, Long>) x -> (long) (float) x + (int) (float) x + (long) (double) x,
                List.of(Type.FLOAT), Gen.FLOAT);
        i("casts_from_int", x -> (double) x + (byte) (int) x + (char) (int) x + (short) (int) x + (long) x + (float) x);
        i("boxing", x -> Long.valueOf(x.longValue() + Integer.valueOf(x)) + Double.valueOf(x).intValue());
        add("char_arith", (Fn<Character, Integer>) ch -> ch + 1 + (ch > 'a' ? 1 : 0), List.of(Type.CHAR), Gen.CHAR);
        add("byte_short", (Fn2<Byte, Short, Byte>) (b, s) -> (byte) (b * 2 + s), List.of(Type.BYTE, Type.SHORT),
                Gen.BYTE, Gen.SHORT);
        i("string_const", x -> x > 0 ? "positive" : "other");
    }

    private void control() {
        i("early_return", x -> {
            if (x < 0) {
                return -1;
            }
            if (x == 0) {
                return 0;
            }
            return x * 2;
        });
        small("for_loop", n -> {
            int s = 0;
            for (int k = 0; k < n; k++) {
                s += k * k;
            }
            return s;
        });
        small("while_loop", n -> {
            long v = n;
            int steps = 0;
            while (v > 1 && steps < 1000) {
                v = v % 2 == 0 ? v / 2 : 3 * v + 1;
                steps++;
            }
            return steps;
        });
        small("do_while", n -> {
            int k = 0;
            do {
                k += 3;
            } while (k < n);
            return k;
        });
        small("nested_break_continue", n -> {
            int found = -1;
            outer:
            for (int a = 1; a < n; a++) {
                for (int b = a; b < n; b++) {
                    if ((a + b) % 3 == 0) {
                        continue;
                    }
                    if (a * b == n + 5) {
                        found = a * 100 + b;
                        break outer;
                    }
                    if (b > 2 * a) {
                        break;
                    }
                }
            }
            return found;
        });
        i("slot_reuse", x -> {
            double r;
            {
                int a = x * 2;
                r = a;
            }
            {
                double b = x / 2.0;
                r += b;
            }
            return r;
        });
        i("iinc_in_expression", x -> {
            int k = x;
            return k++ + k;
        });
        small("boolean_local", n -> {
            boolean seen = false;
            for (int k = 0; k < n; k++) {
                seen = seen || k * k == n;
            }
            return seen;
        });
    }

    private void records() {
        p("record_accessor", (Fn<Point, Double>) q -> q.x() * q.y());
        p("record_constructor", (Fn<Point, Point>) q -> new Point(q.y(), q.x() + 1));
        add("nested_record", (Fn<Seg, Double>) s -> s.a().x() - s.b().y(), List.of(SEG), Gen.SEG);
        add("nested_record_result", (Fn<Point, Seg>) q -> new Seg(q, new Point(-q.x(), 0)), List.of(POINT), Gen.POINT);
        d("pair_result", x -> new Pair<>(x, (int) (double) x));
        p("pair_of", (Fn<Point, Pair<Double, Double>>) q -> Pair.of(q.x(), q.y()));
        add("pair_argument", (Fn<Pair<Double, Double>, Double>) q -> q.first() + q.second(), List.of(PAIR_DD),
                Gen.PAIR_DD);
        p("to_double_fn", (ToDoubleFn<Point>) q -> q.x());
    }

    private void capturesAndCalls() {
        double factor = 3.5;
        d("captured_primitive", x -> x * factor);
        Point origin = new Point(1, 2);
        p("captured_record", (Fn<Point, Double>) q -> q.x() - origin.x() + q.y() * origin.y());
        double[] weights = {0.5, 1.5, -2};
        small("captured_array", k -> weights[k] * weights.length);
        double[][] centroids = {{0, 0}, {5, 5}, {-3, 4}};
        p("kmeans_nearest", (Fn<Point, Integer>) q -> {
            int best = 0;
            double bestD = Double.MAX_VALUE;
            for (int k = 0; k < centroids.length; k++) {
                double dx = q.x() - centroids[k][0];
                double dy = q.y() - centroids[k][1];
                double dd = dx * dx + dy * dy;
                if (dd < bestD) {
                    bestD = dd;
                    best = k;
                }
            }
            return best;
        });
        double[] flat = {0, 0, 5, 5, -3, 4};
        int dim = 2;
        p("kmeans_flat", (Fn<Point, Integer>) q -> {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int k = 0; k < flat.length / dim; k++) {
                double dd = 0;
                for (int j = 0; j < dim; j++) {
                    double v = (j == 0 ? q.x() : q.y()) - flat[k * dim + j];
                    dd += v * v;
                }
                if (dd < bestD) {
                    bestD = dd;
                    best = k;
                }
            }
            return best;
        });
        p("static_helper", (Fn<Point, Double>) q -> Geometry.dist2(q, origin));
        p("helper_calls_helper", (Fn<Point, Double>) q -> Geometry.norm(q) + Geometry.score(q.x()));
        dd("ref_double_sum", Double::sum);
        add("ref_math_max", (Fn2<Integer, Integer, Integer>) Math::max, List.of(Type.INT, Type.INT), Gen.INT, Gen.INT);
        dd("ref_double_max", Double::max);
        p("ref_accessor", (Fn<Point, Double>) Point::x);
        dd("ref_constructor", Point::new);
        d("ref_static", Geometry::score);
        add("ref_static_widened", (ToDoubleFn<Double>) Geometry::count, List.of(Type.DOUBLE), Gen.DOUBLE);
    }
}
