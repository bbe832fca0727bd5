package io.pappus.benchmarks;

import io.pappus.jvm.exec.ChunkRunner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes one workload's rows as {@code <id>.csv}, {@code <id>.md} (the table RESULTS.md quotes)
 * and {@code <id>.png} (a bar chart of the ratios, or of the times where no anchor exists).
 */
final class Report {
    private Report() {
    }

    /**
     * @param dir   where the files go
     * @param id    the workload's id, e.g. {@code "w4"}: the files' names
     * @param title the chart's and table's title
     * @param rows  the rows
     * @throws IOException if a file cannot be written
     */
    static void write(Path dir, String id, String title, List<Row> rows) throws IOException {
        Files.createDirectories(dir);
        int threads = ChunkRunner.threads();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve(id + ".csv")))) {
            w.println("workload,group,variant,kind,size,threads,median_ms,ratio_to_best_anchor,note");
            for (Row r : rows) {
                w.printf(Locale.ROOT, "%s,%s,%s,%s,%s,%d,%s,%s,%s%n", id, r.group(), quote(r.variant()),
                        r.anchor() ? "anchor" : "pappus", quote(r.size()), threads, number(r.ms(), "%.3f"),
                        number(r.ratio(), "%.2f"), quote(r.note()));
            }
        }
        Files.writeString(dir.resolve(id + ".md"), markdown(title, rows, threads));
        BarChart.write(dir.resolve(id + ".png"), title, rows);
        System.out.println("wrote " + dir.resolve(id + ".csv") + ", .md, .png");
    }

    static String markdown(String title, List<Row> rows, int threads) {
        boolean ratios = rows.stream().anyMatch(r -> !Double.isNaN(r.ratio()));
        StringBuilder md = new StringBuilder("**" + title + "** (" + threads + " threads, median ms)\n\n");
        md.append(ratios ? "| group | variant | size | ms | x best anchor |\n|---|---|---|---:|---:|\n"
                : "| group | variant | size | ms | note |\n|---|---|---|---:|---|\n");
        for (Row r : rows) {
            String name = r.anchor() ? r.variant() : "**" + r.variant() + "**";
            String last = ratios ? number(r.ratio(), "%.2f") : r.note();
            String ms = r.measured() ? number(r.ms(), r.ms() < 1 ? "%.4f" : "%.1f") : r.note();
            md.append(String.format("| %s | %s | %s | %s | %s |%n", r.group(), name, r.size(), ms, last));
        }
        return md.toString();
    }

    private static String number(double v, String format) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
