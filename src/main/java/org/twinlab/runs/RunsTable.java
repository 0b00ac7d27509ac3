package org.twinlab.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinlab.train.Setting;
import org.twinlab.train.SettingType;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;
import org.twinlab.util.IoErrors;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * The table of runs, one row per run folder: its name, its folder's name ({@code folder}; the whole path is
 * {@code runFolder}), date, state (and what is wrong where it is damaged), every setting as a column named
 * as in config.json, and its results ({@link #RESULTS}, as a sweep's results.csv has them). Built on
 * Tablesaw, so it sorts and groups with Tablesaw's own operations; {@link RunFilter} filters it.
 */
public final class RunsTable {
    /** The result columns, after the settings, here and in a sweep's results.csv. */
    public static final List<String> RESULTS = List.of("steps", "finalLoss", "linearTop1", "knnTop1",
            "meanDiagonal", "effectiveRank", "seconds");

    private RunsTable() {
    }

    /** The settings that are columns: every one with its own config.json entry, but the run's name and length in steps. */
    public static List<Setting<?>> settingColumns() {
        return Settings.all().stream().filter(s -> s.inFile() && s.type().kind() != SettingType.Kind.STRUCTURE
                && s != Settings.NAME && s != Settings.STEPS).toList();
    }

    /** A run's results by {@link #RESULTS}' order: NaN for what was not measured, all NaN without a summary. */
    public static double[] results(RunSummary r) {
        return r == null ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN} : new double[] {r.steps(), r.finalLoss(), r.linearTop1(), r.knnTop1(), r.finalMeanDiagonal(),
            r.finalEffectiveRank(), r.trainSeconds()};
    }

    /** Whether a column holds whole numbers only (a whole-number setting, steps): --json and CSV print no ".0". */
    public static boolean wholeNumbers(String column) {
        if (column.equals("steps")) {
            return true;
        }
        Setting<?> s = Settings.byKey(column);
        return s != null && s.type().kind() == SettingType.Kind.INTEGER;
    }

    public static Table of(List<RunEntry> runs) {
        StringColumn name = StringColumn.create("name");
        StringColumn folderName = StringColumn.create("folder");
        StringColumn created = StringColumn.create("created");
        StringColumn state = StringColumn.create("state");
        StringColumn tags = StringColumn.create("tags");
        StringColumn note = StringColumn.create("note");
        StringColumn problem = StringColumn.create("problem");
        StringColumn folder = StringColumn.create("runFolder");
        List<Column<?>> settings = new ArrayList<>();
        for (Setting<?> s : settingColumns()) {
            settings.add(numeric(s) ? DoubleColumn.create(s.key()) : StringColumn.create(s.key()));
        }
        List<DoubleColumn> results = RESULTS.stream().map(DoubleColumn::create).toList();
        for (RunEntry e : runs) {
            name.append(e.name());
            folderName.append(e.dir().getFileName().toString());
            created.append(e.created().toString().substring(0, 19).replace('T', ' '));
            state.append(e.state().word());
            tags.append(String.join(" ", e.meta().tags()));
            note.append(e.meta().note());
            problem.append(e.problem() == null ? "" : e.problem());
            folder.append(e.dir().toString());
            int i = 0;
            for (Setting<?> s : settingColumns()) {
                Column<?> c = settings.get(i++);
                TrainConfig cfg = e.config();
                if (c instanceof DoubleColumn d) {
                    d.append(cfg == null ? Double.NaN : ((Number) s.get(cfg)).doubleValue());
                } else {
                    ((StringColumn) c).append(cfg == null ? "" : s.formatOf(cfg));
                }
            }
            double[] v = results(e.summary());
            for (int k = 0; k < v.length; k++) {
                results.get(k).append(v[k]);
            }
        }
        Table t = Table.create("runs", name, folderName, created, state);
        for (Column<?> c : settings) {
            t.addColumns(c);
        }
        for (DoubleColumn c : results) {
            t.addColumns(c);
        }
        return t.addColumns(tags, note, problem, folder);
    }

    private static boolean numeric(Setting<?> s) {
        return s.type().kind() == SettingType.Kind.INTEGER || s.type().kind() == SettingType.Kind.NUMBER;
    }

    /**
     * The rows that pass {@code query}, in the window's filter language ({@link RunFilter}: words, {@code =},
     * {@code !=}, {@code <}, {@code >=}, tags); a part of it that is not understood is an error here, so a typo
     * on the command line never passes for "no run matches".
     */
    public static Table where(Table t, String query) {
        RunFilter f = RunFilter.parse(query, t);
        if (!f.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", f.problems()) + (f.problems().get(0).contains(
                    "not a column") ? "; columns are " + String.join(", ", t.columnNames()) : ""));
        }
        return f.apply(t);
    }

    /** Sorted by a column, largest first where {@code descending}. */
    public static Table sort(Table t, String key, boolean descending) {
        column(t, key);
        return descending ? t.sortDescendingOn(key) : t.sortAscendingOn(key);
    }

    public static Column<?> column(Table t, String key) {
        if (!t.columnNames().contains(key)) {
            throw new IllegalArgumentException("'" + key + "' is not a column of the runs table; columns are "
                    + String.join(", ", t.columnNames()));
        }
        return t.column(key);
    }

    /** A cell as a person reads it: whole numbers without ".0", others without trailing zeros, NaN as blank. */
    public static String text(Table t, String column, int row) {
        return format(t.column(column).get(row));
    }

    /** A cell's value as {@link #text} shows it. */
    public static String format(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return v == null ? "" : v.toString();
    }

    /** Every row, every column, as --json prints it: numbers not measured are null, whole numbers without ".0". */
    public static List<java.util.Map<String, Object>> rows(Table t) {
        List<java.util.Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            for (Column<?> c : t.columns()) {
                row.put(c.name(), value(c, i));
            }
            out.add(row);
        }
        return out;
    }

    private static Object value(Column<?> c, int row) {
        Object v = c.get(row);
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return null;
            }
            if (wholeNumbers(c.name()) && d == Math.rint(d)) {
                return d.longValue();
            }
        }
        return v;
    }

    /** The table as CSV (RFC 4180: a cell with a comma is quoted), numbers as {@link #rows} gives them. */
    public static void writeCsv(Table t, Path file) {
        StringBuilder text = new StringBuilder(); // made in memory: writing it can fail only as a write
        text.append(CsvFile.line(t.columnNames().toArray())).append('\n');
        for (java.util.Map<String, Object> row : rows(t)) {
            text.append(CsvFile.line(row.values().stream().map(v -> v == null ? "" : v).toArray())).append('\n');
        }
        try {
            AtomicFiles.writeString(file, text.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(IoErrors.cannotWrite(file, e), e);
        }
    }
}
