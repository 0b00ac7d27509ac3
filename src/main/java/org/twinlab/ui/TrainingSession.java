package org.twinlab.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Worker;
import org.twinlab.data.Dataset;
import org.twinlab.runs.RunRace;
import org.twinlab.runs.RunSummary;
import org.twinlab.train.RunControl;
import org.twinlab.train.RunState;
import org.twinlab.train.Setting;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;

/**
 * The window's one training session: one training at a time on the machine (a run of the form, a
 * continued run, a race of two runs, or a sweep, which says so with {@link #setSweeping}), the runs folder, and
 * the control of
 * what goes (pause, step, stop: of both runs of a race; live λ and learning rate: of the form's run; the
 * region of C). A new run asked for
 * while one goes is started once the old one has stopped and saved ({@link #stopThen}). The Runs, Sweep and
 * Export tabs go through this, never round it. State changes arrive on the FX thread.
 */
public final class TrainingSession {
    private final TrainingService service;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    /** A stop was asked for and the run is saving its checkpoint: Pause and Step wait for nothing then. */
    private final ReadOnlyBooleanWrapper stopping = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper sweeping = new ReadOnlyBooleanWrapper();
    /** A run or a sweep trains: nothing else may start one (Start, Continue, a sweep, Resume sweep). */
    private final BooleanBinding busy = running.or(sweeping);
    /** A run failed or could not start: the view turns it into a notification. */
    public final StringProperty notice = new SimpleStringProperty();
    /** The race that trains or trained last, while the panels show it (null: a single run). */
    private final ReadOnlyObjectWrapper<LiveRace> race = new ReadOnlyObjectWrapper<>();
    /** What to do once the run that is stopping has stopped: a new run was asked for meanwhile. */
    private Runnable afterStop;

    public TrainingSession(Path runRoot) {
        service = new TrainingService(runRoot);
        service.stateProperty().addListener((o, old, s) -> onServiceState(s));
    }

    /** Starts a new run; false (and nothing happens) while another training goes. */
    public boolean start(TrainConfig c, Dataset data) {
        if (busy.get() || data == null || c == null) {
            return false;
        }
        service.prepare(c, data);
        return go(null);
    }

    /**
     * Starts a race: the form's run {@code first} and {@code second}, trained at once, linked in the runs folder;
     * false while another training goes. The panels title each run with its difference ({@link RunRace#labels}).
     */
    public boolean race(TrainConfig first, TrainConfig second, Dataset data) {
        if (busy.get() || data == null || first == null || second == null) {
            return false;
        }
        service.prepare(new TrainingService.Race(first, second, data));
        List<LiveRun> l = service.lives();
        return go(new LiveRace(l.get(0), l.get(1), RunRace.labels(first, second)));
    }

    private boolean go(LiveRace shown) {
        race.set(shown);
        service.restart();
        running.set(true);
        paused.set(false);
        return true;
    }

    /** Continues a stopped run from its checkpoint; false while another training goes. */
    public boolean resume(Path runDir) {
        if (busy.get()) {
            return false;
        }
        service.prepareResume(runDir);
        return go(null);
    }

    /**
     * Stops the run that goes (it keeps its folder and checkpoint) and runs {@code then} on the FX thread
     * once it has stopped; with nothing going, runs it at once. Returns the step the stopped run had reached,
     * or -1 when nothing was going. A second call while a stop is under way replaces the first's {@code then}.
     */
    public int stopThen(Runnable then) {
        if (!running.get()) {
            then.run();
            return -1;
        }
        TrainingEvent.Step last = service.live().lastStep();
        afterStop = then;
        stop();
        return last == null ? 0 : last.step();
    }

    public void stop() {
        if (running.get() && !stopping.get()) {
            stopping.set(true);
            service.controls().forEach(RunControl::stop);
        }
    }

    public void togglePause() {
        if (!running.get()) {
            return;
        }
        if (paused.get()) {
            service.controls().forEach(RunControl::resume);
        } else {
            service.controls().forEach(RunControl::pause);
        }
        paused.set(!paused.get());
    }

    /** Pauses the run that goes (nothing when it is paused already or none goes). */
    public void pause() {
        if (running.get() && !paused.get()) {
            togglePause();
        }
    }

