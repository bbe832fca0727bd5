package io.pappus.samples;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.api.Engines;

import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Prices European call and put options with the Black-Scholes closed form: one record in, one
 * record out, pure arithmetic: the shape of work a GPU does best.
 *
 * <pre>
 * java io.pappus.samples.BlackScholes --options=1000000 --explain
 * </pre>
 */
public final class BlackScholes {
    /**
     * A European option.
     *
     * @param s spot price
     * @param k strike price
     * @param t years to expiry
     * @param r risk-free rate, continuously compounded
     * @param v volatility
     */
    public record Option(double s, double k, double t, double r, double v) {
    }

    /** Both prices of one option. */
    public record Price(double call, double put) {
    }

    private BlackScholes() {
    }

    /**
     * The closed form, written as plain Java; the lifter inlines this static helper into the
     * lambda that calls it.
     *
     * @param o the option
     * @return its call and put prices
     */
    public static Price price(Option o) {
        double sqrtT = Math.sqrt(o.t());
        double d1 = (Math.log(o.s() / o.k()) + (o.r() + o.v() * o.v() / 2) * o.t()) / (o.v() * sqrtT);
        double d2 = d1 - o.v() * sqrtT;
        double discountedStrike = o.k() * Math.exp(-o.r() * o.t());
        double call = o.s() * cnd(d1) - discountedStrike * cnd(d2);
        double put = discountedStrike * cnd(-d2) - o.s() * cnd(-d1);
        return new Price(call, put);
    }

    /**
     * The cumulative normal distribution, Abramowitz and Stegun 26.2.17 (absolute error below
     * 7.5e-8): a polynomial in {@code 1 / (1 + 0.2316419 |x|)}, no branches but the sign.
     *
     * @param x the point
     * @return P(Z <= x) for a standard normal Z
     */
    public static double cnd(double x) {
        double l = Math.abs(x);
        double k = 1.0 / (1.0 + 0.2316419 * l);
        double poly = k * (0.319381530 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978
                + k * 1.330274429))));
        double w = 1.0 - Math.exp(-l * l / 2) / Math.sqrt(2 * Math.PI) * poly;
        return x < 0 ? 1.0 - w : w;
    }

    /**
     * Options with spot 10..100, strike 10..100, expiry 0.25..10 years, rate 1%..10%,
     * volatility 10%..60%, the ranges of the classic GPU benchmark.
     *
     * @param n    how many
     * @param seed the generator's seed
     * @return the options
     */
    public static List<Option> generate(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        return IntStream.range(0, n)
                .mapToObj(i -> new Option(rnd.nextDouble(10, 100), rnd.nextDouble(10, 100),
                        rnd.nextDouble(0.25, 10), rnd.nextDouble(0.01, 0.10), rnd.nextDouble(0.10, 0.60)))
                .toList();
    }

    /**
     * @param options the options
     * @param engine  where to run
     * @return each option's prices, in order
     */
    public static List<Price> priceAll(List<Option> options, Engine engine) {
        return DataSet.from(options).on(engine).map(BlackScholes::price).toList();
    }

    /** @return the same prices with a plain loop */
    public static List<Price> priceAllPlainJava(List<Option> options) {
        Price[] prices = new Price[options.size()];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = price(options.get(i));
        }
        return List.of(prices);
    }

    /**
     * Runs the sample and checks it: every price within 1e-9 (a billionth of a currency unit) of
     * plain Java's, since a compiled backend may fuse multiply-adds and a put far out of the money
     * is a difference of nearly equal terms; and the textbook option
     * S=K=100, T=1, r=5%, sigma=20% at call 10.4506, put 5.5735.
     *
     * @param n      how many options
     * @param engine where to run
     * @return the outcome
     */
    static Outcome run(int n, Engine engine) {
        List<Option> options = generate(n, 42);
        long t0 = System.nanoTime();
        List<Price> prices = Progress.during("Black-Scholes", () -> priceAll(options, engine));
        Price textbook = DataSet.from(new Option(100, 100, 1, 0.05, 0.2)).on(engine).map(BlackScholes::price)
                .toList().get(0);
        double pappusMillis = Outcome.millisSince(t0);
        t0 = System.nanoTime();
        List<Price> expected = priceAllPlainJava(options);
        double plainMillis = Outcome.millisSince(t0);

        boolean ok = Math.abs(textbook.call() - 10.4506) < 5e-5 && Math.abs(textbook.put() - 5.5735) < 5e-5;
        double callSum = 0;
        double putSum = 0;
        for (int i = 0; i < n; i++) {
            ok &= Math.abs(prices.get(i).call() - expected.get(i).call()) <= 1e-9
                    && Math.abs(prices.get(i).put() - expected.get(i).put()) <= 1e-9;
            callSum += prices.get(i).call();
            putSum += prices.get(i).put();
        }
        String result = String.format("S=K=100 T=1: call %.4f put %.4f; mean call %.4f put %.4f", textbook.call(),
                textbook.put(), callSum / n, putSum / n);
        return new Outcome("Black-Scholes (" + n + " options)", result, ok, pappusMillis, plainMillis);
    }

    /**
     * @param args {@code --options=N} (default 100,000), {@code --explain}
     */
    public static void main(String[] args) {
        Flags flags = Flags.parse(args, Set.of("options"));
        int n = flags.intValue("options", 100_000);
        run(n, Engines.defaultEngine()).print(System.out);
        if (flags.explain()) {
            System.out.println(DataSet.from(generate(1, 1)).map(BlackScholes::price).explain());
        }
    }
}
