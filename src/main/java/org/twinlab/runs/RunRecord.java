package org.twinlab.runs;

import java.util.List;
import org.twinlab.eval.ProbeResult;
import org.twinlab.model.Objective;
import org.twinlab.train.TrainingEvent;

/**
 * Everything a past run left in its folder, read back: its entry, the per-step metrics (a column per
 * term of its objective), the probes, the snapshots' gauges, the live changes, the last C and the last
 * embedding. What a folder lacks (older versions, a run killed early) is empty or null, never an error.
 *
 * @param correlation the last C as the run saw it, or null
 * @param embedding   the last PCA of the test set, or null
 */
public record RunRecord(RunEntry entry, List<Objective.Term> terms, CsvFile metrics, List<ProbeResult> probes,
                        CsvFile diagnostics, List<TrainingEvent.LiveChange> changes,
                        TrainingEvent.Correlation correlation, TrainingEvent.Embedding embedding) {

    /** The metrics column of a term (by its key): NaN where the run did not record it. */
    public double[] term(String key) {
        return metrics.column(key);
    }
}