    /** {@code n} more steps, then paused. */
    public void step(int n) {
        if (!running.get() || stopping.get()) {
            return;
        }
        for (RunControl c : service.controls()) {
            if (!paused.get()) {
                c.pause();
            }
            for (int i = 0; i < n; i++) {
                c.step();
            }
        }
        paused.set(true);
    }

    /**
     * Trains on (resumes a paused run); with {@code pauseWhen}, the run pauses after the first event that
     * meets it and {@code reached} gets that event on the FX thread. A later call replaces the watch, so an
     * earlier screen's "until" never pauses a later screen's training.
     */
    public void trainOn(Predicate<TrainingEvent> pauseWhen, Consumer<TrainingEvent> reached) {
        if (!running.get() || stopping.get()) {
            return;
        }
        LiveRun live = service.live();
        live.watch(e -> false, e -> { }); // drops the last screen's watch, if any
        if (paused.get()) {
            togglePause();
        }
        if (pauseWhen != null) {
            List<RunControl> controls = service.controls();
            // watched on the (first) run: in a race both pause when it meets the condition
            live.watch(pauseWhen, e -> {
                controls.forEach(RunControl::pause); // on the training thread: the runs wait before their next step
                Platform.runLater(() -> {
                    if (running.get() && service.controls() == controls) {
                        paused.set(true);
                    }
                    reached.accept(e);
                });
            });
        }
    }

    /** A live setting typed while a run goes goes to the run (an invalid value stays in its field). */
    public void sendLive(Setting<?> s, String text) {
        if (!running.get()) {
            return;
        }
        try {
            if (s == Settings.LAMBDA) {
                service.control().setLambda(Settings.LAMBDA.parse(text));
            } else if (s == Settings.LEARNING_RATE) {
                service.control().setLearningRate(Settings.LEARNING_RATE.parse(text));
            }
        } catch (RuntimeException ignored) {
            // an invalid value is shown against its field and is not sent to the loop
        }
    }

    /** The exact region of a wide C the heatmap shows (of both runs of a race). */
    public void setRegion(int row, int col) {
        service.controls().forEach(c -> c.setRegion(row, col));
    }

    /** While a sweep goes, Start says so and stays disabled: one training at a time on the machine. */
    public void setSweeping(boolean on) {
        sweeping.set(on);
    }

    private void onServiceState(Worker.State s) {
        if (s == Worker.State.SUCCEEDED || s == Worker.State.FAILED || s == Worker.State.CANCELLED) {
            stopping.set(false);
            running.set(false);
            paused.set(false);
            if (s == Worker.State.SUCCEEDED) {
                RunSummary end = service.getValue();
                if (end != null && end.state() == RunState.FAILED) {
                    notice.set("The run failed: " + end.message());
                }
            } else if (s == Worker.State.FAILED) {
                Throwable e = service.getException();
                notice.set("The run could not start: " + Background.message(e));
            }
            Runnable next = afterStop;
            afterStop = null;
            if (next != null) {
                // after this state change has been delivered: the service cannot restart from inside it
                Platform.runLater(next);
            }
        }
    }

    /** Stops a run and lets it save (bounded): the window is closing. */
    public void shutdown() {
        try {
            if (running.get()) {
                service.stopAndWait(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        service.shutdown();
    }

    /** The live view of the session's run (or of the last one, or empty). */
    public LiveRun live() {
        return service.live();
    }

    /** A fresh, empty live view: the last run's pictures go (nothing that trains is touched). */
    void clearLive() {
        if (!running.get()) {
            service.clearLive();
            race.set(null);
        }
    }

    /** The race that trains or trained last (its two live views and their differences), or null. */
    public ReadOnlyObjectProperty<LiveRace> raceProperty() {
        return race.getReadOnlyProperty();
    }

    /** The folders of the runs that train or trained last (both of a race). */
    public List<Path> runFolders() {
        return service.runFolders();
    }

    /** The folder of the run that goes or went last (null before it is made). */
    public Path runFolder() {
        return service.runFolder();
    }

    /** Where runs are kept. */
    public Path runRoot() {
        return service.runRoot();
    }

    /** Whether runs probe the encoder (and the baselines); tests that only need steps turn it off. */
    void probes(boolean on) {
        service.probes(on);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty stoppingProperty() {
        return stopping.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sweepingProperty() {
        return sweeping.getReadOnlyProperty();
    }

    /** Whether a run or a sweep is training now (one training at a time). */
    public BooleanBinding busyProperty() {
        return busy;
    }
}
