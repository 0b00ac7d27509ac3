package org.twinlab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.export.SweepFigures;
import org.twinlab.runs.Study;
import org.twinlab.runs.SweepAxis;
import org.twinlab.runs.SweepEvent;
import org.twinlab.runs.SweepRun;
import org.twinlab.runs.SweepRunner;
import org.twinlab.runs.SweepSpec;
import org.twinlab.train.RunState;
import org.twinlab.train.TrainConfig;
import tech.tablesaw.api.Table;

/**
 * The Sweep view's state. Before: the axes typed (each a setting of the settings table with its values or
 * a log range), the seeds and the choice of a grid or random draws over the form's settings; from them the
 * plan's size at once and its estimated time in the background. During: one run after another on a
 * thread of its own, the live panels following the current run, the overall progress and ETA, pause,
 * skip and cancel. After (or for a sweep folder opened): its results table.
 */
public final class SweepViewModel {
    /** One run of the plan as the queue shows it. */
    public record QueuedRun(SweepRun run, String state, double linearTop1) {
        public String describe() {
            return String.format(Locale.ROOT, "%d. %s \u2014 %s%s", run.index(), run.label().isEmpty() ? "base" : run.label(),
                    state, Double.isNaN(linearTop1) ? "" : String.format(Locale.ROOT, ", linear top-1 %.1f%%", 100 * linearTop1));
        }
    }

    private final WorkbenchViewModel workbench;
    public final ObservableList<SweepAxisRow.Model> axes = FXCollections.observableArrayList();
    /** One of the lecture's comparisons instead of the typed axes, or null for a sweep of one's own. */
    public final ObjectProperty<Study> study = new SimpleObjectProperty<>();
    public final IntegerProperty seeds = new SimpleIntegerProperty(1);
    public final BooleanProperty random = new SimpleBooleanProperty(false);
    public final IntegerProperty draws = new SimpleIntegerProperty(8);
    private final ReadOnlyStringWrapper plan = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper("");
    public final ObservableList<QueuedRun> queue = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SweepResultsModel> results = new ReadOnlyObjectWrapper<>();
    private volatile SweepRunner runner;
    private long estimateGeneration;
    private long resultsGeneration;
    /** The sweep folder whose results are shown: the running sweep's, or one opened. */
    private Path shown;

    public SweepViewModel(WorkbenchViewModel workbench) {
        this.workbench = workbench;
    }

    /** The sweep as typed over the form's settings, or null with {@link #problemProperty()} saying why. */
    SweepSpec spec() {
        TrainConfig form = workbench.config();
        if (form == null) {
            problem.set("The form has a problem: " + workbench.startBlockedReason().get());
            return null;
        }
        Study st = study.get();
        // each run is named after the sweep and its values ("sweep lambda=0.01"), never after a name left in the form
        TrainConfig.Builder named = form.toBuilder();
        named.name = st != null ? st.key() : "sweep";
        TrainConfig base = named.build();
        if (st != null) {
            Dataset data = workbench.datasetProperty().get();
            if (data == null) {
                problem.set("The dataset is still loading");
                return null;
            }
            try {
                SweepSpec s = st.spec(base, data, seeds.get() > 1 ? seeds.get() : 0);
                problem.set("");
                return s;
            } catch (IllegalArgumentException e) {
                problem.set(Character.toUpperCase(e.getMessage().charAt(0)) + e.getMessage().substring(1));
                return null;
            }
        }
        if (axes.isEmpty() && seeds.get() < 2) {
            problem.set(""); // nothing to sweep yet is no mistake: the plan line says what to do
            return null;
        }
        try {
            List<SweepAxis> list = new ArrayList<>();
            for (SweepAxisRow.Model m : axes) {
                list.add(m.axis());
            }
            // as the command line builds it: repeats of seeds alone are a sweep too
            SweepSpec s = new SweepSpec("", base, list, seeds.get() > 1 ? seeds.get() : 0, random.get() ? draws.get() : 0,
                    random.get() ? base.seed() : 0);
            problem.set("");
            return s;
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return null;
        }
    }

