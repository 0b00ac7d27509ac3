package org.twinlab.runs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A filter over the runs table typed as one line, as W&B's and TensorBoard's run filters read: words
 * match any cell (name, tags, note, state, dataset, a reason for damage, ...), and {@code key=value},
 * {@code key!=value}, {@code key<value} (also {@code <=, >, >=}) compare one column, keys named as in
 * config.json and the table ({@code lambda>=0.01 batchSize=256 tags=baseline}). Numbers compare as
 * numbers, text ignoring case; {@code tags=x} means "has the tag x". A condition on a column that does not
 * exist is reported in {@link #problems()} and left out, so a typo narrows nothing instead of hiding every run.
 */
public final class RunFilter {
    private static final Pattern CONDITION = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)(<=|>=|!=|=|<|>)(.*)");
    private static final String TAGS = "tags";

    private record Condition(String column, String op, String value, double number) {
    }

    private final List<String> words;
    private final List<Condition> conditions;
    private final List<String> problems;

    private RunFilter(List<String> words, List<Condition> conditions, List<String> problems) {
        this.words = words;
        this.conditions = conditions;
        this.problems = problems;
    }

    /** Reads a query against the columns of {@code table}; an empty query keeps every run. */
    public static RunFilter parse(String query, Table table) {
        List<String> words = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String token : (query == null ? "" : query).trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            Matcher m = CONDITION.matcher(token);
            if (!m.matches()) {
                words.add(token.toLowerCase(Locale.ROOT));
                continue;
            }
            String column = m.group(1).equals("tag") ? TAGS : m.group(1);
            String op = m.group(2);
            String value = m.group(3);
            if (!table.columnNames().contains(column)) {
                problems.add("'" + m.group(1) + "' is not a column of the runs table");
                continue;
            }
            boolean numeric = table.column(column) instanceof DoubleColumn;
            double number = Double.NaN;
            if (numeric) {
                try {
                    number = Double.parseDouble(value.trim());
                } catch (NumberFormatException e) {
                    problems.add(column + " is a number, '" + value + "' is not");
                    continue;
                }
            } else if (!op.equals("=") && !op.equals("!=")) {
                problems.add(column + " is text: use = or !=");
                continue;
            }
            conditions.add(new Condition(column, op, value.trim().toLowerCase(Locale.ROOT), number));
        }
        return new RunFilter(List.copyOf(words), List.copyOf(conditions), List.copyOf(problems));
    }

    /** What in the query was not understood and is ignored, one line each. */
    public List<String> problems() {
        return problems;
    }

    /** Whether row {@code row} of {@code table} passes every word and every condition. */
    public boolean matches(Table table, int row) {
        for (Condition c : conditions) {
            if (!holds(table, row, c)) {
                return false;
            }
        }
        for (String w : words) {
            if (!anyCellContains(table, row, w)) {
                return false;
            }
        }
        return true;
    }

    /** The rows that pass, as a new table. */
    public Table apply(Table table) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            if (matches(table, i)) {
                keep.add(i);
            }
        }
        return table.rows(keep.stream().mapToInt(Integer::intValue).toArray());
    }

    private static boolean holds(Table t, int row, Condition c) {
        if (c.column().equals(TAGS)) {
            boolean has = List.of(RunsTable.text(t, TAGS, row).toLowerCase(Locale.ROOT).split(" ")).contains(c.value());
            return c.op().equals("=") == has;
        }
        if (t.column(c.column()) instanceof DoubleColumn) {
            double v = t.doubleColumn(c.column()).getDouble(row);
            if (Double.isNaN(v)) {
                return c.op().equals("!=");
            }
            int cmp = Double.compare(v, c.number());
            return switch (c.op()) {
                case "=" -> cmp == 0;
                case "!=" -> cmp != 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                default -> cmp >= 0;
            };
        }
        boolean equal = RunsTable.text(t, c.column(), row).toLowerCase(Locale.ROOT).equals(c.value());
        return c.op().equals("=") == equal;
    }

    private static boolean anyCellContains(Table t, int row, String word) {
        for (String col : t.columnNames()) {
            if (RunsTable.text(t, col, row).toLowerCase(Locale.ROOT).contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The values a column takes in the table, as the cells show them, numbers in numeric order: what a
     * "filter by setting" menu offers. Blank cells (damaged runs) are left out.
     */
    public static List<String> values(Table table, String column) {
        Set<String> seen = new LinkedHashSet<>();
        List<Double> numbers = new ArrayList<>();
        boolean numeric = table.column(column) instanceof DoubleColumn;
        for (int i = 0; i < table.rowCount(); i++) {
            String v = RunsTable.text(table, column, i);
            if (!v.isEmpty() && seen.add(v) && numeric) {
                numbers.add(table.doubleColumn(column).getDouble(i));
            }
        }
        if (numeric) {
            return numbers.stream().sorted().map(RunsTable::format).toList();
        }
        return seen.stream().sorted(Comparator.comparing(s -> s.toLowerCase(Locale.ROOT))).toList();
    }
}
