package org.twinlab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
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
import org.twinlab.train.RunState;
import org.twinlab.train.TrainConfig;

/**
 * The workbench's state as JavaFX properties and its commands; no controls. Text the user types is
 * kept as typed and parsed here, so a bad value is reported against its field and Start says why it
 * is disabled. Training itself runs in {@link TrainingService}.
 */
public final class WorkbenchViewModel {
    public final StringProperty datasetName = new SimpleStringProperty(DatasetCatalog.SAMPLE);
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>();
    public final ObjectProperty<ViewConfig> viewA = new SimpleObjectProperty<>();
    public final ObjectProperty<ViewConfig> viewB = new SimpleObjectProperty<>();
    public final StringProperty encoder = new SimpleStringProperty();
    public final StringProperty width = new SimpleStringProperty();
    public final StringProperty depth = new SimpleStringProperty();
    public final BooleanProperty projectorBatchNorm = new SimpleBooleanProperty();
    public final StringProperty lambda = new SimpleStringProperty();
    public final StringProperty batch = new SimpleStringProperty();
    public final StringProperty optimizer = new SimpleStringProperty();
    public final StringProperty learningRate = new SimpleStringProperty();
    public final StringProperty warmupEpochs = new SimpleStringProperty();
    public final StringProperty epochs = new SimpleStringProperty();
    public final StringProperty seed = new SimpleStringProperty();
    public final StringProperty probeEvery = new SimpleStringProperty();
    /** A problem to show the user (a bad file, a failed run); the view turns it into a notification. */
    public final StringProperty notice = new SimpleStringProperty();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ObjectBinding<List<String>> problems;
    private final StringBinding startBlockedReason;
    private final TrainingService service;
    private TrainConfig base = TrainConfig.defaults();

    public WorkbenchViewModel(Path runRoot) {
        service = new TrainingService(runRoot);
        apply(TrainConfig.defaults());
        problems = Bindings.createObjectBinding(this::computeProblems, dataset, viewA, viewB, encoder, width, depth,
                lambda, batch, optimizer, learningRate, warmupEpochs, epochs, seed, probeEvery, projectorBatchNorm);
        startBlockedReason = Bindings.createStringBinding(() -> {
            if (running.get()) {
                return "a run is going";
            }
            if (loading.get() || dataset.get() == null) {
                return "loading the dataset";
            }
            List<String> p = problems.get();
            return p.isEmpty() ? "" : p.get(0);
        }, problems, running, loading, dataset);
        service.stateProperty().addListener((o, old, s) -> onServiceState(s));
        // lambda and the learning rate act on a running loop at its next step
        lambda.addListener((o, old, v) -> live(() -> service.control().setLambda(parse(v))));
        learningRate.addListener((o, old, v) -> live(() -> service.control().setLearningRate(parse(v))));
        loadDataset(datasetName.get());
    }

