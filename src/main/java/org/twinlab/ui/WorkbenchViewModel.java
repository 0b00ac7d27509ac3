package org.twinlab.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import org.twinlab.augment.ViewConfig;
import org.twinlab.data.Dataset;
import org.twinlab.runs.RunRace;
import org.twinlab.train.Preset;
import org.twinlab.train.RunState;
import org.twinlab.train.Setting;
import org.twinlab.train.SettingError;
import org.twinlab.train.SettingProblem;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;

/**
 * The workbench's commands over its three parts: the {@link SettingsForm} (what the next run will be), the
 * {@link TrainingSession} (the one training of the window) and the {@link PanelSource} (what the panels
 * show). It adds only what joins them: a run starts from the form, why Start is disabled, and that a typed
 * λ reaches the run that trains. The other tabs use the parts, not this.
 */
public final class WorkbenchViewModel {
    private final SettingsForm form;
    private final TrainingSession session;
    private final PanelSource source;
    private final TaskExecutor tasks;
    public final StringProperty datasetName;
    public final ObjectProperty<ViewConfig> viewA;
    public final ObjectProperty<ViewConfig> viewB;
    /** A problem to show the user (a bad file, a failed run); the view turns it into a notification. */
    public final StringProperty notice;
    /** Good news to confirm (settings saved); shown like a notice, in a calmer colour. */
    public final StringProperty confirmation;
    private final StringBinding startBlockedReason;

    public WorkbenchViewModel(Path runRoot) {
        this(runRoot, null);
    }

    /**
     * @param lastSettings where the form is remembered between sessions (null: not remembered); read at
     *                     start, written when a run starts and when the window closes
     */
    public WorkbenchViewModel(Path runRoot, Path lastSettings) {
        this(runRoot, lastSettings, new DaemonTaskExecutor());
    }

    public WorkbenchViewModel(Path runRoot, Path lastSettings, TaskExecutor tasks) {
        this.tasks = tasks;
        session = new TrainingSession(runRoot);
        source = new PanelSource(session);
        form = new SettingsForm(tasks, lastSettings);
        form.onLiveChange(session::sendLive);
        form.onDatasetChange(session::clearLive);
        datasetName = form.datasetName;
        viewA = form.viewA;
        viewB = form.viewB;
        notice = form.notice;
        confirmation = form.confirmation;
        session.notice.addListener((o, a, b) -> {
            if (b != null) {
                notice.set(b);
                session.notice.set(null);
            }
        });
        startBlockedReason = Bindings.createStringBinding(() -> {
            if (session.runningProperty().get()) {
                return "a run is going";
            }
            if (session.sweepingProperty().get()) {
                return "a sweep is going (Sweep tab)";
            }
            if (form.loadingProperty().get() || form.datasetProperty().get() == null) {
                return "loading the dataset\u2026";
            }
            List<SettingProblem> p = form.problems().get();
            if (p.isEmpty()) {
                return "";
            }
            return p.size() == 1 ? p.get(0).message() : p.get(0).message() + " (and " + (p.size() - 1) + " more marked)";
        }, form.problems(), session.runningProperty(), form.loadingProperty(), form.datasetProperty(),
                session.sweepingProperty());
        form.loadDataset(datasetName.get());
    }

    public SettingsForm form() {
        return form;
    }

    public TrainingSession session() {
        return session;
    }

    public PanelSource source() {
        return source;
    }

    /** The window's one executor for long work (runs table, exports, dataset loads). */
    public TaskExecutor tasks() {
        return tasks;
    }

    /** The settings the form shows (see {@link SettingsForm#formSettings()}). */
    public static List<Setting<?>> formSettings() {
        return SettingsForm.formSettings();
    }

    public StringProperty field(Setting<?> s) {
        return form.field(s);
    }

    public void apply(TrainConfig c) {
        form.apply(c);
    }

    /** Every setting back to its default; the panels forget the last run (a going run keeps its own). */
    public void resetToDefaults() {
        session.clearLive();
        form.resetToDefaults();
    }

    public void loadDataset(String nameOrPath) {
        form.loadDataset(nameOrPath);
    }

    public TrainConfig config() {
        return form.config();
    }

    public String problemFor(String key) {
        return form.problemFor(key);
    }

    // commands

    /** A new run from the form (nothing happens while a training goes or the form has a problem). */
    public void start() {
        startFromForm(form.config());
    }

    private boolean startFromForm(TrainConfig c) {
        if (c == null || session.busyProperty().get() || form.datasetProperty().get() == null) {
            return false;
        }
        form.remember(c);
        source.showLive();
        return session.start(c, form.datasetProperty().get());
    }

    /**
     * The second run of a race against the form's: the form's settings with {@code changes} typed over them.
     * Throws with one line (the form's rules, or nothing differs) when it cannot be.
     */
    public TrainConfig raceSecond(TrainConfig first, Map<Setting<?>, String> changes) {
        return RunRace.second(first, changes);
    }

