package org.twinlab.train;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Requests from outside a running loop (pause, resume, one step, stop, a new lambda or learning rate),
 * taken at the next step boundary. The loop blocks on a condition while paused: no polling.
 */
public final class RunControl {
    /** What the loop may do at a step boundary. */
    enum Turn {
        /** Take the next step. */
        STEP,
        /** Take one step granted while paused, then wait again (the loop shows that step's C). */
        SINGLE_STEP,
        /** Stop: a stop was requested. */
        STOP
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean paused;
    private boolean stopRequested;
    private int singleSteps;
    private volatile double lambda = Double.NaN;
    private volatile double learningRate = Double.NaN;
    private volatile int regionRow;
    private volatile int regionCol;

    public void pause() {
        signal(() -> paused = true);
    }

    public void resume() {
        signal(() -> {
            paused = false;
            singleSteps = 0;
        });
    }

    /** While paused, lets exactly one more step run. */
    public void step() {
        signal(() -> {
            paused = true;
            singleSteps++;
        });
    }

    public void stop() {
        signal(() -> stopRequested = true);
    }

    public boolean isPaused() {
        lock.lock();
        try {
            return paused && singleSteps == 0;
        } finally {
            lock.unlock();
        }
    }

    public boolean isStopRequested() {
        lock.lock();
        try {
            return stopRequested;
        } finally {
            lock.unlock();
        }
    }

    /** A new lambda for the next step on. */
    public void setLambda(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("lambda must be a number >= 0, not " + value);
        }
        lambda = value;
    }

    /** A new base learning rate for the next step on (the schedule still scales it). */
    public void setLearningRate(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("learning rate must be a positive number, not " + value);
        }
        learningRate = value;
    }

    /** The lambda asked for, or {@code fallback} if none was. */
    double lambda(double fallback) {
        double l = lambda;
        return Double.isNaN(l) ? fallback : l;
    }

    double learningRate(double fallback) {
        double l = learningRate;
        return Double.isNaN(l) ? fallback : l;
    }

    /** Where the exact zoom window of wide correlation matrices should start. */
    public void setRegion(int row, int col) {
        regionRow = Math.max(0, row);
        regionCol = Math.max(0, col);
    }

    int regionRow() {
        return regionRow;
    }

    int regionCol() {
        return regionCol;
    }

    /**
     * Blocks while paused with no single step granted; says STOP once a stop is requested. Consumes a
     * granted single step.
     */
    Turn awaitTurn() throws InterruptedException {
        lock.lock();
        try {
            while (paused && singleSteps == 0 && !stopRequested) {
                changed.await();
            }
            if (stopRequested) {
                return Turn.STOP;
            }
            if (paused) {
                singleSteps--;
                return Turn.SINGLE_STEP;
            }
            return Turn.STEP;
        } finally {
            lock.unlock();
        }
    }

    /** Lambda and the base rate as a resumed run left them (NaN: the configured ones). */
    void restoreLive(double lambdaValue, double learningRateValue) {
        lambda = lambdaValue;
        learningRate = learningRateValue;
    }

    /** Lambda as changed during the run, NaN when never changed: saved with a checkpoint. */
    double liveLambda() {
        return lambda;
    }

    double liveLearningRate() {
        return learningRate;
    }

    private void signal(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
