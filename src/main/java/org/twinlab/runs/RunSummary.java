package org.twinlab.runs;

/** The end of a run in one record: what the command line's --json prints and summary.json holds. */
public record RunSummary(String state, String message, int steps, double epochs, double finalLoss,
                         double finalInvariance, double finalRedundancy, double linearTop1, double linearTop5,
                         double knnTop1, double randomLinearTop1, double pixelsLinearTop1, double pairsPerSecond,
                         double trainSeconds, String device, String runFolder) {
}
