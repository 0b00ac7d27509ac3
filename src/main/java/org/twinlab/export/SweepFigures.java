package org.twinlab.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.twinlab.export.chart.BarChart;
import org.twinlab.export.chart.Chart;
import org.twinlab.export.chart.Charts;
import org.twinlab.export.chart.FigureSize;
import org.twinlab.export.chart.LineChart;
import org.twinlab.export.chart.Palette;
import org.twinlab.export.chart.Panels;
import org.twinlab.runs.RunComparison;
import org.twinlab.runs.RunRecord;
import org.twinlab.runs.RunsTable;
import org.twinlab.runs.SettingsDiff;
import org.twinlab.runs.Study;
import org.twinlab.runs.SweepResults;
import org.twinlab.runs.SweepSpec;
import org.twinlab.train.Setting;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The figures of sweeps, comparisons and runs side by side, on the chart package: a sweep's final linear
 * top-1 against each swept setting (a point per seed, a line through their means, a log axis where the
 * values span a decade or more; bars for settings that are not numbers), a {@link Study}'s table as
 * grouped bars beside the lecture's numbers, and the loss and accuracy of several runs overlaid. UI-free:
 * the window exports the same charts.
 */
public final class SweepFigures {
    /** Wide enough for a row of category names under bars. */
    public static final FigureSize WIDE = new FigureSize(2000, 1000);

    private SweepFigures() {
    }

    /** One chart per swept setting but the seed: final linear top-1 (%) against its values. */
    public static Map<String, Chart> sweep(SweepSpec spec, Table results) {
        return sweep(spec, results, "linearTop1");
    }

    private static double value(Table t, String metric, int row) {
        return (SweepResults.inPercent(metric) ? 100 : 1) * t.doubleColumn(metric).getDouble(row);
    }

    /** One chart per swept setting but the seed: the final {@code metric} (a column of results.csv) against its values. */
    public static Map<String, Chart> sweep(SweepSpec spec, Table results, String metric) {
        Map<String, Chart> out = new LinkedHashMap<>();
        List<String> keys = spec.sweptKeys().stream().filter(k -> !k.equals(Settings.SEED.key())).toList();
        TrainConfig base = spec.base();
        String budget = budget(base);
        for (String key : keys) {
            List<String> others = keys.stream().filter(k -> !k.equals(key)).toList();
            String sub = String.format(Locale.ROOT, "%s, %s each, %d run%s; %s",
                    java.nio.file.Path.of(base.dataset()).getFileName(), budget,
                    results.rowCount(), results.rowCount() == 1 ? "" : "s", spec.seeds() > 1
                            ? "a point per seed, the line through their means" : "a point per run");
            if (key.equals(Settings.LAMBDA.key()) && !keys.contains(Settings.PROJECTOR_WIDTH.key())) {
                sub += String.format(Locale.ROOT, "; 1/D = %.3g for D = %d", 1.0 / base.projectorWidth(),
                        base.projectorWidth());
            }
            Setting<?> s = Settings.require(key);
            String title = SweepResults.METRICS.getOrDefault(metric, metric) + " against " + s.label();
            if (title.length() > 1 && Character.isLowerCase(title.charAt(1))) {
                title = Character.toUpperCase(title.charAt(0)) + title.substring(1); // "Linear top-1", but "kNN top-1"
            }
            out.put(key, results.column(key) instanceof NumericColumn<?>
                    ? numeric(title, sub, key, others, results, metric) : categorical(title, sub, key, others, results, metric));
        }
        return out;
    }

    /** The files {@link #writeSweep} writes: {@code linearTop1-vs-<key>.png} in the sweep folder. */
    public static Path sweepFile(Path dir, String key) {
        return dir.resolve("linearTop1-vs-" + key + ".png");
    }

