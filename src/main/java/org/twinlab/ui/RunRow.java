package org.twinlab.ui;

import org.twinlab.runs.RunEntry;
import org.twinlab.runs.RunsTable;
import tech.tablesaw.api.Table;

/** One row of the Runs view: the run and its row in the runs table (cells typed as the table types them). */
record RunRow(RunEntry entry, Table table, int row) {
    /** The cell as a number or text, for sorting. */
    Object cell(String column) {
        return table.column(column).get(row);
    }

    /** The cell as a person reads it. */
    String text(String column) {
        return RunsTable.text(table, column, row);
    }

    boolean running() {
        return entry.state() == org.twinlab.train.RunState.RUNNING;
    }
}
