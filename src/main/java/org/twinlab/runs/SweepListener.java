package org.twinlab.runs;

/** Receives a sweep's events (see {@link SweepEvent}) on the sweep's thread. */
@FunctionalInterface
public interface SweepListener {
    void onEvent(SweepEvent event);
}
