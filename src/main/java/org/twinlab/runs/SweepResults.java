package org.twinlab.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.twinlab.train.Setting;
import org.twinlab.train.SettingType;
import org.twinlab.train.Settings;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A sweep's results.csv as a Tablesaw table: one row per run that ended with a result (finished, or
 * failed), in the plan's order; a column per swept setting named as in config.json (numbers as numbers),
 * then {@code seed}, {@code steps}, {@code finalLoss}, {@code linearTop1}, {@code knnTop1} (fractions),
 * {@code meanDiagonal} and {@code effectiveRank} (C's and the embeddings' at the end), {@code seconds} (training
 * time), {@code state} and {@code runFolder} (relative to the sweep folder). Built from the runs' own folders,
 * so it can be rebuilt at any time and never holds a run twice.
 */
public final class SweepResults {
    /** The columns after the swept settings. */
    public static final List<String> RESULT_COLUMNS = java.util.stream.Stream.concat(RunsTable.RESULTS.stream(),
            java.util.stream.Stream.of("state", "runFolder")).toList();

    /** The results a run is judged by (columns here and in the runs table), with what a person reads. */
    public static final Map<String, String> METRICS = metrics();

    private static Map<String, String> metrics() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("linearTop1", "linear top-1");
        m.put("knnTop1", "kNN top-1");
        m.put("finalLoss", "final loss");
        m.put("meanDiagonal", "mean diagonal of C");
        m.put("effectiveRank", "effective rank");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** "linear top-1 (%)": a metric's label; the accuracies, fractions in the table, are shown in percent. */
    public static String metricLabel(String metric) {
        return METRICS.getOrDefault(metric, metric) + (inPercent(metric) ? " (%)" : "");
    }

    /** Whether a metric is an accuracy, a fraction shown in percent. */
    public static boolean inPercent(String metric) {
        return metric.endsWith("Top1");
    }

    private SweepResults() {
    }

    /** The table of the runs in {@code ended} (by plan index), in plan order. */
    public static Table of(SweepSpec spec, List<SweepRun> plan, Map<Integer, RunSummary> ended) {
        List<String> keys = new ArrayList<>(spec.sweptKeys());
        if (!keys.contains(Settings.SEED.key())) {
            keys.add(Settings.SEED.key());
        }
        // a swept number of steps is the results' own "steps" column (the steps each run trained), not a second one
        keys.remove(Settings.STEPS.key());
        List<Column<?>> settingColumns = new ArrayList<>();
        for (String k : keys) {
            settingColumns.add(column(Settings.require(k)));
        }
        // the results as the runs table has them (one mapping from a run to its results), steps as whole numbers
        IntColumn steps = IntColumn.create(RunsTable.RESULTS.get(0));
        List<DoubleColumn> results = RunsTable.RESULTS.subList(1, RunsTable.RESULTS.size()).stream()
                .map(DoubleColumn::create).toList();
        StringColumn state = StringColumn.create("state");
        StringColumn folder = StringColumn.create("runFolder");
        for (SweepRun r : plan) {
            RunSummary s = ended.get(r.index());
            if (s == null) {
                continue;
            }
            for (int i = 0; i < keys.size(); i++) {
                String k = keys.get(i);
                String v = r.values().containsKey(k) ? r.values().get(k) : Settings.require(k).formatOf(r.config());
                append(settingColumns.get(i), Settings.require(k), v);
            }
            double[] v = RunsTable.results(s);
            steps.append((int) v[0]);
            for (int k = 1; k < v.length; k++) {
                results.get(k - 1).append(v[k]);
            }
            state.append(String.valueOf(s.state()));
            folder.append(SweepRunner.RUNS + "/" + r.name());
        }
        Table t = Table.create("results");
        settingColumns.forEach(t::addColumns);
        t.addColumns(steps);
        results.forEach(t::addColumns);
        return t.addColumns(state, folder);
    }

    private static Column<?> column(Setting<?> s) {
        if (s.type() == SettingType.LONG) {
            return LongColumn.create(s.key());
        }
        if (s.type().kind() == SettingType.Kind.INTEGER) {
            return IntColumn.create(s.key());
        }
        if (s.type().kind() == SettingType.Kind.NUMBER) {
            return DoubleColumn.create(s.key());
        }
        return StringColumn.create(s.key());
    }

    private static void append(Column<?> c, Setting<?> s, String text) {
        switch (c) {
            case LongColumn l -> l.append(Long.parseLong(text));
            case IntColumn i -> i.append(Integer.parseInt(text));
            case DoubleColumn d -> d.append(Double.parseDouble(text));
            case StringColumn t -> t.append(text);
            default -> throw new IllegalStateException("no column type for " + s.key());
        }
    }

    /** Rewrites results.csv atomically: a crash leaves the previous table or this one. */
    static void write(Table t, Path file) {
        RunsTable.writeCsv(t, file);
    }
}
