package io.pappus.lift;

/** Static helpers that lifted lambdas call. */
public final class Geometry {
    private Geometry() {
    }

    public static double dist2(Point p, Point q) {
        double dx = p.x() - q.x();
        double dy = p.y() - q.y();
        return dx * dx + dy * dy;
    }

    public static double norm(Point p) {
        return Math.sqrt(dist2(p, new Point(0, 0)));
    }

    public static int fact(int n) {
        return n <= 1 ? 1 : n * fact(n - 1);
    }

    public static int even(int n) {
        return n == 0 ? 1 : odd(n - 1);
    }

    public static int odd(int n) {
        return n == 0 ? 0 : even(n - 1);
    }

    public static double score(double x) {
        return x < 0 ? -x * 0.5 : x * 2;
    }

    public static int count(double x) {
        return (int) x;
    }
}
