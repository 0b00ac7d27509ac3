package org.twinlab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.twinlab.augment.AugmentConfig;
import org.twinlab.augment.ViewConfig;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.runs.Json;
import org.twinlab.runs.RunSummary;
import org.twinlab.train.Preset;
import org.twinlab.train.RunState;
import org.twinlab.train.Setting;
import org.twinlab.train.SettingError;
import org.twinlab.train.SettingProblem;
import org.twinlab.train.SettingType;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;

/**
 * The workbench's state as JavaFX properties and its commands; no controls. The form is the settings
 * table: one text property per setting, kept as typed and parsed by the table, so a bad value is
 * reported against its field (by key) and Start says why it is disabled. A setting whose default
 * follows others (the learning rate follows the optimizer and the batch) follows them while it holds
 * its default. Training itself runs in {@link TrainingService}.
 */
public final class WorkbenchViewModel {
    public final StringProperty datasetName = new SimpleStringProperty(DatasetCatalog.SAMPLE);
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>();
    public final ObjectProperty<ViewConfig> viewA = new SimpleObjectProperty<>();
    public final ObjectProperty<ViewConfig> viewB = new SimpleObjectProperty<>();
    private final Map<Setting<?>, StringProperty> fields = new LinkedHashMap<>();
    /** A problem to show the user (a bad file, a failed run); the view turns it into a notification. */
    public final StringProperty notice = new SimpleStringProperty();
    /** Good news to confirm (settings saved); shown like a notice, in a calmer colour. */
    public final StringProperty confirmation = new SimpleStringProperty();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    /** A stop was asked for and the run is saving its checkpoint: Pause and Step wait for nothing then. */
    private final ReadOnlyBooleanWrapper stopping = new ReadOnlyBooleanWrapper();
    /** What to do once the run that is stopping has stopped: a new run was asked for meanwhile. */
    private Runnable afterStop;
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    /** A past run the panels show instead of the live one (null: the live one). */
    private final ReadOnlyObjectWrapper<PastRun> past = new ReadOnlyObjectWrapper<>();
    /** The current run of a sweep, which the panels follow while no past run is opened (null: none). */
    private final ReadOnlyObjectWrapper<LiveRun> followed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper sweeping = new ReadOnlyBooleanWrapper();
    /** A run or a sweep trains: nothing else may start one (Start, Continue, a sweep, Resume sweep). */
    private final javafx.beans.binding.BooleanBinding busy = running.or(sweeping);
    private final ObjectBinding<List<SettingProblem>> problems;
    private final StringBinding startBlockedReason;
    private final StringBinding defaultRunName;
    private final TrainingService service;
    private final Path lastSettings;
    private TrainConfig base = TrainConfig.defaults();
    private boolean applying;

    public WorkbenchViewModel(Path runRoot) {
        this(runRoot, null);
    }

    /**
     * @param lastSettings where the form is remembered between sessions (null: not remembered); read at
     *                     start, written when a run starts and when the window closes
     */
    public WorkbenchViewModel(Path runRoot, Path lastSettings) {
        service = new TrainingService(runRoot);
        this.lastSettings = lastSettings;
        for (Setting<?> s : formSettings()) {
            StringProperty p = new SimpleStringProperty();
            fields.put(s, p);
            p.addListener((o, old, now) -> onTyped(s, old, now));
        }
        apply(remembered());
        List<Observable> deps = new ArrayList<>(fields.values());
        deps.addAll(List.of(dataset, viewA, viewB));
        problems = Bindings.createObjectBinding(this::computeProblems, deps.toArray(Observable[]::new));
        startBlockedReason = Bindings.createStringBinding(() -> {
            if (running.get()) {
                return "a run is going";
            }
            if (sweeping.get()) {
                return "a sweep is going (Sweep tab)";
            }
            if (loading.get() || dataset.get() == null) {
                return "loading the dataset\u2026";
            }
            List<SettingProblem> p = problems.get();
            return p.isEmpty() ? "" : p.get(0).message();
        }, problems, running, loading, dataset, sweeping);
        defaultRunName = Bindings.createStringBinding(() -> {
            TrainConfig c = config();
            if (c == null) {
                return "";
            }
            TrainConfig.Builder b = c.toBuilder();
            b.name = "";
            return org.twinlab.runs.RunFolder.displayName(b.build());
        }, problems);
        service.stateProperty().addListener((o, old, s) -> onServiceState(s));
        loadDataset(datasetName.get());
    }

