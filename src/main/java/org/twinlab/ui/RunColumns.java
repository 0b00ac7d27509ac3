package org.twinlab.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import org.twinlab.runs.RunsTable;
import org.twinlab.train.Settings;
import tech.tablesaw.api.Table;

/**
 * The Runs view's columns, one per column of the runs table (so a new setting is a new column without a
 * line here), headed by their config.json keys as the filter spells them. Numbers sort as numbers, blanks
 * (a damaged run's) last; accuracies read as percentages.
 */
final class RunColumns {
    /** Shown from the start; the settings that differ among the runs are shown too, the rest are one click away. */
    private static final Set<String> ALWAYS = Set.of("name", "created", "state", "dataset", "objective", "steps",
            "finalLoss", "linearTop1", "knnTop1", "tags");
    private static final Set<String> PERCENT = Set.of("linearTop1", "knnTop1");
    private static final Comparator<Object> ORDER = (a, b) -> {
        if (a instanceof Double x && b instanceof Double y) {
            return x.isNaN() || y.isNaN() ? Boolean.compare(x.isNaN(), y.isNaN()) : Double.compare(x, y);
        }
        return String.valueOf(a).compareToIgnoreCase(String.valueOf(b));
    };

    private RunColumns() {
    }

    /** Read first: what a run is and whether something is wrong with it, then when, then its settings and results. */
    private static final List<String> FIRST = List.of("name", "state", "problem", "created");

    static List<TableColumn<RunRow, Object>> all() {
        List<String> keys = new java.util.ArrayList<>(FIRST);
        keys.add(RunRow.RACE); // after the first columns: which run it raced against
        RunsTable.of(List.of()).columnNames().stream().filter(k -> !FIRST.contains(k)).forEach(keys::add);
        return keys.stream().map(RunColumns::column).toList();
    }

    /**
     * Each column as wide as its header and longest cell (of the first few hundred rows), within bounds;
     * the reason for damage is shown only while some run is damaged.
     */
    static void fit(javafx.scene.control.TableView<RunRow> table) {
        javafx.scene.text.Font font = table.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled).map(n -> ((javafx.scene.control.Labeled) n).getFont())
                .findFirst().orElse(javafx.scene.text.Font.font(14));
        boolean anyDamaged = table.getItems().stream().anyMatch(r -> r.entry().damaged());
        boolean anyRaced = table.getItems().stream().anyMatch(r -> r.race() != null);
        for (TableColumn<RunRow, ?> c : table.getColumns()) {
            if (c.getId().equals("problem") && c.isVisible() != anyDamaged) {
                c.setVisible(anyDamaged); // a change of columns rebuilds the rows' cells: only when needed
            }
            if (c.getId().equals(RunRow.RACE) && c.isVisible() != anyRaced) {
                c.setVisible(anyRaced); // the race column only where some run was raced
            }
            // one text measured per column, its longest cell: measuring every cell cost 0.3 s for 200 runs
            String longest = "";
            int n = 0;
            for (RunRow r : table.getItems()) {
                if (n++ > 500) {
                    break;
                }
                String t = shown(c.getId(), r.cell(c.getId()));
                longest = t.length() > longest.length() ? t : longest;
            }
            double w = Math.max(textWidth(c.getText(), font) + 34, textWidth(longest, font) + 34); // the sort arrow; the cell padding
            c.setPrefWidth(Math.min(c.getId().equals("problem") || c.getId().equals("note") ? 360 : 240, Math.max(50, w)));
        }
    }

    private static double textWidth(String s, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static TableColumn<RunRow, Object> column(String key) {
        TableColumn<RunRow, Object> c = new TableColumn<>(key);
        c.setId(key);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().cell(key)));
        c.setComparator(ORDER);
        c.setCellFactory(col -> new Cell(key));
        c.setVisible(ALWAYS.contains(key));
        return c;
    }

    /** Shows the settings that differ among the runs, hides those that do not (all are in the table's menu). */
    static void showVarying(List<TableColumn<RunRow, ?>> columns, Set<String> varying) {
        for (TableColumn<RunRow, ?> c : columns) {
            boolean show = varying.contains(c.getId());
            if (Settings.byKey(c.getId()) != null && !ALWAYS.contains(c.getId()) && c.isVisible() != show) {
                c.setVisible(show);
            }
        }
    }

    /** A cell's text: the runs table's, accuracies as percentages, the loss to four figures. */
    static String shown(String key, Object item) {
        if (PERCENT.contains(key) && item instanceof Double d && !d.isNaN()) {
            return String.format(Locale.ROOT, "%.1f%%", 100 * d);
        }
        if (key.equals("finalLoss") && item instanceof Double d && !d.isNaN()) {
            return String.format(Locale.ROOT, "%.4g", d);
        }
        return RunsTable.format(item);
    }

    /** A cell: the run table's text, percentages for accuracies, damage in the danger colour with its reason as tooltip. */
    private static final class Cell extends TableCell<RunRow, Object> {
        private final String key;

        Cell(String key) {
            this.key = key;
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("run-damaged");
            RunRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (empty || row == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(shown(key, item));
            boolean damaged = row.entry().damaged() && (key.equals("state") || key.equals("problem") || key.equals("name"));
            if (damaged) {
                getStyleClass().add("run-damaged");
            }
            setTooltip(damaged ? new Tooltip(row.entry().problem()) : null);
        }
    }
}
