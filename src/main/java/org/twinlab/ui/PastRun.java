package org.twinlab.ui;

import org.twinlab.runs.RunEntry;
import org.twinlab.runs.RunHistory;

/** A run read back from its folder and replayed into a {@link LiveRun}, so the live panels show it as it ended. */
public record PastRun(RunEntry entry, LiveRun live) {
    /** "Past run: lambda 0.02 — finished at step 120", the banner over the panels. */
    public String banner() {
        return "Past run: " + entry.name() + " \u2014 " + RunHistory.describe(entry);
    }
}