    /** The settings the form shows: every one with its own entry in config.json but the dataset and the views, which have their own controls. */
    public static List<Setting<?>> formSettings() {
        return Settings.all().stream().filter(s -> s.inFile() && s != Settings.DATASET
                && s.type().kind() != SettingType.Kind.STRUCTURE).toList();
    }

    /** The text of a setting's field, as typed. */
    public StringProperty field(Setting<?> s) {
        StringProperty p = fields.get(s);
        if (p == null) {
            throw new IllegalArgumentException(s.key() + " is not on the form");
        }
        return p;
    }

    private TrainConfig remembered() {
        if (lastSettings != null && Files.isRegularFile(lastSettings)) {
            try {
                return Json.readConfig(lastSettings);
            } catch (IllegalArgumentException e) {
                notice.set("The settings of the last session were not restored: " + e.getMessage());
            }
        }
        return TrainConfig.defaults();
    }

    private void onTyped(Setting<?> s, String old, String now) {
        if (applying) {
            return;
        }
        if (running.get() && s.live()) {
            sendLive(s, now);
        }
        followDefaults(s, old);
    }

    private void sendLive(Setting<?> s, String text) {
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

    /** A setting changed: the defaults that follow it (and still hold their default) follow. */
    private void followDefaults(Setting<?> changed, String oldText) {
        TrainConfig now = config();
        if (now == null) {
            return;
        }
        TrainConfig before = withText(now, changed, oldText);
        if (before == null) {
            return;
        }
        TrainConfig followed = followed(before, changed, now);
        applying = true;
        try {
            for (Setting<?> s : fields.keySet()) {
                if (s != changed && !s.formatOf(followed).equals(s.formatOf(now))) {
                    fields.get(s).set(s.formatOf(followed));
                }
            }
        } finally {
            applying = false;
        }
    }

    private static <T> TrainConfig followed(TrainConfig before, Setting<T> s, TrainConfig now) {
        return Settings.with(before, s, s.get(now), java.util.Set.of());
    }

    private static <T> TrainConfig withText(TrainConfig c, Setting<T> s, String text) {
        try {
            TrainConfig.Builder b = c.toBuilder();
            s.set(b, s.parse(text == null ? "" : text));
            return b.build();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Puts every setting of {@code c} into the form. */
    public void apply(TrainConfig c) {
        base = c;
        applying = true;
        try {
            datasetName.set(c.dataset());
            for (Map.Entry<Setting<?>, StringProperty> f : fields.entrySet()) {
                f.getValue().set(f.getKey().formatOf(c));
            }
        } finally {
            applying = false;
        }
        if (c.augment() != null) {
            viewA.set(c.augment().viewA());
            viewB.set(c.augment().viewB());
        } else if (dataset.get() != null) {
            resetViews(dataset.get());
        }
    }

    private void resetViews(Dataset d) {
        AugmentConfig a = AugmentConfig.official(d.shape());
        viewA.set(a.viewA());
        viewB.set(a.viewB());
    }

    public void resetToDefaults() {
        clearPanels();
        String keep = datasetName.get();
        apply(TrainConfig.defaults());
        datasetName.set(keep);
        if (dataset.get() != null) {
            resetViews(dataset.get());
        }
    }

    /** Loads a built-in or a folder in the background; a bad folder becomes a notice and the old dataset stays. */
    public void loadDataset(String nameOrPath) {
        loading.set(true);
        Task<Dataset> t = new Task<>() {
            @Override
            protected Dataset call() {
                return DatasetCatalog.open(nameOrPath);
            }
        };
        t.setOnSucceeded(e -> {
            Dataset d = t.getValue();
            boolean shapeChanged = dataset.get() == null || !dataset.get().shape().equals(d.shape());
            if (dataset.get() != null && !dataset.get().name().equals(d.name())) {
                clearPanels(); // the last run's C and PCA (with its classes) belong to the other dataset
            }
            dataset.set(d);
            datasetName.set(nameOrPath);
            if (shapeChanged && (viewA.get() == null || base.augment() == null)) {
                resetViews(d);
            }
            loading.set(false);
        });
        t.setOnFailed(e -> {
            loading.set(false);
            notice.set("Could not open the dataset: " + t.getException().getMessage());
            if (dataset.get() != null) {
                datasetName.set(dataset.get().name());
            }
        });
        Thread th = new Thread(t, "twinlab-dataset");
        th.setDaemon(true);
        th.start();
    }

    /** The settings as typed, or null with problems() saying why. */
    public TrainConfig config() {
        return parsed(new ArrayList<>());
    }

    private TrainConfig parsed(List<SettingProblem> out) {
        TrainConfig.Builder b = base.toBuilder();
        b.dataset = datasetName.get();
        for (Map.Entry<Setting<?>, StringProperty> f : fields.entrySet()) {
            read(b, f.getKey(), f.getValue().get(), out);
        }
        b.augment = viewA.get() == null || viewB.get() == null ? null : new AugmentConfig(viewA.get(), viewB.get());
        if (!out.isEmpty()) {
            return null;
        }
        TrainConfig c = b.build();
        out.addAll(c.problems(dataset.get()));
        return out.isEmpty() ? c : null;
    }

    private static <T> void read(TrainConfig.Builder b, Setting<T> s, String text, List<SettingProblem> out) {
        T value;
        try {
            value = s.type().kind() == SettingType.Kind.TEXT && text == null ? s.parse("") : s.parse(text == null ? "" : text);
        } catch (SettingError e) {
            out.addAll(e.problems());
            return;
        }
        s.set(b, value);
    }

    private List<SettingProblem> computeProblems() {
        List<SettingProblem> out = new ArrayList<>();
        parsed(out);
        return out;
    }

    /** The first problem with this setting (by config.json key), or null: the view marks the field with it. */
    public String problemFor(String key) {
        for (SettingProblem p : problems.get()) {
            if (p.key().equals(key)) {
                return p.message();
            }
        }
        return null;
    }

    // commands

    public void start() {
        TrainConfig c = config();
        if (c == null || busy.get() || dataset.get() == null) {
            return;
        }
        remember(c);
        past.set(null);
        followed.set(null);
        service.prepare(c, dataset.get());
        service.restart();
        running.set(true);
        paused.set(false);
    }

    /** Continues a stopped run from its checkpoint, in the live panels. */
    public void resume(Path runDir) {
        if (busy.get()) {
            return; // one training at a time on the machine: a run or a sweep
        }
        past.set(null);
        followed.set(null);
        service.prepareResume(runDir);
        service.restart();
        running.set(true);
        paused.set(false);
    }

    private void remember(TrainConfig c) {
        if (lastSettings == null) {
            return;
        }
        try {
            Json.writeConfig(lastSettings, c);
        } catch (java.io.IOException e) {
            // the form is then not remembered; nothing else depends on it
        }
    }

    /**
     * A new run from the form; a run that goes is stopped first (it keeps its folder) and the new one starts
     * once it has. {@code then} runs after the start (a lesson's next action).
     */
    public void startNew(Runnable then) {
        if (running.get()) {
            afterStop = () -> {
                start();
                then.run();
            };
            stop();
            return;
        }
        start();
        then.run();
    }

    /** Exactly {@code n} steps, then paused: a run that does not go yet is started paused first. */
    public void step(int n) {
        if (!running.get()) {
            start();
            if (!running.get()) {
                return;
            }
            service.control().pause();
        }
        if (stopping.get()) {
            return;
        }
        for (int i = 0; i < n; i++) {
            service.control().step();
        }
        paused.set(true);
    }

    /**
     * Trains on: resumes the paused run, or starts one when none goes. With {@code pauseWhen}, the run
     * pauses after the first event that meets it and {@code reached} gets that event (on the FX thread).
     */
    public void train(java.util.function.Predicate<org.twinlab.train.TrainingEvent> pauseWhen,
                      java.util.function.Consumer<org.twinlab.train.TrainingEvent> reached) {
        if (stopping.get()) {
            return;
        }
        if (!running.get()) {
            start();
            if (!running.get()) {
                return;
            }
        } else if (paused.get()) {
            togglePause();
        }
        if (pauseWhen != null) {
            org.twinlab.train.RunControl control = service.control();
            live().watch(pauseWhen, e -> {
                control.pause(); // on the training thread: the run waits before its next step
                javafx.application.Platform.runLater(() -> {
                    if (running.get()) {
                        paused.set(true);
                    }
                    reached.accept(e);
                });
            });
        }
    }

    /** The panels forget the last run (a new dataset, a reset); a going run keeps its own. */
    private void clearPanels() {
        if (!running.get()) {
            service.clearLive();
        }
    }

    public void togglePause() {
        if (!running.get()) {
            return;
        }
        if (paused.get()) {
            service.control().resume();
        } else {
            service.control().pause();
        }
        paused.set(!paused.get());
    }

    public void step() {
        if (running.get() && !stopping.get()) {
            service.control().step();
            paused.set(true);
        }
    }

    public void stop() {
        if (running.get()) {
            stopping.set(true);
            service.control().stop();
        }
    }

    /** Writes the form as a settings file; returns whether it was saved (a notice says why not). */
    public boolean saveSettings(Path file) {
        TrainConfig c = config();
        if (c == null) {
            notice.set("Settings not saved: " + problems.get().get(0).message());
            return false;
        }
        try {
            Json.writeConfig(file, c);
            confirmation.set("Settings saved to " + file);
            return true;
        } catch (java.io.IOException e) {
            notice.set("Could not save the settings: " + org.twinlab.util.IoErrors.cannotWrite(file, e));
            return false;
        }
    }

    public void openSettings(Path file) {
        try {
            useSettings(Json.readConfig(file));
        } catch (IllegalArgumentException e) {
            notice.set("Could not open the settings: " + e.getMessage());
        }
    }

    /** Puts a preset's settings into the form and loads its dataset, saying what it is and what it costs. */
    public void usePreset(Preset p) {
        useSettings(p.config());
        confirmation.set("Preset " + p.key() + " in the form: " + p.label() + "; " + p.measured() + ". Start trains it.");
    }

    /** Puts a run's settings into the form and loads its dataset ("Use these settings"). */
    public void useSettings(TrainConfig c) {
        apply(c);
        loadDataset(c.dataset());
    }

    /** The panels show a past run (replayed into {@code run.live()}) until {@link #showLive} or a start. */
    public void showPast(PastRun run) {
        past.set(run);
    }

    /** The panels go back to the live run. */
    public void showLive() {
        past.set(null);
    }

    /** The panels follow a sweep's current run (each run of a sweep is a new LiveRun). */
    public void follow(LiveRun run) {
        followed.set(run);
    }

    /** While a sweep goes, Start says so and stays disabled: one training at a time on the machine. */
    public void setSweeping(boolean on) {
        sweeping.set(on);
    }

    /** Whether a run or a sweep is training now (one training at a time). */
    public javafx.beans.binding.BooleanBinding busyProperty() {
        return busy;
    }

    public ReadOnlyObjectProperty<PastRun> pastRunProperty() {
        return past.getReadOnlyProperty();
    }

    private void onServiceState(Worker.State s) {
        if (s == Worker.State.SUCCEEDED || s == Worker.State.FAILED || s == Worker.State.CANCELLED) {
            stopping.set(false);
            Runnable next = afterStop;
            afterStop = null;
            if (next != null) {
                // after this state change has been delivered: the service cannot restart from inside it
                javafx.application.Platform.runLater(next);
            }
        }
        switch (s) {
            case SUCCEEDED -> {
                running.set(false);
                paused.set(false);
                RunSummary end = service.getValue();
                if (end != null && end.state() == RunState.FAILED) {
                    notice.set("The run failed: " + end.message());
                }
            }
            case FAILED -> {
                running.set(false);
                paused.set(false);
                Throwable e = service.getException();
                notice.set("The run could not start: " + (e == null ? "unknown error" : e.getMessage()));
            }
            case CANCELLED -> {
                running.set(false);
                paused.set(false);
            }
            default -> {
            }
        }
    }

    /** Stops a run and lets it save: the window is closing. */
    public void shutdown() {
        TrainConfig c = config();
        if (c != null) {
            remember(c);
        }
        try {
            if (running.get()) {
                service.stopAndWait(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        service.shutdown();
    }

    // read-only state

    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty stoppingProperty() {
        return stopping.getReadOnlyProperty();
    }

    /** The name a run of the form would get when none is typed: "fashion-mnist-sample barlow-twins λ0.0051". */
    public StringBinding defaultRunName() {
        return defaultRunName;
    }

    /** Where runs are kept: the settings dialogs open there. */
    public Path runRoot() {
        return service.runRoot();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ObjectBinding<List<SettingProblem>> problems() {
        return problems;
    }

    /** Empty when Start can be pressed; otherwise why not. */
    public StringBinding startBlockedReason() {
        return startBlockedReason;
    }

    public BooleanBinding canStart() {
        return startBlockedReason.isEmpty();
    }

    /** What the panels show: the past run opened, else a sweep's current run, else the live one. */
    public LiveRun live() {
        PastRun p = past.get();
        if (p != null) {
            return p.live();
        }
        LiveRun f = followed.get();
        return f != null ? f : service.live();
    }

    public TrainingService service() {
        return service;
    }
}
