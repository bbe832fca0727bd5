package io.pappus.benchmarks;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A PNG bar chart of a workload's rows: one bar per variant, one colour per group. */
final class BarChart {
    private BarChart() {
    }

    static void write(Path png, String title, List<Row> rows) throws IOException {
        System.setProperty("java.awt.headless", "true");  // CI and this VM have no display
        boolean ratios = rows.stream().anyMatch(r -> !Double.isNaN(r.ratio()));
        List<String> variants = rows.stream().filter(Row::measured).map(Row::variant).distinct().toList();
        CategoryChart chart = new CategoryChartBuilder().width(1200).height(700).title(title)
                .xAxisTitle("").yAxisTitle(ratios ? "time / fastest anchor (lower is better)" : "ms (log scale)")
                .build();
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setYAxisLogarithmic(!ratios);
        chart.getStyler().setLegendVisible(rows.stream().map(Row::group).distinct().count() > 1);
        Map<String, Map<String, Double>> byGroup = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.measured()) {
                byGroup.computeIfAbsent(r.group(), g -> new LinkedHashMap<>()).put(r.variant(),
                        ratios ? r.ratio() : Math.max(r.ms(), 1e-4));  // a log axis needs > 0
            }
        }
        for (Map.Entry<String, Map<String, Double>> g : byGroup.entrySet()) {
            List<Double> ys = new ArrayList<>();
            for (String v : variants) {
                // XChart needs one value per category: a variant a group lacks gets a zero bar.
                ys.add(g.getValue().getOrDefault(v, 0.0));
            }
            chart.addSeries(g.getKey(), variants.stream().map(BarChart::shorten).toList(), ys);
        }
        if (!ratios) {
            // Bars start at zero unless told otherwise, and a log axis cannot hold zero.
            chart.getStyler().setYAxisMin(byGroup.values().stream().flatMap(m -> m.values().stream())
                    .mapToDouble(Double::doubleValue).min().orElse(1) / 2);
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static String shorten(String variant) {
        return variant.length() <= 34 ? variant : variant.substring(0, 32) + "..";
    }
}
