package org.twinlab.ui;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.twinlab.runs.RunFolder;
import org.twinlab.train.RunState;
import org.twinlab.train.TrainingEvent;

/**
 * The status bar's words as properties, computed from the run the panels show on the window's clock, so
 * they are tested without a window: the progress, what the run is doing (probing the baselines, training
 * with the time left in words, the final probes, paused, stopping, how it ended), the speed, the step,
 * the device, the memory and the run's name with its folder.
 */
public final class StatusBarModel {
    public final DoubleProperty progress = new SimpleDoubleProperty(0);
    public final StringProperty activity = new SimpleStringProperty("ready");
    public final StringProperty speed = new SimpleStringProperty("");
    public final StringProperty stepText = new SimpleStringProperty("");
    public final StringProperty device = new SimpleStringProperty("CPU");
    public final StringProperty memory = new SimpleStringProperty("");
    public final StringProperty runName = new SimpleStringProperty("");
    /** The run's folder (the run name's tooltip), or null. */
    public final StringProperty runFolder = new SimpleStringProperty();
    /** When the current phase without steps (baseline or final probes) began, in nanoseconds; 0: none. */
    private long phaseSince;
    private String phase;

    /** Nothing on screen: "ready". */
    public void clear() {
        progress.set(0);
        activity.set("ready");
        speed.set("");
        stepText.set("");
        memory.set("");
        runName.set("");
        runFolder.set(null);
        phase = null;
        phaseSince = 0;
    }

    /**
     * The bar for {@code run} now.
     *
     * @param stopping a stop was asked for and the run is saving its checkpoint
     * @param nowNanos the clock ({@link System#nanoTime()}), for how long a probe phase has lasted
     */
    public void update(LiveRun run, boolean stopping, long nowNanos) {
        TrainingEvent.Started started = run.started.get();
        TrainingEvent.Step s = run.lastStep();
        TrainingEvent.State st = run.state.get();
        if (started != null) {
            device.set(started.device());
            runName.set("run: " + RunFolder.displayName(started.config()));
            runFolder.set(started.runFolder());
        }
        if (s != null && started != null) {
            double frac = (double) s.step() / started.totalSteps();
            progress.set(frac);
            long eta = org.twinlab.train.Eta.seconds(started, s);
            activity.set(String.format(Locale.ROOT, "%.0f%%, %s", 100 * frac, timeLeft(eta)));
            speed.set(String.format(Locale.ROOT, "%.0f pairs/s", s.pairsPerSecond()));
            stepText.set(String.format(Locale.ROOT, "step %d, epoch %.2f", s.step(), s.epoch()));
            memory.set(Double.isNaN(s.residentMegabytes()) ? "" : String.format(Locale.ROOT, "%.0f MB", s.residentMegabytes()));
        }
        boolean ended = st != null && st.state().isTerminal();
        if (started != null && !ended && !stopping && (s == null || s.step() >= started.totalSteps())) {
            // no steps to count: the probes run (before the first step, the baselines; after the last, the encoder's)
            String what = s == null ? "probing the baselines (raw pixels, a random encoder)"
                    : "probing the trained encoder (linear and kNN)";
            if (!what.equals(phase)) {
                phase = what;
                phaseSince = nowNanos;
            }
            long secs = Math.max(0, (nowNanos - phaseSince) / 1_000_000_000L);
            activity.set(what + "\u2026 " + secs + " s");
            if (s == null) {
                progress.set(-1); // indeterminate: the probes say nothing of their own progress
            }
        } else {
            phase = null;
        }
        // the step a state names is where it began; after single steps the last step is the one on screen
        int at = s != null ? s.step() : st != null ? st.step() : 0;
        if (ended) {
            activity.set(st.state().name().toLowerCase(Locale.ROOT) + " at step " + st.step());
        } else if (stopping) {
            activity.set("stopping\u2026");
        } else if (st != null && st.state() == RunState.PAUSED) {
            activity.set("paused at step " + at);
        }
    }

    /** "16 min 19 s left", "42 s left", "1 h 5 min left": a span, never to be read as a clock time. */
    static String timeLeft(long seconds) {
        long s = Math.max(0, seconds);
        if (s < 60) {
            return s + " s left";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s left";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min left";
    }
}