    /** Recomputes the plan's size now and its time in the background (a calibration may time a few steps). */
    public void replan() {
        SweepSpec s = spec();
        long mine = ++estimateGeneration;
        if (s == null) {
            plan.set(problem.get().isEmpty() ? "Add a setting to sweep (or repeat with more than one seed)." : "");
            if (!running.get()) {
                queue.clear();
            }
            return;
        }
        int n = s.size();
        if (!running.get()) {
            try {
                // the queue as it will run, before it is started (and before the plan line says its size)
                queue.setAll(s.runs().stream().map(r -> new QueuedRun(r, "planned", Double.NaN)).toList());
            } catch (IllegalArgumentException e) {
                problem.set(e.getMessage());
                plan.set("");
                return;
            }
        }
        if (running.get() || workbench.busyProperty().get()) {
            // an estimate may time a few training steps: never beside a run or a sweep that trains
            plan.set(n + " run" + (n == 1 ? "" : "s") + " (the time is estimated when nothing trains)");
            return;
        }
        plan.set(n + " run" + (n == 1 ? "" : "s") + ", estimating the time\u2026");
        Dataset data = workbench.datasetProperty().get();
        Path root = workbench.session().runRoot();
        workbench.tasks().submit("sweep-estimate", () -> {
            SweepRunner r = runner(SweepRunner.newFolder(root, "estimate"), s, data);
            return new double[] {r.plan().size(), r.estimatedSeconds()};
        }, v -> {
            if (mine == estimateGeneration) {
                plan.set(String.format(Locale.ROOT, "%d run%s, about %s", (int) v[0], v[0] == 1 ? "" : "s",
                        Double.isNaN(v[1]) ? "? (known after the first run)" : org.twinlab.runs.SweepEstimate.describe(v[1])));
            }
        }, m -> {
            if (mine == estimateGeneration) {
                plan.set("");
                problem.set(m);
            }
        });
    }

    private SweepRunner runner(Path dir, SweepSpec s, Dataset inMemory) {
        Path root = workbench.session().runRoot();
        return SweepRunner.create(dir, s, "the Twinlab window")
                .datasets(name -> inMemory != null && name.equals(inMemory.name()) ? inMemory : DatasetCatalog.open(name))
                .history(List.of(root));
    }

    /** Starts the sweep in a new folder in the runs folder; the live panels follow each run. */
    public void start(Consumer<String> failed) {
        SweepSpec s = spec();
        if (s == null || running.get() || workbench.busyProperty().get()) {
            return; // one training at a time: not beside a run of the Workbench
        }
        Path dir = SweepRunner.newFolder(workbench.session().runRoot(), s.study().isEmpty() ? "sweep" : s.study());
        launch(runner(dir, s, workbench.datasetProperty().get()), failed);
    }

    /** Goes on with an unfinished sweep (cancelled, or killed) in {@code dir}. */
    public void resume(Path dir, Consumer<String> failed) {
        if (running.get() || workbench.busyProperty().get()) {
            return;
        }
        try {
            launch(SweepRunner.resume(dir, "the Twinlab window").history(List.of(workbench.session().runRoot())), failed);
        } catch (IllegalArgumentException e) {
            failed.accept(e.getMessage());
        }
    }

    private void launch(SweepRunner r, Consumer<String> failed) {
        runner = r;
        running.set(true);
        paused.set(false);
        progress.set(0);
        status.set("starting\u2026");
        workbench.setSweeping(true);
        queue.setAll(r.plan().stream().map(p -> new QueuedRun(p, "queued", Double.NaN)).toList());
        r.listener(new Follower());
        refreshResults(); // the results area names the sweep (and shows a resumed sweep's earlier runs) at once
        shown = r.dir();
        workbench.tasks().submit("sweep", r::run, o -> ended(o.state() + ": " + o.finished() + " of " + o.total() + " runs with a result",
                true), m -> {
                    // a sweep that failed may never have held its folder (another process's lock): write nothing there
                    ended("failed: " + m, false);
                    failed.accept("The sweep stopped: " + m);
                });
    }

    private void ended(String how, boolean ran) {
        // what it ended with first: whoever watches running sees the final status when it turns false
        status.set("Sweep " + how);
        current.set("");
        paused.set(false);
        workbench.setSweeping(false);
        running.set(false);
        refreshResults(ran);
    }

    /** Forwards the sweep's events: the runs' own to the live panels, the rest to this model on the FX thread. */
    private final class Follower implements org.twinlab.runs.SweepListener {
        private LiveRun live;

