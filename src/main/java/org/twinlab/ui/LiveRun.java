package org.twinlab.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.twinlab.eval.ProbeResult;
import org.twinlab.train.TrainingEvent;
import org.twinlab.train.TrainingListener;

/**
 * What the window shows of a run, filled by the training thread and read by the FX thread on its own
 * clock: the latest of each event, and the metric curves as lock-free growing series. Listening costs
 * the loop a few stores per step; nothing is posted to the FX thread from here.
 */
public final class LiveRun implements TrainingListener {
    final MetricSeries step = new MetricSeries();
    final MetricSeries loss = new MetricSeries();
    final MetricSeries invariance = new MetricSeries();
    final MetricSeries weightedRedundancy = new MetricSeries();
    final MetricSeries learningRate = new MetricSeries();
    final MetricSeries elapsed = new MetricSeries();
    final List<ProbeResult> probes = new CopyOnWriteArrayList<>();
    final AtomicReference<TrainingEvent.Started> started = new AtomicReference<>();
    final AtomicReference<TrainingEvent.Step> lastStep = new AtomicReference<>();
    final AtomicReference<TrainingEvent.Correlation> correlation = new AtomicReference<>();
    final AtomicReference<TrainingEvent.Embedding> embedding = new AtomicReference<>();
    final AtomicReference<TrainingEvent.State> state = new AtomicReference<>();
    private volatile long version;

    @Override
    public void onEvent(TrainingEvent event) {
        switch (event) {
            case TrainingEvent.Started s -> started.set(s);
            case TrainingEvent.Step s -> {
                step.add(s.step());
                loss.add(s.loss());
                invariance.add(s.invariance());
                weightedRedundancy.add(s.lambda() * s.redundancy());
                learningRate.add(s.learningRate());
                elapsed.add(s.elapsedSeconds());
                lastStep.set(s);
            }
            case TrainingEvent.Correlation c -> correlation.set(c);
            case TrainingEvent.Probe p -> probes.add(p.result());
            case TrainingEvent.Embedding e -> embedding.set(e);
            case TrainingEvent.State s -> state.set(s);
        }
        version++;
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