    private void live(Runnable r) {
        if (running.get()) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // an invalid value is shown against its field and is not sent to the loop
            }
        }
    }

    private static double parse(String s) {
        return Double.parseDouble(s.trim());
    }

    /** Puts every setting of {@code c} into the controls. */
    public void apply(TrainConfig c) {
        base = c;
        datasetName.set(c.dataset());
        encoder.set(c.encoder());
        width.set(Integer.toString(c.projectorWidth()));
        depth.set(Integer.toString(c.projectorDepth()));
        projectorBatchNorm.set(c.projectorBatchNorm());
        lambda.set(format(c.lambda()));
        batch.set(Integer.toString(c.batchSize()));
        optimizer.set(c.optimizer());
        learningRate.set(format(c.learningRate()));
        warmupEpochs.set(format(c.warmupEpochs()));
        epochs.set(format(c.epochs()));
        seed.set(Long.toString(c.seed()));
        probeEvery.set(format(c.probeEvery()));
        if (c.augment() != null) {
            viewA.set(c.augment().viewA());
            viewB.set(c.augment().viewB());
        } else if (dataset.get() != null) {
            resetViews(dataset.get());
        }
    }

    static String format(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private void resetViews(Dataset d) {
        AugmentConfig a = AugmentConfig.official(d.shape());
        viewA.set(a.viewA());
        viewB.set(a.viewB());
    }

    public void resetToDefaults() {
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

    private TrainConfig parsed(List<String> out) {
        TrainConfig.Builder b = base.toBuilder();
        b.dataset = datasetName.get();
        b.encoder = encoder.get();
        b.projectorWidth = integer(width.get(), "projector width", out);
        b.projectorDepth = integer(depth.get(), "projector depth", out);
        b.projectorBatchNorm = projectorBatchNorm.get();
        b.lambda = number(lambda.get(), "lambda", out);
        b.batchSize = integer(batch.get(), "batch size", out);
        b.optimizer = optimizer.get();
        b.learningRate = number(learningRate.get(), "learning rate", out);
        b.warmupEpochs = number(warmupEpochs.get(), "warm-up epochs", out);
        b.epochs = number(epochs.get(), "epochs", out);
        b.steps = 0;
        b.seed = integer(seed.get(), "seed", out);
        b.probeEvery = number(probeEvery.get(), "probe interval", out);
        b.augment = viewA.get() == null || viewB.get() == null ? null : new AugmentConfig(viewA.get(), viewB.get());
        b.name = "workbench";
        if (!out.isEmpty()) {
            return null;
        }
        TrainConfig c = b.build();
        out.addAll(c.problems(dataset.get()));
        return out.isEmpty() ? c : null;
    }

    private List<String> computeProblems() {
        List<String> out = new ArrayList<>();
        parsed(out);
        return out;
    }

    private static int integer(String s, String what, List<String> out) {
        try {
            return Integer.parseInt(s.trim());
        } catch (RuntimeException e) {
            out.add(what + ": '" + s + "' is not a whole number");
            return 0;
        }
    }

    private static double number(String s, String what, List<String> out) {
        try {
            double v = Double.parseDouble(s.trim());
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (RuntimeException e) {
            out.add(what + ": '" + s + "' is not a number");
            return Double.NaN;
        }
    }

    /** The first problem naming this setting, or null: the view marks the field with it. */
    public String problemFor(String setting) {
        for (String p : problems.get()) {
            if (p.startsWith(setting + ":")) {
                return p;
            }
        }
        return null;
    }

    // commands

    public void start() {
        TrainConfig c = config();
        if (c == null || running.get() || dataset.get() == null) {
            return;
        }
        service.prepare(c, dataset.get());
        service.restart();
        running.set(true);
        paused.set(false);
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
        if (running.get()) {
            service.control().step();
            paused.set(true);
        }
    }

    public void stop() {
        if (running.get()) {
            service.control().stop();
        }
    }

    public void saveSettings(Path file) {
        TrainConfig c = config();
        if (c == null) {
            notice.set("Settings not saved: " + String.join("; ", problems.get()));
            return;
        }
        try {
            Json.writeConfig(file, c);
        } catch (java.io.IOException e) {
            notice.set("Could not save " + file + ": " + e.getMessage());
        }
    }

    public void openSettings(Path file) {
        try {
            TrainConfig c = Json.readConfig(file);
            apply(c);
            loadDataset(c.dataset());
        } catch (IllegalArgumentException e) {
            notice.set("Could not open settings: " + e.getMessage());
        }
    }

    private void onServiceState(Worker.State s) {
        switch (s) {
            case SUCCEEDED -> {
                running.set(false);
                paused.set(false);
                RunState end = service.getValue();
                var st = service.live().state.get();
                if (end == RunState.FAILED && st != null) {
                    notice.set("The run failed: " + st.message());
                }
            }
            case FAILED -> {
                running.set(false);
                paused.set(false);
                Throwable e = service.getException();
                notice.set("The run could not go on: " + (e == null ? "unknown error" : e.getMessage()));
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

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ObjectBinding<List<String>> problems() {
        return problems;
    }

    /** Empty when Start can be pressed; otherwise why not. */
    public StringBinding startBlockedReason() {
        return startBlockedReason;
    }

    public BooleanBinding canStart() {
        return startBlockedReason.isEmpty();
    }

    public LiveRun live() {
        return service.live();
    }

    public TrainingService service() {
        return service;
    }
}
