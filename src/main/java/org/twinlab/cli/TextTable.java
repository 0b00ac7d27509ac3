package org.twinlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinlab.runs.Json;
import org.twinlab.runs.RunsTable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tables for the terminal and for --json: columns padded to their widest cell, numbers right-aligned, top-1
 * fractions as percentages, percentages with one decimal, other numbers with four significant digits, and
 * a dash for a number that was not measured.
 */
final class TextTable {
    private static final int MAX_CELL = 48;

    private TextTable() {
    }

    /** Prints the named columns of {@code t} (those it has), header first. */
    static void print(PrintWriter out, Table t, List<String> columns) {
        List<Column<?>> cols = new ArrayList<>();
        for (String c : columns) {
            if (t.columnNames().contains(c)) {
                cols.add(t.column(c));
            }
        }
        int[] width = new int[cols.size()];
        String[][] cells = new String[t.rowCount() + 1][cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            cells[0][j] = cols.get(j).name();
            for (int i = 0; i < t.rowCount(); i++) {
                cells[i + 1][j] = cell(cols.get(j), i);
            }
            for (String[] row : cells) {
                width[j] = Math.max(width[j], row[j].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < cols.size(); j++) {
                boolean right = numeric(cols.get(j));
                String c = row[j];
                String pad = " ".repeat(width[j] - c.length());
                line.append(j == 0 ? "" : "  ").append(right ? pad + c : c + (j == cols.size() - 1 ? "" : pad));
            }
            out.println(line);
        }
        out.flush();
    }

    private static boolean numeric(Column<?> c) {
        return c instanceof NumericColumn<?>;
    }

    static String cell(Column<?> c, int row) {
        if (c.isMissing(row)) {
            return "-";
        }
        if (c instanceof DoubleColumn d) {
            double v = d.getDouble(row);
            String name = c.name();
            if (name.endsWith("Top1")) {
                return String.format(Locale.ROOT, "%.2f%%", 100 * v);
            }
            if (name.endsWith("Pct")) {
                return String.format(Locale.ROOT, "%.1f", v);
            }
            if (name.equals("seconds")) {
                return String.format(Locale.ROOT, "%.1f", v);
            }
            if (v == Math.rint(v) && Math.abs(v) < 1e9) {
                return Long.toString((long) v);
            }
            return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                    .replaceAll("\\.$", "");
        }
        String s = String.valueOf(c.get(row));
        return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "\u2026" : s;
    }

    /** Every row with every column as one JSON array on one line (numbers not measured are null). */
    static String json(Table t) {
        return Json.toLine(rows(t));
    }

    static List<Map<String, Object>> rows(Table t) {
        return RunsTable.rows(t);
    }
}