        @Override
        public void onEvent(SweepEvent e) {
            switch (e) {
                case SweepEvent.RunStarted s -> {
                    LiveRun l = new LiveRun();
                    live = l;
                    Platform.runLater(() -> {
                        workbench.follow(l);
                        current.set(String.format(Locale.ROOT, "run %d of %d: %s", s.position(), s.total(), s.run().label()));
                        mark(s.run(), RunState.RUNNING + (s.resumed() ? " (continued)" : ""), Double.NaN);
                    });
                }
                case SweepEvent.Training t -> {
                    LiveRun l = live;
                    if (l != null) {
                        l.onEvent(t.event());
                    }
                }
                case SweepEvent.Progress p -> Platform.runLater(() -> {
                    progress.set(p.fraction());
                    status.set(String.format(Locale.ROOT, "%d of %d runs done \u00b7 %.0f%% \u00b7 ETA %s", p.done(), p.total(),
                            100 * p.fraction(), Double.isNaN(p.etaSeconds()) ? "?" : org.twinlab.runs.SweepEstimate.describe(p.etaSeconds())));
                });
                case SweepEvent.RunFinished f -> Platform.runLater(() -> {
                    mark(f.run(), f.summary().state().word(), f.summary().linearTop1());
                    refreshResults();
                });
                case SweepEvent.RunSkipped k -> Platform.runLater(() -> mark(k.run(), k.reason(), Double.NaN));
                case SweepEvent.Notice n -> Platform.runLater(() -> status.set(n.message()));
                default -> {
                }
            }
        }
    }

    private void mark(SweepRun run, String state, double top1) {
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).run().index() == run.index()) {
                queue.set(i, new QueuedRun(run, state, top1));
            }
        }
    }

    private void refreshResults() {
        refreshResults(false);
    }

    /**
     * Reads the sweep's results from its run folders, in the background; at the sweep's end ({@code last}) a
     * study also writes its table and bars into the sweep folder, as {@code twinlab ablate} leaves them.
     */
    private void refreshResults(boolean last) {
        SweepRunner r = runner;
        if (r != null) {
            long mine = ++resultsGeneration;
            workbench.tasks().submit("sweep-results", () -> {
                Table t = r.results();
                // only once a run has ended: before, the folder is the runner's to create (it must be new or empty)
                if (last && !r.spec().study().isEmpty() && t.rowCount() > 0) {
                    SweepFigures.writeStudy(r.dir(), Study.parse(r.spec().study()), t, r.spec().base());
                }
                return new SweepResultsModel(r.dir(), r.spec(), t);
            }, m -> {
                // reads can end out of order: an older one (fewer runs) must not replace a newer one, nor a
                // running sweep's the results of a sweep folder opened meanwhile
                if (mine == resultsGeneration && r.dir().equals(shown)) {
                    results.set(m);
                }
            }, m -> status.set("The results could not be read or written: " + m));
        }
    }

    /** Shows the results of a sweep folder made earlier (here or by {@code twinlab sweep}). */
    public void open(Path dir, Consumer<String> failed) {
        workbench.tasks().submit("sweep-open", () -> {
            SweepRunner r = SweepRunner.resume(dir, "reading its results");
            return new SweepResultsModel(dir, r.spec(), r.results());
        }, m -> {
            resultsGeneration++;
            shown = dir;
            results.set(m);
        }, m -> failed.accept("Could not open the sweep: " + m));
    }

    public void togglePause() {
        SweepRunner r = runner;
        if (r == null || !running.get()) {
            return;
        }
        if (paused.get()) {
            r.control().resume();
        } else {
            r.control().pause();
        }
        paused.set(!paused.get());
    }

    public void skip() {
        SweepRunner r = runner;
        if (r != null && running.get()) {
            r.control().skipCurrent();
        }
    }

    public void cancel() {
        SweepRunner r = runner;
        if (r != null && running.get()) {
            r.control().cancel();
        }
    }

    /** Stops a sweep and waits for its current run's checkpoint: the window is closing. */
    public void shutdown() throws InterruptedException {
        SweepRunner r = runner;
        if (r != null && running.get()) {
            r.cancelAndWait(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    public ReadOnlyStringProperty planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SweepResultsModel> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    /** The folder of the sweep going or last started (null before any). */
    public Path folder() {
        SweepRunner r = runner;
        return r == null ? null : r.dir();
    }
}
