package org.twinlab.ui;

import org.twinlab.runs.CsvFile;
import org.twinlab.runs.RunHistory;
import org.twinlab.runs.RunRecord;
import org.twinlab.train.TrainingEvent;

/**
 * A past run put into a {@link LiveRun}, so the live panels show it: its events replayed (every step, the
 * probes, the last C and PCA), and before them the collapse gauges of every earlier snapshot of C, which
 * the run kept in diagnostics.csv but not as pictures (only the last C is saved).
 */
final class RunReplay {
    private RunReplay() {
    }

    /** Fills {@code live} with the run; {@code endState} false leaves out how it ended (a run that goes on). */
    static void into(LiveRun live, RunRecord r, boolean endState) {
        CsvFile d = r.diagnostics();
        int last = r.correlation() == null ? Integer.MAX_VALUE : r.correlation().step();
        for (int i = 0; i < d.size(); i++) {
            double step = d.number(i, "step");
            if (step < last) { // the last snapshot comes with its C, in the replay
                live.snapshotStep.add(step);
                live.meanDiagonal.add(d.number(i, "mean_diagonal"));
                live.effectiveRank.add(d.number(i, "effective_rank"));
                live.spread.add(d.number(i, "spread"));
            }
        }
        RunHistory.replay(r, e -> {
            if (endState || !(e instanceof TrainingEvent.State)) {
                live.onEvent(e);
            }
        });
    }
}
