package io.pappus.benchmarks;

import io.pappus.api.DataSet;
import io.pappus.api.Engine;
import io.pappus.samples.BlackScholes;
import io.pappus.jvm.exec.ChunkRunner;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.ArrayList;

/**
 * W2's variants over the Black-Scholes sample's own types and query, for
 * {@code io.pappus.benchmarks.W2}. It sits in the samples' package (in the benchmarks module)
 * only because {@code BlackScholes.Option} and {@code price} are package-private; once samples
 * makes them public this moves to {@code io.pappus.benchmarks}.
 */
public final class BlackScholesBench {
    private static final ForkJoinPool POOL = new ForkJoinPool(ChunkRunner.threads());
    private final List<BlackScholes.Option> options;
    private final BlackScholes.Option[] array;

    /**
     * @param n    how many options, from the sample's generator (seed 42)
     */
    public BlackScholesBench(int n) {
        options = BlackScholes.generate(n, 42);
        array = options.toArray(new BlackScholes.Option[0]);
    }

    /** @return the sample's query: {@code DataSet.from(options).on(engine).map(BlackScholes::price).toList()} */
    public Object pappus(Engine engine) {
        return BlackScholes.priceAll(options, engine);
    }

    /** @return the options laid out once by {@code engine}, for {@link #pappusCached} */
    public DataSet<?> cache(Engine engine) {
        return DataSet.from(options).on(engine).cache();
    }

    /** @return the sample's map over a cached data set from {@link #cache} */
    @SuppressWarnings("unchecked")
    public Object pappusCached(DataSet<?> cached) {
        return ((DataSet<BlackScholes.Option>) cached).map(BlackScholes::price).toList();
    }

    /** @return the prices, one thread, into an array */
    public Object handLoop() {
        BlackScholes.Price[] out = new BlackScholes.Price[array.length];
        for (int i = 0; i < array.length; i++) {
            out[i] = BlackScholes.price(array[i]);
        }
        return out;
    }

    /** @return the prices, the same loop over Pappus' chunks on a fork-join pool */
    public Object handLoopParallel() {
        BlackScholes.Price[] out = new BlackScholes.Price[array.length];
        int[] b = ChunkRunner.chunks(array.length);
        List<ForkJoinTask<?>> tasks = new ArrayList<>();
        for (int k = 0; k + 1 < b.length; k++) {
            int lo = b[k];
            int hi = b[k + 1];
            tasks.add(POOL.submit(() -> {
                for (int i = lo; i < hi; i++) {
                    out[i] = BlackScholes.price(array[i]);
                }
            }));
        }
        tasks.forEach(ForkJoinTask::join);
        return out;
    }

    /** @return {@code Arrays.stream(options).parallel().map(BlackScholes::price).toList()} */
    public Object parallelStream() {
        return Arrays.stream(array).parallel().map(BlackScholes::price).toList();
    }

    /**
     * @param answer a {@code List} or array of prices
     * @return the sums of the calls and of the puts, and the first and last option's prices
     */
    public static double[] digest(Object answer) {
        List<?> prices = answer instanceof Object[] a ? Arrays.asList(a) : (List<?>) answer;
        double calls = 0;
        double puts = 0;
        for (Object o : prices) {
            BlackScholes.Price p = (BlackScholes.Price) o;
            calls += p.call();
            puts += p.put();
        }
        BlackScholes.Price first = (BlackScholes.Price) prices.get(0);
        BlackScholes.Price last = (BlackScholes.Price) prices.get(prices.size() - 1);
        return new double[] {calls, puts, first.call(), first.put(), last.call(), last.put()};
    }
}
