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
 * The table of runs, one row per run folder: its name, date, state (and what is wrong where it is
 * damaged), every setting as a column named as in config.json, and its results (steps done, seconds,
 * final loss, linear and kNN top-1, C's final mean diagonal, the embeddings' effective rank). Built on
 * Tablesaw, so it sorts, filters, groups and writes CSV with Tablesaw's own operations.
 */
public final class RunsTable {
    /** The result columns, after the settings. */
    public static final List<String> RESULTS = List.of("steps", "seconds", "finalLoss", "linearTop1", "knnTop1",
            "meanDiagonal", "effectiveRank");

    private RunsTable() {
    }

    /** The settings that are columns: every one with its own config.json entry, but the run's name and length in steps. */
    public static List<Setting<?>> settingColumns() {
        return Settings.all().stream().filter(s -> s.inFile() && s.type().kind() != SettingType.Kind.STRUCTURE
                && s != Settings.NAME && s != Settings.STEPS).toList();
    }

    public static Table of(List<RunEntry> runs) {
        StringColumn name = StringColumn.create("name");
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
            RunSummary r = e.summary();
            double[] v = r == null ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN} : new double[] {r.steps(), r.trainSeconds(), r.finalLoss(), r.linearTop1(),
                r.knnTop1(), r.finalMeanDiagonal(), r.finalEffectiveRank()};
            for (int k = 0; k < v.length; k++) {
                results.get(k).append(v[k]);
            }
        }
        Table t = Table.create("runs", name, created, state);
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

    /** The rows whose column {@code key} equals {@code value} (numbers compared as numbers, text ignoring case). */
    public static Table where(Table t, String key, String value) {
        Column<?> c = column(t, key);
        Selection sel;
        // by class, not c.type() == ColumnType.DOUBLE: Tablesaw can hold two DOUBLE types, depending on which
        // of its classes the JVM loaded first, and then a number column would be taken for text
        if (c instanceof DoubleColumn numbers) {
            double v;
            try {
                v = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--where " + key + "=" + value + ": " + key + " is a number, '"
                        + value + "' is not");
            }
            sel = numbers.isEqualTo(v);
        } else {
            sel = ((StringColumn) c).lowerCase().isEqualTo(value.trim().toLowerCase(Locale.ROOT));
        }
        return t.where(sel);
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

    public static void writeCsv(Table t, Path file) {
        java.io.StringWriter text = new java.io.StringWriter(); // made in memory: writing it can fail only as a write
        t.write().csv(text);
        try {
            AtomicFiles.writeString(file, text.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(IoErrors.cannotWrite(file, e), e);
        }
    }
}
