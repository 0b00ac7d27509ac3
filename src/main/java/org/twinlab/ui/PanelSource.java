package org.twinlab.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the window's panels show, in this order: a past run opened from the Runs tab; else a sweep's current
 * run; else a clean page (a lesson's screen that begins before its own run); else the session's live run.
 * The panels read {@link #current()} on each pulse of the window's clock. (A race of two runs is a further
 * source: it goes here, before the live run.)
 */
public final class PanelSource {
    private final TrainingSession session;
    private final ReadOnlyObjectWrapper<PastRun> past = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LiveRun> followed = new ReadOnlyObjectWrapper<>();
    /** An empty run shown until the next run starts (null: none). */
    private final ReadOnlyObjectWrapper<LiveRun> blank = new ReadOnlyObjectWrapper<>();

    public PanelSource(TrainingSession session) {
        this.session = session;
    }

    /** The run the panels show now. */
    public LiveRun current() {
        PastRun p = past.get();
        if (p != null) {
            return p.live();
        }
        LiveRun f = followed.get();
        if (f != null) {
            return f;
        }
        LiveRun b = blank.get();
        return b != null ? b : session.live();
    }

    /** The panels show a past run (replayed into {@code run.live()}) until {@link #showLive} or a start. */
    public void showPast(PastRun run) {
        past.set(run);
    }

    /** The panels follow a sweep's current run (each run of a sweep is a new LiveRun; null: no longer). */
    public void follow(LiveRun run) {
        followed.set(run);
    }

    /**
     * Clean panels (C, curves, PCA empty) until a run starts or {@link #showLive}: what goes on training
     * keeps going, out of sight.
     */
    public void showBlank() {
        past.set(null);
        blank.set(new LiveRun());
    }

    /** The panels go back to the session's run (a start does this). */
    public void showLive() {
        past.set(null);
        followed.set(null);
        blank.set(null);
    }

    /** Only the past run goes: a sweep's run or a clean page stays. */
    public void closePast() {
        past.set(null);
    }

    /** Whether the panels show the session's own run (not a past one, a sweep's or a clean page). */
    public boolean showsSession() {
        return past.get() == null && followed.get() == null && blank.get() == null;
    }

    public ReadOnlyObjectProperty<PastRun> pastRunProperty() {
        return past.getReadOnlyProperty();
    }
}