    /** Writes {@link #sweep}'s charts into the sweep folder; returns the files. */
    public static List<Path> writeSweep(Path dir, SweepSpec spec, Table results) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, Chart> e : sweep(spec, results).entrySet()) {
            Path f = sweepFile(dir, e.getKey());
            Charts.write(e.getValue(), f, FigureSize.DEFAULT);
            files.add(f);
        }
        return files;
    }

    private static Chart numeric(String title, String sub, String key, List<String> others, Table t, String metric) {
        Map<String, List<Integer>> groups = groups(t, others);
        boolean log = true;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        NumericColumn<?> xs = (NumericColumn<?>) t.column(key);
        for (int i = 0; i < t.rowCount(); i++) {
            double v = xs.getDouble(i);
            log &= v > 0;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        log &= max >= 10 * min;
        LineChart c = new LineChart(title).subtitle(sub).axes(Settings.require(key).label() + (log ? " (log scale)" : ""),
                SweepResults.metricLabel(metric)).logX(log);
        int g = 0;
        for (Map.Entry<String, List<Integer>> e : groups.entrySet()) {
            String name = e.getKey().isEmpty() ? "" : e.getKey() + ": ";
            double[] px = new double[e.getValue().size()];
            double[] py = new double[px.length];
            TreeMap<Double, List<Double>> byX = new TreeMap<>();
            for (int k = 0; k < px.length; k++) {
                int row = e.getValue().get(k);
                px[k] = xs.getDouble(row);
                py[k] = value(t, metric, row);
                byX.computeIfAbsent(px[k], x -> new ArrayList<>()).add(py[k]);
            }
            java.awt.Color colour = Palette.category(g++);
            boolean repeats = byX.values().stream().anyMatch(l -> l.size() > 1);
            if (repeats) {
                c.add(LineChart.Series.points(name + "each seed", px, py).color(colour));
            }
            double[] mx = byX.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] my = byX.values().stream().mapToDouble(SweepFigures::mean).toArray();
            c.add(LineChart.Series.linePoints(name + (repeats ? "mean over seeds" : SweepResults.METRICS.getOrDefault(metric, metric)), mx, my)
                    .color(colour));
        }
        return c;
    }

    private static Chart categorical(String title, String sub, String key, List<String> others, Table t, String metric) {
        Column<?> col = t.column(key);
        List<String> categories = new ArrayList<>(new LinkedHashSet<>(col.asStringColumn().asList()));
        BarChart c = new BarChart(title).subtitle(sub).axes(Settings.require(key).label(), SweepResults.metricLabel(metric))
                .categories(categories).valueFormat("%.1f");
        for (Map.Entry<String, List<Integer>> e : groups(t, others).entrySet()) {
            double[] means = new double[categories.size()];
            double[] spread = new double[categories.size()];
            for (int k = 0; k < categories.size(); k++) {
                List<Double> v = new ArrayList<>();
                for (int row : e.getValue()) {
                    if (col.getString(row).equals(categories.get(k))) {
                        v.add(value(t, metric, row));
                    }
                }
                means[k] = v.isEmpty() ? Double.NaN : mean(v);
                spread[k] = v.size() > 1 ? std(v) : Double.NaN;
            }
            c.series(e.getKey().isEmpty() ? SweepResults.METRICS.getOrDefault(metric, metric) : e.getKey(), means, spread);
        }
        return c;
    }

    /** Rows grouped by the values of the other swept settings ("" for all rows when there are none). */
    private static Map<String, List<Integer>> groups(Table t, List<String> others) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            StringBuilder name = new StringBuilder();
            for (String o : others) {
                name.append(name.length() == 0 ? "" : ", ").append(o).append('=').append(t.column(o).getString(i));
            }
            out.computeIfAbsent(name.toString(), k -> new ArrayList<>()).add(i);
        }
        return out;
    }

    /**
     * A study's table as grouped bars: the measured linear and kNN top-1 of every row and, where the lecture
     * has one, its ImageNet top-1 beside them.
     */
    public static Chart study(Study study, Table table, TrainConfig base) {
        return study(study, table, base, Double.NaN);
    }

    /** The same; where every row is below the random encoder ({@code randomPct}), the subtitle says the budget cannot tell them apart. */
    public static Chart study(Study study, Table table, TrainConfig base, double randomPct) {
        String budget = budget(base);
        String dataset = java.nio.file.Path.of(base.dataset()).getFileName().toString();
        List<String> categories = table.stringColumn(study.sweptKey()).asList().stream().map(study::shortLabel).toList();
        String title = Character.toUpperCase(study.description().charAt(0)) + study.description().substring(1);
        String sub = Study.budgetWarning(table, randomPct) != null ? Study.budgetWarningShort(randomPct)
                : String.format(Locale.ROOT,
                        "%s, %s each; the lecture's numbers are ImageNet linear top-1 (ResNet-50, hundreds of epochs)",
                        dataset, budget);
        BarChart c = new BarChart(title).subtitle(sub)
                .axes(null, "top-1 accuracy (%)").categories(categories).valueFormat("%.1f").yRange(0, 100);
        c.series("linear probe (measured)", table.doubleColumn("linearTop1Pct").asDoubleArray());
        c.series("kNN (measured)", table.doubleColumn("knnTop1Pct").asDoubleArray());
        double[] lecture = table.doubleColumn("lectureTop1Pct").asDoubleArray();
        if (java.util.Arrays.stream(lecture).anyMatch(Double::isFinite)) {
            c.series("the lecture (ImageNet, linear)", lecture);
        }
        return c;
    }

    /** The files a study leaves in its sweep folder beside results.csv: the table as the lecture lays it out, and its bars. */
    public static final String STUDY_TABLE = "ablation.csv";
    public static final String STUDY_CHART = "ablation.png";

    /**
     * Writes a study's table ({@link #STUDY_TABLE}) and bar chart ({@link #STUDY_CHART}) into its sweep folder,
     * from the results so far (rows not run yet are empty); returns the table. {@code twinlab ablate} and the
     * window's studies both end here, so the two leave the same files.
     */
    public static Table writeStudy(Path dir, Study study, Table results, TrainConfig base) throws IOException {
        Table t = study.table(results);
        RunsTable.writeCsv(t, dir.resolve(STUDY_TABLE));
        Charts.write(study(study, t, base, Study.randomLinearPct(dir, results)), dir.resolve(STUDY_CHART), WIDE);
        return t;
    }

    /**
     * Runs side by side: their loss (smoothed, log scale where positive) against the step and their
     * trained-encoder linear top-1 against the epoch, one colour per run; the subtitle names the settings
     * that differ between them.
     */
    public static Chart compare(List<RunRecord> runs) {
        RunComparison c = RunComparison.of(runs);
        double w = runs.stream().anyMatch(r -> r.metrics().size() > 20) ? Figures.SMOOTHING : 0;
        List<String> differ = differing(runs);
        // the window's Compare figures, side by side; the settings that differ once, over both
        return new Panels(runs.size() + " runs compared", 2, List.of(
                ComparisonCharts.loss(c, RunComparison.TOTAL, Set.of(), w).subtitle(null),
                ComparisonCharts.accuracy(c, Set.of()).subtitle(null))).subtitle(differ.isEmpty()
                ? "the same settings" : "settings that differ: " + String.join(", ", differ));
    }

    /** The runs table's setting columns whose values are not the same in every run (the name left out). */
    public static List<String> differing(List<RunRecord> runs) {
        Set<String> columns = new java.util.HashSet<>(RunsTable.settingColumns().stream().map(Setting::key).toList());
        return SettingsDiff.of(runs.stream().map(r -> r.entry().config()).toList()).stream()
                .map(SettingsDiff.Difference::key).filter(columns::contains).toList();
    }

    /** "3 epochs" or "200 steps": what each run trains for. */
    private static String budget(TrainConfig c) {
        return c.steps() > 0 ? c.steps() + " steps" : Settings.EPOCHS.formatOf(c) + " epoch" + (c.epochs() == 1 ? "" : "s");
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double std(List<Double> v) {
        double m = mean(v);
        return Math.sqrt(v.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (v.size() - 1));
    }
}