    /**
     * Races the form's run against one that differs in {@code changes}, under {@code name} (null: the form's own);
     * what trains is stopped first (it keeps its folder). {@code then} gets "" when the race started, else the one
     * line saying why not (a bad value, nothing that differs, the form's own problem). Returns the step the stopped
     * run had reached (-1: none went).
     */
    public int raceNew(String name, Map<Setting<?>, String> changes, Consumer<String> then) {
        TrainConfig form0 = form.config();
        if (form0 == null) {
            then.accept(startBlockedReason.get());
            return -1;
        }
        TrainConfig first = form0;
        if (name != null) {
            TrainConfig.Builder b = first.toBuilder();
            b.name = name;
            first = b.build();
        }
        TrainConfig second;
        try {
            second = RunRace.second(first, changes);
        } catch (IllegalArgumentException e) {
            then.accept(e.getMessage());
            return -1;
        }
        TrainConfig a = first;
        return session.stopThen(() -> {
            if (session.busyProperty().get() || form.datasetProperty().get() == null) {
                then.accept(startBlockedReason.get().isEmpty() ? "a training goes" : startBlockedReason.get());
                return;
            }
            form.remember(a);
            source.showLive();
            boolean ok = session.race(a, second, form.datasetProperty().get());
            then.accept(ok ? "" : "the race could not start");
        });
    }

    /** The race the panels show (the session's, while they show the session's runs), or null. */
    public LiveRace race() {
        return source.showsSession() ? session.raceProperty().get() : null;
    }

    /** Continues a stopped run from its checkpoint, in the live panels. */
    public void resume(Path runDir) {
        if (session.busyProperty().get()) {
            return; // one training at a time on the machine: a run or a sweep
        }
        source.showLive();
        session.resume(runDir);
    }

    /**
     * A new run from the form, under {@code name} (null: the form's own); a run that goes is stopped first
     * (it keeps its folder) and the new one starts once it has. {@code then} runs after the start (a lesson's
     * next action) and gets whether it started; the step the old run was stopped at is returned (-1: none).
     */
    public int startNew(String name, Consumer<Boolean> then) {
        return session.stopThen(() -> {
            TrainConfig c = form.config();
            if (c != null && name != null) {
                TrainConfig.Builder b = c.toBuilder();
                b.name = name;
                c = b.build();
            }
            then.accept(startFromForm(c));
        });
    }

    /** A new run from the form; one that goes is stopped first. */
    public void startNew(Runnable then) {
        startNew(null, ok -> then.run());
    }

    /** Exactly {@code n} steps, then paused: a run that does not go yet is started paused first. */
    public void step(int n) {
        if (!session.runningProperty().get()) {
            if (!startFromForm(form.config())) {
                return;
            }
        }
        session.step(n);
    }

    /**
     * Trains on: resumes the paused run, or starts one when none goes. With {@code pauseWhen}, the run
     * pauses after the first event that meets it and {@code reached} gets that event (on the FX thread).
     */
    public void train(Predicate<TrainingEvent> pauseWhen, Consumer<TrainingEvent> reached) {
        if (session.stoppingProperty().get()) {
            return;
        }
        if (!session.runningProperty().get() && !startFromForm(form.config())) {
            return;
        }
        session.trainOn(pauseWhen, reached);
    }

    public void togglePause() {
        session.togglePause();
    }

    public void step() {
        session.step(1);
    }

    public void stop() {
        session.stop();
    }

    public boolean saveSettings(Path file) {
        return form.saveSettings(file);
    }

    public void openSettings(Path file) {
        form.openSettings(file);
    }

    public void usePreset(Preset p) {
        form.usePreset(p);
    }

    public void useSettings(TrainConfig c) {
        form.useSettings(c);
    }

    public void showPast(PastRun run) {
        source.showPast(run);
    }

    /** The panels go back from a past run to the live one (or a sweep's). */
    public void showLive() {
        source.closePast();
    }

    public void follow(LiveRun run) {
        source.follow(run);
    }

    public void setSweeping(boolean on) {
        session.setSweeping(on);
    }

    public BooleanBinding busyProperty() {
        return session.busyProperty();
    }

    public ReadOnlyObjectProperty<PastRun> pastRunProperty() {
        return source.pastRunProperty();
    }

    /** Stops a run and lets it save: the window is closing. */
    public void shutdown() {
        TrainConfig c = form.config();
        if (c != null) {
            form.remember(c);
        }
        session.shutdown();
        tasks.shutdown();
    }

    // read-only state

    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return form.datasetProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return session.runningProperty();
    }

    public ReadOnlyBooleanProperty stoppingProperty() {
        return session.stoppingProperty();
    }

    public StringBinding defaultRunName() {
        return form.defaultRunName();
    }

    public Path runRoot() {
        return session.runRoot();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return session.pausedProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return form.loadingProperty();
    }

    public ObjectBinding<List<SettingProblem>> problems() {
        return form.problems();
    }

    /** Empty when Start can be pressed; otherwise why not. */
    public StringBinding startBlockedReason() {
        return startBlockedReason;
    }

    public BooleanBinding canStart() {
        return startBlockedReason.isEmpty();
    }

    /** What the panels show (see {@link PanelSource#current()}). */
    public LiveRun live() {
        return source.current();
    }
}
