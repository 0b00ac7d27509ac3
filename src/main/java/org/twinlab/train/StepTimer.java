package org.twinlab.train;

/**
 * Times a window of steps of a run from its Step events: training time (the loop's own clock, which
 * leaves out pauses and probes) between the end of step {@code from} and the end of step {@code to}.
 */
public final class StepTimer implements TrainingEventListener {
    private final int from;
    private final int to;
    private double start = Double.NaN;
    private double end = Double.NaN;

    public StepTimer(int from, int to) {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("time steps " + from + " to " + to + "?");
        }
        this.from = from;
        this.to = to;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Step s) {
            if (s.step() == from) {
                start = s.elapsedSeconds();
            } else if (s.step() == to) {
                end = s.elapsedSeconds();
            }
        } else if (event instanceof TrainingEvent.Started s && from == s.firstStep()) {
            start = 0;
        }
    }

    /** Image pairs per second over the window; NaN until step {@code to} has been seen. */
    public double pairsPerSecond(int batchSize) {
        return (double) (to - from) * batchSize / (end - start);
    }
}
