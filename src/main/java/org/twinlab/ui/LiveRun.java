package org.twinlab.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.twinlab.eval.ProbeResult;
import org.twinlab.train.TrainingEvent;
import org.twinlab.train.TrainingEventListener;

/**
 * What the window shows of a run, filled by the training thread and read by the FX thread on its own
 * clock: the latest of each event, and the metric curves as lock-free growing series. Listening costs
 * the loop a few stores per step; nothing is posted to the FX thread from here.
 */
public final class LiveRun implements TrainingEventListener {
    final MetricSeries step = new MetricSeries();
    final MetricSeries loss = new MetricSeries();
    /** One series per term of the objective, made when the run starts (its names are in {@link #started}). */
    volatile List<MetricSeries> terms = List.of();
    /** The collapse gauges at each snapshot: its step, C's mean diagonal, effective rank, spread. */
    final MetricSeries snapshotStep = new MetricSeries();
    final MetricSeries meanDiagonal = new MetricSeries();
    final MetricSeries effectiveRank = new MetricSeries();
    final MetricSeries spread = new MetricSeries();
    /** Lambda or the learning rate changed during the run: marks on the loss plot. */
    final List<TrainingEvent.LiveChange> changes = new CopyOnWriteArrayList<>();
    /** Warnings that did not stop the run, for a notification. */
    final AtomicReference<TrainingEvent.Notice> notice = new AtomicReference<>();
    final MetricSeries learningRate = new MetricSeries();
    final MetricSeries elapsed = new MetricSeries();
    final List<ProbeResult> probes = new CopyOnWriteArrayList<>();
    final AtomicReference<TrainingEvent.Started> started = new AtomicReference<>();
    final AtomicReference<TrainingEvent.Step> lastStep = new AtomicReference<>();
    final AtomicReference<TrainingEvent.Correlation> correlation = new AtomicReference<>();
    final AtomicReference<TrainingEvent.Embedding> embedding = new AtomicReference<>();
    final AtomicReference<TrainingEvent.State> state = new AtomicReference<>();
    private volatile long version;
    /** A condition the run is watched for and what to do when an event meets it (once). */
    private volatile Watch watch;

    private record Watch(java.util.function.Predicate<TrainingEvent> until,
                         java.util.function.Consumer<TrainingEvent> then) {
    }

    /**
     * Calls {@code then} on the training thread with the first event that meets {@code until} (a lesson's
     * "train until the diagonal is near 1"); a later watch replaces this one.
     */
    void watch(java.util.function.Predicate<TrainingEvent> until, java.util.function.Consumer<TrainingEvent> then) {
        watch = new Watch(until, then);
    }

    @Override
    public void onEvent(TrainingEvent event) {
        switch (event) {
            case TrainingEvent.Started s -> {
                // a continued run starts again after its replayed past: its terms go on in the same series
                if (terms.size() != s.terms().size() || step.size() == 0) {
                    List<MetricSeries> t = new java.util.ArrayList<>();
                    for (int i = 0; i < s.terms().size(); i++) {
                        t.add(new MetricSeries());
                    }
                    terms = List.copyOf(t);
                }
                started.set(s);
            }
            case TrainingEvent.Step s -> {
                step.add(s.step());
                loss.add(s.loss());
                List<MetricSeries> t = terms;
                for (int i = 0; i < t.size() && i < s.terms().length; i++) {
                    t.get(i).add(s.terms()[i]);
                }
                learningRate.add(s.learningRate());
                elapsed.add(s.elapsedSeconds());
                lastStep.set(s);
            }
            case TrainingEvent.Correlation c -> {
                snapshotStep.add(c.step());
                meanDiagonal.add(c.meanDiagonal());
                effectiveRank.add(c.effectiveRank());
                spread.add(c.spread());
                correlation.set(c);
            }
            case TrainingEvent.LiveChange c -> changes.add(c);
            case TrainingEvent.Notice n -> notice.set(n);
            case TrainingEvent.Probe p -> probes.add(p.result());
            case TrainingEvent.Embedding e -> embedding.set(e);
            case TrainingEvent.State s -> state.set(s);
        }
        version++;
        Watch w = watch;
        if (w != null && w.until().test(event)) {
            watch = null;
            w.then().accept(event);
        }
    }

    /** Grows with every event: the FX clock redraws only when it changed. */
    public long version() {
        return version;
    }

    public TrainingEvent.Step lastStep() {
        return lastStep.get();
    }

    public TrainingEvent.Correlation correlation() {
        return correlation.get();
    }

    public List<ProbeResult> probes() {
        return List.copyOf(probes);
    }

    public int stepCount() {
        return step.size();
    }
}
