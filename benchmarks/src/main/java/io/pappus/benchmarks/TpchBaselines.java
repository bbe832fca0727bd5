package io.pappus.benchmarks;

import io.pappus.samples.LineItem;
import io.pappus.samples.TpchQ1;
import io.pappus.samples.TpchQ6;
import io.pappus.jvm.exec.ChunkRunner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * TPC-H Q1 and Q6 by hand over the {@code LineItem[]} of a {@link TpchBench}: the loops a
 * performance-minded Java programmer writes, and the parallel-streams version. In this package
 * for the same reason as {@link TpchBench}.
 */
public final class TpchBaselines {
    private static final ForkJoinPool POOL = new ForkJoinPool(ChunkRunner.threads());
    private static final int CUTOFF = LineItem.day(TpchQ1.CUTOFF);
    private static final int Q6_FROM = LineItem.day(TpchQ6.FROM);
    private static final int Q6_TO = LineItem.day("1995-01-01");
    private final LineItem[] rows;

    /** @param bench the data */
    public TpchBaselines(TpchBench bench) {
        rows = bench.rows;
    }

    /** @return Q1's report: a loop over the rows, one thread or over Pappus' chunks */
    public Object q1HandLoop(boolean parallel) {
        Q1Sums total = new Q1Sums();
        if (!parallel) {
            total.add(rows, 0, rows.length);
        } else {
            int[] b = ChunkRunner.chunks(rows.length);
            List<ForkJoinTask<Q1Sums>> tasks = new ArrayList<>();
            for (int k = 0; k + 1 < b.length; k++) {
                int lo = b[k];
                int hi = b[k + 1];
                tasks.add(POOL.submit(() -> new Q1Sums().add(rows, lo, hi)));
            }
            tasks.forEach(t -> total.merge(t.join()));
        }
        return total.report();
    }

    /** @return Q1's report: parallel stream, {@code groupingBy} into a TreeMap of running sums */
    public Object q1ParallelStream() {
        TreeMap<Integer, double[]> groups = Arrays.stream(rows).parallel().filter(l -> l.shipDate() <= CUTOFF)
                .collect(Collectors.groupingBy(l -> TpchQ1.group(l.returnFlag(), l.lineStatus()), TreeMap::new,
                        Collector.of(() -> new double[6], TpchQ1::accumulate, Q1Sums::combine)));
        List<TpchQ1.Row> report = new ArrayList<>();
        groups.forEach((g, s) -> report.add(Q1Sums.row(g, s)));
        return report;
    }

    /** @return Q6's revenue: a loop over the rows, one thread or over Pappus' chunks */
    public Object q6HandLoop(boolean parallel) {
        if (!parallel) {
            return q6(0, rows.length);
        }
        int[] b = ChunkRunner.chunks(rows.length);
        List<ForkJoinTask<Double>> tasks = new ArrayList<>();
        for (int k = 0; k + 1 < b.length; k++) {
            int lo = b[k];
            int hi = b[k + 1];
            tasks.add(POOL.submit(() -> q6(lo, hi)));
        }
        double revenue = 0;
        for (ForkJoinTask<Double> t : tasks) {
            revenue += t.join();
        }
        return revenue;
    }

    private double q6(int lo, int hi) {
        double revenue = 0;
        for (int i = lo; i < hi; i++) {
            LineItem l = rows[i];
            if (l.shipDate() >= Q6_FROM && l.shipDate() < Q6_TO && l.discount() >= TpchQ6.MIN_DISCOUNT
                    && l.discount() <= TpchQ6.MAX_DISCOUNT && l.quantity() < TpchQ6.MAX_QUANTITY) {
                revenue += l.extendedPrice() * l.discount();
            }
        }
        return revenue;
    }

    /** @return Q6's revenue: parallel stream, filter and {@code mapToDouble(...).sum()} */
    public Object q6ParallelStream() {
        return Arrays.stream(rows).parallel()
                .filter(l -> l.shipDate() >= Q6_FROM && l.shipDate() < Q6_TO && l.discount() >= TpchQ6.MIN_DISCOUNT
                        && l.discount() <= TpchQ6.MAX_DISCOUNT && l.quantity() < TpchQ6.MAX_QUANTITY)
                .mapToDouble(l -> l.extendedPrice() * l.discount()).sum();
    }

    /** Q1's running sums for the few groups, found by a linear search of their codes. */
    private static final class Q1Sums {
        private final int[] codes = new int[16];
        private final double[][] sums = new double[16][];
        private int used;

        Q1Sums add(LineItem[] rows, int lo, int hi) {
            for (int i = lo; i < hi; i++) {
                LineItem l = rows[i];
                if (l.shipDate() <= CUTOFF) {
                    TpchQ1.accumulate(slot(TpchQ1.group(l.returnFlag(), l.lineStatus())), l);
                }
            }
            return this;
        }

        private double[] slot(int code) {
            for (int s = 0; s < used; s++) {
                if (codes[s] == code) {
                    return sums[s];
                }
            }
            codes[used] = code;
            sums[used] = new double[6];
            return sums[used++];
        }

        void merge(Q1Sums other) {
            for (int s = 0; s < other.used; s++) {
                combine(slot(other.codes[s]), other.sums[s]);
            }
        }

        List<TpchQ1.Row> report() {
            TreeMap<Integer, double[]> ordered = new TreeMap<>();
            for (int s = 0; s < used; s++) {
                ordered.put(codes[s], sums[s]);
            }
            List<TpchQ1.Row> report = new ArrayList<>();
            ordered.forEach((g, s) -> report.add(row(g, s)));
            return report;
        }

        static double[] combine(double[] a, double[] b) {
            for (int i = 0; i < 6; i++) {
                a[i] += b[i];
            }
            return a;
        }

        static TpchQ1.Row row(int group, double[] s) {
            return TpchQ1.Row.of(group, new TpchQ1.Sums(s[0], s[1], s[2], s[3], s[4], (long) s[5]));
        }
    }
}
