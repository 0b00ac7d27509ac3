package org.twinlab.train;

/**
 * Receives the loop's events on the training thread. Must return quickly and never call back into
 * the loop: store the event and render it elsewhere.
 */
@FunctionalInterface
public interface TrainingEventListener {
    void onEvent(TrainingEvent event);
}
