package org.twinlab.train;

/** Time left in a run, from the steps done so far this session and their training time. */
public final class Eta {
    private Eta() {
    }

    /** Seconds until the last step at the pace of this session so far (pauses and probes left out). */
    public static long seconds(TrainingEvent.Started started, TrainingEvent.Step step) {
        double perSecond = (step.step() - started.firstStep()) / Math.max(1e-9, step.elapsedSeconds());
        return Math.round((started.totalSteps() - step.step()) / Math.max(1e-9, perSecond));
    }
}
