package org.twinlab.train;

/** Where a run is in its life. */
public enum RunState {
    RUNNING, PAUSED, FINISHED, STOPPED, FAILED;

    public boolean isTerminal() {
        return this == FINISHED || this == STOPPED || this == FAILED;
    }
}
