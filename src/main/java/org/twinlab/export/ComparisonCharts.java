package org.twinlab.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.twinlab.export.chart.Chart;
import org.twinlab.export.chart.Charts;
import org.twinlab.export.chart.FigureSize;
import org.twinlab.export.chart.HeatmapRow;
import org.twinlab.export.chart.LineChart;
import org.twinlab.export.chart.Palette;
import org.twinlab.runs.RunComparison;
import org.twinlab.runs.SettingsDiff;
import org.twinlab.runs.Smoothing;

/**
 * The figures of a comparison of runs, drawn with the chart package so they can be written as PNG (or
 * SVG): one loss curve per run, linear (solid) and kNN (dashed) accuracy per run, and the final C of
 * each run side by side on one colour scale. Run {@code i} has colour {@code i} in all of them, as in the
 * window; hidden runs are left out but keep their colours. The differing settings are the subtitle.
 */
public final class ComparisonCharts {
    /** The files {@link #write} makes, in this order. */
    public static final List<String> FILES = List.of("compare-loss.png", "compare-accuracy.png", "compare-c.png");

    private ComparisonCharts() {
    }

    /** One curve per shown run: {@code curve} is {@link RunComparison#TOTAL} or a term's key; log y where every value is positive. */
    public static LineChart loss(RunComparison c, String curve, Set<Integer> hidden, double smoothing) {
        return loss(c, curve, hidden, smoothing, true);
    }

    /**
     * The same, on a log y axis only where {@code log} is asked for and every value is positive. The
     * Compare tab draws this chart's series on screen, so the tab and its PNG show the same curves.
     */
    public static LineChart loss(RunComparison c, String curve, Set<Integer> hidden, double smoothing, boolean log) {
        String label = c.curveLabels().getOrDefault(curve, curve);
        LineChart chart = new LineChart("Loss: " + label).subtitle(subtitle(c)).axes("step", label);
        boolean positive = true;
        for (int i = 0; i < c.runs().size(); i++) {
            RunComparison.Run r = c.runs().get(i);
            double[] y = r.curve(curve);
            if (hidden.contains(i) || y == null) {
                continue;
            }
            for (double v : y) {
                positive &= !(v <= 0);
            }
            chart.add(LineChart.Series.line(r.name(), r.steps(), Smoothing.ema(y, smoothing)).color(Palette.category(i)));
        }
        return chart.logY(log && positive);
    }

    /** Linear-probe top-1 (solid, with points) and kNN top-1 (dashed) of each shown run, in percent, against epoch. */
    public static LineChart accuracy(RunComparison c, Set<Integer> hidden) {
        // from epoch 0, so a run's first probe is where it is in the run; accuracies end at 100 %
        LineChart chart = new LineChart("Probe accuracy").subtitle(subtitle(c)).axes("epoch", "top-1 accuracy (%)")
                .xRange(0, Double.NaN).yRange(Double.NaN, 100);
        for (int i = 0; i < c.runs().size(); i++) {
            RunComparison.Run r = c.runs().get(i);
            if (hidden.contains(i)) {
                continue;
            }
            chart.add(LineChart.Series.linePoints(r.name() + ", linear", r.probeEpochs(), r.linearPercent())
                    .color(Palette.category(i)));
            chart.add(LineChart.Series.line(r.name() + ", kNN", r.probeEpochs(), r.knnPercent()).dashed()
                    .color(Palette.category(i)));
        }
        return chart;
    }

    /** The last C of each shown run that has one, side by side on the fixed [-1, 1] scale. */
    public static HeatmapRow correlations(RunComparison c, Set<Integer> hidden) {
        HeatmapRow row = new HeatmapRow("Final cross-correlation C").subtitle(subtitle(c));
        for (int i = 0; i < c.runs().size(); i++) {
            RunComparison.Run r = c.runs().get(i);
            if (!hidden.contains(i) && r.correlation() != null) {
                row.add(String.format(Locale.ROOT, "%s (step %d)", r.name(), r.correlation().step()),
                        r.correlation().values(), r.correlation().side(), Palette.category(i));
            }
        }
        return row;
    }

    /** Writes {@link #FILES} into {@code dir}; returns the files written. */
    public static List<Path> write(RunComparison c, String curve, Set<Integer> hidden, double smoothing, Path dir,
                                   FigureSize size) throws IOException {
        return write(c, curve, hidden, smoothing, true, dir, size);
    }

    /** The same, the loss on a log axis only where {@code log} is asked (as the Compare tab shows it). */
    public static List<Path> write(RunComparison c, String curve, Set<Integer> hidden, double smoothing, boolean log,
                                   Path dir, FigureSize size) throws IOException {
        List<Chart> charts = List.of(loss(c, curve, hidden, smoothing, log), accuracy(c, hidden), correlations(c, hidden));
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < charts.size(); i++) {
            Path f = dir.resolve(FILES.get(i));
            Charts.write(charts.get(i), f, size);
            out.add(f);
        }
        return out;
    }

    private static String subtitle(RunComparison c) {
        List<String> parts = c.differences().stream().map(SettingsDiff.Difference::toString).toList();
        return parts.isEmpty() ? "the runs' settings are the same" : String.join("; ", parts);
    }
}
