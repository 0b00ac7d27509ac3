package org.twinlab.runs;

import java.util.Map;
import org.twinlab.train.RunState;

/**
 * The end of a run in one record: what the command line's --json prints and summary.json holds.
 * {@code finalTerms} holds the objective's terms at the last step by their metrics.csv names; numbers
 * that were not measured (a probe that was not run) are NaN here and null in the JSON.
 */
public record RunSummary(RunState state, String message, String objective, int steps, double epochs, double finalLoss,
                         Map<String, Double> finalTerms, double linearTop1, double linearTop5, double knnTop1,
                         double randomLinearTop1, double pixelsLinearTop1, double finalMeanDiagonal,
                         double finalEffectiveRank, double pairsPerSecond, double trainSeconds, String device,
                         String runFolder) {
}
