package org.twinlab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.train.Devices;
import org.twinlab.train.RunControl;
import org.twinlab.train.SettingProblem;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;
import org.twinlab.util.IoErrors;
import tech.tablesaw.api.Table;

/**
 * Runs a sweep, one run after another, in a sweep folder: {@code sweep.json} (the definition),
 * {@code runs/<NNN-key=value-...>/} (one run folder per run, through {@link RunSession}), {@code results.csv}
 * (rewritten atomically after every run, see {@link SweepResults}), and {@code restarted/} (what was left of
 * runs that crashed before their first checkpoint). The sweep folder's {@link RunLock} is held while it runs:
 * a second sweep there is refused with who holds it.
 *
 * <p>Crash-safe: after a kill at any moment, {@link #resume} goes on where it was. A run that ended (its
 * summary.json says finished or failed) is read back, never run again; a run with a checkpoint continues
 * from it exactly; a run without one is moved to {@code restarted/} and starts again. Results come from the
 * run folders, so no run is ever in results.csv twice.
 *
 * <p>Typical use, on a thread of its own:
 * <pre>{@code
 * SweepRunner r = SweepRunner.create(dir, spec, "the window").listener(events::add);
 * r.control().pause();  // from another thread: pause, resume, skipCurrent, cancel
 * SweepRunner.Outcome o = r.run();  // blocks until the sweep ends
 * }</pre>
 */
public final class SweepRunner {
    public static final String RUNS = "runs";
    public static final String RESULTS = "results.csv";
    public static final String RESTARTED = "restarted";
    private static final long PROGRESS_NANOS = 500_000_000L;

    /** How the sweep ended, with its results table (a copy the caller may change). */
    public record Outcome(SweepEvent.SweepState state, int finished, int total, Table results, Path dir) {
    }

    /** {@code dir} already holds a sweep (its sweep.json): a new one there would mix two plans. */
    public static final class AlreadyASweep extends IllegalArgumentException {
        private final transient Path dir;

        AlreadyASweep(Path dir) {
            super(dir + " already holds a sweep");
            this.dir = dir;
        }

        public Path dir() {
            return dir;
        }
    }

    /** A run's folder could not be written (a full disk): the sweep stopped, and resuming it goes on. */
    public static final class SaveFailed extends java.io.UncheckedIOException {
        private final transient Path dir;
        private final String failure;

        SaveFailed(Path dir, java.io.UncheckedIOException why) {
            super(why.getMessage() + "; make room, then resume the sweep", why.getCause());
            this.dir = dir;
            this.failure = why.getMessage();
        }

        /** The I/O failure alone, without what to do next. */
        public String failure() {
            return failure;
        }

        public Path dir() {
            return dir;
        }
    }

    /** What was found in a run's folder before the sweep (re)starts. */
    private enum Found {
        NEW, ENDED, RESUME, RESTART
    }

    private final Path dir;
    private final SweepSpec spec;
    private final List<SweepRun> plan;
    private final boolean resuming;
    private final String purpose;
    private final SweepControl control = new SweepControl();
    private final List<SweepListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    private Function<String, Dataset> datasets = DatasetCatalog::open;
    private List<Path> history = List.of(RunFolder.defaultRoot());
    private boolean calibrate = true;
    private boolean baselines;
    private SweepEstimate estimate;

    private SweepRunner(Path dir, SweepSpec spec, boolean resuming, String purpose) {
        this.dir = dir;
        this.spec = spec;
        this.plan = spec.runs();
        this.resuming = resuming;
        this.purpose = purpose;
    }

    /** A new sweep in {@code dir} (a new or empty folder); nothing is written before {@link #run()}. */
    public static SweepRunner create(Path dir, SweepSpec spec, String purpose) {
        return new SweepRunner(dir, spec, false, purpose);
    }

