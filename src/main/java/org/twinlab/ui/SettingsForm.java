package org.twinlab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
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
import org.twinlab.augment.AugmentConfig;
import org.twinlab.augment.ViewConfig;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.runs.Json;
import org.twinlab.train.Preset;
import org.twinlab.train.Setting;
import org.twinlab.train.SettingProblem;
import org.twinlab.train.SettingError;
import org.twinlab.train.SettingType;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;

/**
 * The form's settings model: one text property per setting, kept as typed and parsed by the settings table,
 * the dataset it names (loaded in the background; a load that a newer one replaced never wins) and the two
 * views. Every bad field is reported against its own key, so the view marks each of them. A setting whose
 * default follows others (the learning rate follows the optimizer and the batch) follows them while it holds
 * its default. Settings files and presets come in and go out here. Nothing here trains.
 */
public final class SettingsForm {
    public final StringProperty datasetName = new SimpleStringProperty(DatasetCatalog.SAMPLE);
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>();
    public final ObjectProperty<ViewConfig> viewA = new SimpleObjectProperty<>();
    public final ObjectProperty<ViewConfig> viewB = new SimpleObjectProperty<>();
    private final Map<Setting<?>, StringProperty> fields = new LinkedHashMap<>();
    /** A problem to show the user (a bad file); the view turns it into a notification. */
    public final StringProperty notice = new SimpleStringProperty();
    /** Good news to confirm (settings saved); shown like a notice, in a calmer colour. */
    public final StringProperty confirmation = new SimpleStringProperty();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ObjectBinding<List<SettingProblem>> problems;
    private final StringBinding defaultRunName;
    private final TaskExecutor tasks;
    private final Path lastSettings;
    /** What a typed change of a live setting (λ, learning rate) is sent to: the run that trains, if any. */
    private BiConsumer<Setting<?>, String> live = (s, text) -> { };
    /** Called when the dataset changes to another one: the panels forget the last run's pictures. */
    private Runnable datasetChanged = () -> { };
    private TrainConfig base = TrainConfig.defaults();
    private boolean applying;
    /** Grows with each load asked for: only the newest one's outcome is taken. */
    private long loadGeneration;

    /**
     * @param lastSettings where the form is remembered between sessions (null: not remembered)
     */
    public SettingsForm(TaskExecutor tasks, Path lastSettings) {
        this.tasks = tasks;
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
        defaultRunName = Bindings.createStringBinding(() -> {
            TrainConfig c = config();
            if (c == null) {
                return "";
            }
            TrainConfig.Builder b = c.toBuilder();
            b.name = "";
            return org.twinlab.runs.RunFolder.displayName(b.build());
        }, problems);
    }

    /** The settings the form shows: every one with its own entry in config.json but the dataset and the views, which have their own controls. */
    public static List<Setting<?>> formSettings() {
        return Settings.all().stream().filter(s -> s.inFile() && s != Settings.DATASET
                && s.type().kind() != SettingType.Kind.STRUCTURE).toList();
    }

    void onLiveChange(BiConsumer<Setting<?>, String> to) {
        this.live = to;
    }

    void onDatasetChange(Runnable r) {
        this.datasetChanged = r;
    }

    /** The text of a setting's field, as typed. */
    public StringProperty field(Setting<?> s) {
        StringProperty p = fields.get(s);
        if (p == null) {
            throw new IllegalArgumentException(s.key() + " is not on the form");
        }
        return p;
    }

    /**
     * Puts a value in the form without sending it to the run that trains: a lesson's screen settles its
     * own next run's settings, and the run still going keeps its own (its λ is not changed by entering a
     * screen).
     */
    public void setQuietly(Setting<?> s, String text) {
        boolean was = applying;
        applying = true;
        try {
            field(s).set(text);
        } finally {
            applying = was;
        }
        followDefaultsOf(s);
    }

    private void followDefaultsOf(Setting<?> s) {
        // a quiet change still lets the defaults that follow it follow (the learning rate follows the batch)
        TrainConfig now = config();
        if (now != null) {
            applyFollowing(s, now, now);
        }
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
        if (s.live()) {
            live.accept(s, now);
        }
        followDefaults(s, old);
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
        applyFollowing(changed, before, now);
    }

    private void applyFollowing(Setting<?> changed, TrainConfig before, TrainConfig now) {
        TrainConfig followed = followed(before, changed, now);
        boolean was = applying;
        applying = true;
        try {
            for (Setting<?> s : fields.keySet()) {
                if (s != changed && !s.formatOf(followed).equals(s.formatOf(now))) {
                    fields.get(s).set(s.formatOf(followed));
                }
            }
        } finally {
            applying = was;
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
        boolean was = applying;
        applying = true;
        try {
            datasetName.set(c.dataset());
            for (Map.Entry<Setting<?>, StringProperty> f : fields.entrySet()) {
                f.getValue().set(f.getKey().formatOf(c));
            }
        } finally {
            applying = was;
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

    /** Every setting back to its default; the dataset stays. */
    public void resetToDefaults() {
        String keep = datasetName.get();
        apply(TrainConfig.defaults());
        datasetName.set(keep);
        if (dataset.get() != null) {
            resetViews(dataset.get());
        }
    }

    /**
     * Loads a built-in or a folder in the background; a bad folder becomes a notice and the old dataset stays.
     * A load that a later one has replaced is dropped when it ends, whichever ends first.
     */
    public void loadDataset(String nameOrPath) {
        long generation = ++loadGeneration;
        loading.set(true);
        tasks.submit("dataset", () -> DatasetCatalog.open(nameOrPath), d -> {
            if (generation != loadGeneration) {
                return; // a newer load was asked for: its outcome is the one that counts
            }
            boolean shapeChanged = dataset.get() == null || !dataset.get().shape().equals(d.shape());
            if (dataset.get() != null && !dataset.get().name().equals(d.name())) {
                datasetChanged.run(); // the last run's C and PCA (with its classes) belong to the other dataset
            }
            dataset.set(d);
            datasetName.set(nameOrPath);
            if (shapeChanged && (viewA.get() == null || base.augment() == null)) {
                resetViews(d);
            }
            loading.set(false);
        }, message -> {
            if (generation != loadGeneration) {
                return;
            }
            loading.set(false);
            notice.set("Could not open the dataset: " + message);
            if (dataset.get() != null) {
                datasetName.set(dataset.get().name());
            }
        });
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
        // the fields that parsed are checked too, so every bad field is marked at once (λ "abc" and batch 0)
        Set<String> bad = new HashSet<>();
        out.forEach(p -> bad.add(p.key()));
        TrainConfig c = b.build();
        for (SettingProblem p : c.problems(dataset.get())) {
            if (!bad.contains(p.key())) {
                out.add(p);
            }
        }
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

    public ObjectBinding<List<SettingProblem>> problems() {
        return problems;
    }

    /** Keeps the form for the next session (when a run starts and when the window closes). */
    void remember(TrainConfig c) {
        if (lastSettings == null) {
            return;
        }
        try {
            Json.writeConfig(lastSettings, c);
        } catch (java.io.IOException e) {
            // the form is then not remembered; nothing else depends on it
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

    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The name a run of the form would get when none is typed: "fashion-mnist-sample barlow-twins λ0.0051". */
    public StringBinding defaultRunName() {
        return defaultRunName;
    }
}
