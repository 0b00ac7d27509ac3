package org.twinlab.ui;

import org.twinlab.runs.RunEntry;
import org.twinlab.runs.RunsTable;
import tech.tablesaw.api.Table;

/**
 * One row of the Runs view: the run and its row in the runs table (cells typed as the table types them), and the
 * race it was trained in ({@code race} null: none; {@code raceText} what the race column says).
 */
record RunRow(RunEntry entry, Table table, int row, org.twinlab.runs.RunRace.Link race, String raceText) {
    /** The column that links a raced run to its partner (not a column of the runs table: read from race.json). */
    static final String RACE = "race";

    RunRow(RunEntry entry, Table table, int row) {
        this(entry, table, row, null, "");
    }

    /** The cell as a number or text, for sorting. */
    Object cell(String column) {
        if (column.equals(RACE)) {
            return raceText;
        }
        return table.column(column).get(row);
    }

    /** The folders of this run's race (both runs), or empty when it was not raced. */
    java.util.List<java.nio.file.Path> raceRuns() {
        return race == null ? java.util.List.of() : race.runs();
    }

    /** The cell as a person reads it. */
    String text(String column) {
        if (column.equals(RACE)) {
            return raceText;
        }
        return RunsTable.text(table, column, row);
    }

    boolean running() {
        return entry.state() == org.twinlab.train.RunState.RUNNING;
    }
}