    /** The sweep in {@code dir}, to finish it: its definition is read back from its sweep.json. */
    public static SweepRunner resume(Path dir, String purpose) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such sweep folder");
        }
        if (!Files.isRegularFile(dir.resolve(SweepSpec.FILE))) {
            throw new IllegalArgumentException(dir + ": not a sweep folder (no " + SweepSpec.FILE + ")");
        }
        return new SweepRunner(dir, SweepSpec.readSealed(dir.resolve(SweepSpec.FILE)), true, purpose);
    }

    /**
     * A new sweep folder's path under {@code root} (the window's: the runs folder, so the runs list shows the
     * sweep's runs), named like a run folder: {@code <date-time>-<name>}. Nothing is created.
     */
    public static Path newFolder(Path root, String name) {
        Path dir = root.resolve(RunFolder.stampedName(name));
        for (int i = 2; Files.exists(dir); i++) {
            dir = root.resolve(RunFolder.stampedName(name) + "-" + i);
        }
        return dir;
    }

    public SweepRunner listener(SweepListener l) {
        listeners.add(l);
        return this;
    }

    /** Where the runs' data come from (default: the built-ins and folders; the window passes the one in memory). */
    public SweepRunner datasets(Function<String, Dataset> open) {
        this.datasets = open;
        return this;
    }

    /** Folders of past runs whose speed estimates this sweep's time (default ~/.twinlab/runs); the sweep's own runs always count. */
    public SweepRunner history(List<Path> roots) {
        this.history = List.copyOf(roots);
        return this;
    }

    /** Whether to time a few steps of configurations the history has no speed for (default on). */
    public SweepRunner calibrate(boolean on) {
        this.calibrate = on;
        return this;
    }

    /** Whether each new run probes the random encoder and the raw pixels first (default off: two probes per run). */
    public SweepRunner baselines(boolean on) {
        this.baselines = on;
        return this;
    }

    public SweepControl control() {
        return control;
    }

    public Path dir() {
        return dir;
    }

    public SweepSpec spec() {
        return spec;
    }

    /** Every run of the sweep, in order. */
    public List<SweepRun> plan() {
        return plan;
    }

    /** The folder of one run of the plan. */
    public Path folderOf(SweepRun r) {
        return dir.resolve(RUNS).resolve(r.name());
    }

    /** The results as they stand in the run folders (any time, also while the sweep runs). */
    public Table results() {
        return SweepResults.of(spec, plan, endedRuns());
    }

    /** Asks the sweep to cancel and waits (bounded) until the current run has saved its checkpoint. */
    public boolean cancelAndWait(long timeout, TimeUnit unit) throws InterruptedException {
        control.cancel();
        return !started.get() || ended.await(timeout, unit);
    }

    /**
     * Runs the sweep to its end, a cancel or a failure (blocking). Everything that can be refused is refused
     * before anything is written, as one line: a folder that is not new or empty (or already holds a
     * sweep), a folder another process is sweeping, an unreadable dataset, a run that is not valid on its
     * data, a run folder that is not what the plan says.
     */
    public Outcome run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a sweep runs once; make another runner to run it again");
        }
        try (RunLock lock = prepare()) {
            return sweep();
        } finally {
            ended.countDown();
        }
    }

    private RunLock prepare() {
        Map<String, Dataset> open = new HashMap<>();
        for (SweepRun r : plan) {
            Dataset d = open.computeIfAbsent(r.config().dataset(), datasets);
            List<SettingProblem> p = r.config().problems(d);
            if (!p.isEmpty()) {
                throw new IllegalArgumentException("the run " + r.label() + " is not a valid run on " + d.name() + ": "
                        + String.join("; ", p.stream().map(SettingProblem::message).toList()));
            }
        }
        datasets = open::get;
        plan.stream().map(r -> r.config().device()).distinct().forEach(Devices::select); // a GPU that cannot be used: one line now
        boolean made = !Files.exists(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the sweep folder " + dir + ": " + IoErrors.describe(e));
        }
        RunLock lock;
        try {
            lock = RunLock.acquire(dir, purpose);
        } catch (RuntimeException e) {
            if (made) {
                Folders.deleteQuietly(dir);
            }
            throw e;
        }
        try {
            if (!resuming) {
                if (Files.isRegularFile(dir.resolve(SweepSpec.FILE))) {
                    throw new AlreadyASweep(dir);
                }
                try (var children = Files.list(dir)) {
                    if (children.anyMatch(p -> !p.getFileName().toString().equals(RunLock.FILE))) {
                        throw new IllegalArgumentException(dir + ": not empty; a new sweep needs a new or empty folder");
                    }
                }
            }
            if (!resuming) {
                AtomicFiles.writeString(dir.resolve(SweepSpec.FILE), spec.toJson());
            }
            Files.createDirectories(dir.resolve(RUNS));
            return lock;
        } catch (IOException e) {
            lock.close();
            if (made) {
                Folders.deleteQuietly(dir); // a new sweep that could not start leaves nothing behind
            }
            throw new IllegalArgumentException(IoErrors.cannotWrite(dir, e));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private Outcome sweep() {
        long t0 = System.nanoTime();
        Map<SweepRun, Found> found = new LinkedHashMap<>();
        Map<Integer, RunSummary> done = new HashMap<>();
        for (SweepRun r : plan) {
            found.put(r, inspect(r, done));
        }
        writeResults(done);
        SweepEstimate est = estimate();
        List<SweepRun> left = plan.stream().filter(r -> !done.containsKey(r.index())).toList();
        publish(new SweepEvent.Planned(dir, plan, done.size(), est.seconds(left), est.basis()));
        double totalWeight = plan.stream().mapToDouble(est::weight).sum();
        double doneWeight = plan.stream().filter(r -> done.containsKey(r.index())).mapToDouble(est::weight).sum();
        int skipped = 0;
        for (SweepRun r : plan) {
            if (done.containsKey(r.index())) {
                if (resuming) {
                    publish(new SweepEvent.RunSkipped(r, "ended in an earlier session (" + done.get(r.index()).state() + ")",
                            false));
                }
                continue;
            }
            RunControl rc;
            try {
                rc = control.begin();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                control.cancel();
                break;
            }
            if (rc == null) {
                break;
            }
            long r0 = System.nanoTime();
            RunSession session = open(r, found.get(r), rc);
            int first = session.firstStep();
            int total = session.totalSteps();
            double base = doneWeight;
            List<SweepRun> after = plan.subList(r.index(), plan.size()).stream()
                    .filter(x -> !done.containsKey(x.index())).toList();
            long[] lastProgress = {0};
            // a study's first row also probes the random encoder: the reference that says whether its budget
            // taught the encoders anything the rows could differ in (Study.budgetWarning)
            boolean probeBaselines = baselines || (!spec.study().isEmpty() && r.index() == 0);
            session.baselines(probeBaselines).listener(e -> {
                publish(new SweepEvent.Training(r, e));
                if (e instanceof TrainingEvent.Step s && System.nanoTime() - lastProgress[0] > PROGRESS_NANOS) {
                    lastProgress[0] = System.nanoTime();
                    double f = (double) s.step() / Math.max(1, total);
                    publish(new SweepEvent.Progress(done.size(), plan.size(),
                            (base + f * est.weight(r)) / totalWeight, (System.nanoTime() - t0) / 1e9,
                            est.secondsLeft(r, f, after)));
                }
            });
            publish(new SweepEvent.RunStarted(r, r.index(), plan.size(), session.folder().dir(), first, total,
                    first > 0));
            RunSummary s = session.run();
            boolean skip = control.end();
            if (session.writeFailure() != null) { // a full disk is not a result of the run: the sweep stops, resumable
                throw new SaveFailed(dir, session.writeFailure());
            }
            double wall = (System.nanoTime() - r0) / 1e9;
            est.measured(r, (double) (s.steps() - first) / Math.max(1, total), wall);
            boolean result = s.state().hasResult();
            if (!result && control.isCancelled()) {
                break;
            }
            if (result) {
                done.put(r.index(), s);
                doneWeight += est.weight(r);
                writeResults(done);
            }
            // the sweep's progress first, so a listener reporting the run's end has the new ETA
            List<SweepRun> rest = plan.stream().filter(x -> !done.containsKey(x.index()) && x.index() > r.index()).toList();
            publish(new SweepEvent.Progress(done.size(), plan.size(), doneWeight / totalWeight,
                    (System.nanoTime() - t0) / 1e9, est.seconds(rest)));
            if (result) {
                publish(new SweepEvent.RunFinished(r, s, wall));
            } else {
                skipped++;
                publish(new SweepEvent.RunSkipped(r, (skip ? "skipped by request" : "stopped") + " at step " + s.steps(),
                        true));
            }
        }
        writeResults(done);
        SweepEvent.SweepState state = done.size() == plan.size() ? SweepEvent.SweepState.FINISHED
                : control.isCancelled() ? SweepEvent.SweepState.CANCELLED : SweepEvent.SweepState.INCOMPLETE;
        publish(new SweepEvent.Ended(state, done.size(), plan.size(), dir.resolve(RESULTS), skipped));
        return new Outcome(state, done.size(), plan.size(), SweepResults.of(spec, plan, done), dir);
    }

    /** What is in a run's folder; a run that ended goes into {@code done}. */
    private Found inspect(SweepRun r, Map<Integer, RunSummary> done) {
        Path f = folderOf(r);
        if (!Files.exists(f)) {
            return Found.NEW;
        }
        TrainConfig cfg;
        try {
            cfg = Json.readConfig(f.resolve(RunFolder.CONFIG));
        } catch (IllegalArgumentException e) {
            return Found.RESTART; // a crash between making the folder and writing its config
        }
        if (!Json.configText(cfg).equals(Json.configText(r.config()))) {
            throw new IllegalArgumentException(f + ": its config.json is not the sweep's plan for " + r.label()
                    + " (sweep.json was changed?); move that folder away or restore sweep.json");
        }
        RunSummary s = RunHistory.summary(f.resolve(RunFolder.SUMMARY));
        if (s != null && s.state() != null && s.state().hasResult()) {
            done.put(r.index(), s);
            return Found.ENDED;
        }
        try {
            CheckpointStore.Record c = new CheckpointStore(f).load();
            int total = r.config().totalSteps(datasets.apply(r.config().dataset()));
            return c != null && c.step() < total ? Found.RESUME : Found.RESTART;
        } catch (IOException | IllegalArgumentException e) {
            return Found.RESTART;
        }
    }

    /** The runs that ended, read back from their folders. */
    private Map<Integer, RunSummary> endedRuns() {
        Map<Integer, RunSummary> out = new HashMap<>();
        for (SweepRun r : plan) {
            RunSummary s = RunHistory.summary(folderOf(r).resolve(RunFolder.SUMMARY));
            if (s != null && s.state() != null && s.state().hasResult()) {
                out.put(r.index(), s);
            }
        }
        return out;
    }

    private RunSession open(SweepRun r, Found what, RunControl rc) {
        Path f = folderOf(r);
        Dataset data = datasets.apply(r.config().dataset());
        try {
            if (what == Found.RESUME) {
                return RunSession.resumeOn(f, data, purpose, rc);
            }
            if (what == Found.RESTART) {
                Path aside = moveAside(f);
                publish(new SweepEvent.Notice(r.name() + ": it had stopped before its first checkpoint (or its "
                        + "checkpoint is damaged); what it had is kept in " + dir.relativize(aside) + ", and it starts again"));
            }
            return RunSession.createAt(f, r.config(), data, purpose, rc);
        } catch (IOException e) {
            throw new IllegalArgumentException(IoErrors.cannotWrite(f, e));
        }
    }

    private Path moveAside(Path f) throws IOException {
        Path attic = dir.resolve(RESTARTED);
        Files.createDirectories(attic);
        Path to = attic.resolve(f.getFileName());
        for (int i = 2; Files.exists(to); i++) {
            to = attic.resolve(f.getFileName() + "-" + i);
        }
        Files.move(f, to, StandardCopyOption.ATOMIC_MOVE);
        return to;
    }

    /**
     * How long the sweep will take, before it starts (the window shows it beside the number of runs): see
     * {@link SweepEstimate}. It may time a few steps of a configuration no past run has (a calibration), so
     * call it off the UI thread; {@link #run()} reuses it.
     */
    public synchronized SweepEstimate estimate() {
        if (estimate == null) {
            estimate = computeEstimate();
        }
        return estimate;
    }

    /** The estimated seconds of the runs that have no result yet (NaN while nothing can estimate them). */
    public double estimatedSeconds() {
        Map<Integer, RunSummary> ended = endedRuns();
        return estimate().seconds(plan.stream().filter(r -> !ended.containsKey(r.index())).toList());
    }

    private SweepEstimate computeEstimate() {
        List<RunEntry> past = new ArrayList<>();
        List<Path> roots = new ArrayList<>(history);
        roots.add(dir);
        for (Path root : roots) {
            past.addAll(RunHistory.list(root));
        }
        SweepEstimate.Calibrator cal = !calibrate ? null : (c, d) -> {
            int steps = c.totalSteps(d);
            // a run shorter than a few calibrations ends soon enough to give the speed itself
            return steps < 5 * (SweepEstimate.CALIBRATION_WARMUP + SweepEstimate.CALIBRATION_STEPS) ? Double.NaN
                    : SweepEstimate.calibrate(c, d);
        };
        // the whole plan, runs already done included: they weigh in the progress fraction (their speed is in the history)
        return SweepEstimate.of(plan, datasets, past, cal, baselines);
    }

    private void writeResults(Map<Integer, RunSummary> done) {
        SweepResults.write(SweepResults.of(spec, plan, done), dir.resolve(RESULTS));
    }

    private void publish(SweepEvent e) {
        for (SweepListener l : listeners) {
            l.onEvent(e);
        }
    }
}
