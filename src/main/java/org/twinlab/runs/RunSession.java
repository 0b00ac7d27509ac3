package org.twinlab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.train.Devices;
import org.twinlab.train.EncoderInitializer;
import org.twinlab.train.RunControl;
import org.twinlab.train.RunState;
import org.twinlab.train.Settings;
import org.twinlab.train.SettingProblem;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingLoop;
import org.twinlab.train.TrainingEventListener;
import org.twinlab.util.IoErrors;

/**
 * One run, UI-free: the one way to create or reopen a run folder, hold its lock, wire its recorder and
 * checkpoints, run it, stop it and wait for its checkpoint, and return its summary. The window, the
 * command line, the benchmark, sweeps and the tests all go through here.
 *
 * <p>Everything that can be wrong is found before any work and before anything is written: bad
 * settings, an unreadable dataset, an impossible run folder, a damaged checkpoint, a finished run that
 * was not given more steps, another process holding the run.
 */
public final class RunSession implements AutoCloseable {
    private final RunFolder folder;
    private final TrainConfig config;
    private final Dataset dataset;
    private final RunLock lock;
    private final RunControl control;
    private final TrainingLoop trainer;
    private final RunRecorder recorder;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final int firstStep;

    private RunSession(RunFolder folder, TrainConfig config, Dataset dataset, RunLock lock,
                       CheckpointStore.Record resume, RunControl control) {
        this.control = control;
        this.folder = folder;
        this.config = config;
        this.dataset = dataset;
        this.lock = lock;
        this.firstStep = resume == null ? 0 : resume.step();
        this.recorder = new RunRecorder(folder);
        this.trainer = new TrainingLoop(config, dataset, control).listener(recorder)
                .checkpoints(c -> {
                    try {
                        recorder.flush(); // rows up to the checkpoint are on disk before it is
                        folder.checkpoints().save(c);
                    } catch (IOException e) {
                        throw recorder.failed(e);
                    }
                }, folder.dir().toString());
        if (resume != null) {
            trainer.resumeFrom(resume);
            recorder.remember(RunHistory.probes(folder.file(RunFolder.PROBE)));
        }
    }

    /** A new run in a new folder under {@code root}; the dataset is opened (and checked against the settings) first. */
    public static RunSession create(Path root, TrainConfig config, String purpose) {
        SettingProblem.throwIfAny(config.problems());
        Dataset data = DatasetCatalog.open(config.dataset());
        return create(root, config, data, purpose);
    }

    /** A new run on a dataset already in memory (the window's). */
    public static RunSession create(Path root, TrainConfig config, Dataset data, String purpose) {
        return create(root, config, data, purpose, new RunControl());
    }

    /** A new run steered by a control made beforehand (the window's buttons may act before the run starts). */
    public static RunSession create(Path root, TrainConfig config, Dataset data, String purpose, RunControl control) {
        return fresh(config, data, purpose, control, () -> RunFolder.create(root, config));
    }

    /** A new run in exactly the folder {@code dir}, which must not exist yet or be empty (a sweep's runs). */
    public static RunSession createAt(Path dir, TrainConfig config, Dataset data, String purpose, RunControl control) {
        return fresh(config, data, purpose, control, () -> RunFolder.createAt(dir, config));
    }

    private static RunSession fresh(TrainConfig config, Dataset data, String purpose, RunControl control,
                                    java.util.function.Supplier<RunFolder> folder) {
        SettingProblem.throwIfAny(config.problems(data));
        Devices.select(config.device()); // a GPU that cannot be used is one line now, not a failed run later
        if (!config.initEncoder().isBlank()) {
            EncoderInitializer.find().check(Path.of(config.initEncoder()), config.encoder(), data.shape());
        }
        RunFolder f = folder.get();
        return new RunSession(f, config, data, RunLock.acquire(f.dir(), purpose), null, control);
    }

    /**
     * Reopens a stopped (or crashed) run to continue from its last checkpoint, exactly. A finished run is
     * refused with how to extend it, unless {@code moreSteps} or {@code moreEpochs} (either may be null) ask
     * for a longer run than it had: config.json is then rewritten with the new length (the finished
     * summary is kept as {@code summary-<step>.json}) and the run goes on.
     */
    public static RunSession resume(Path dir, Integer steps, Double epochs, String purpose) throws IOException {
        return resume(dir, steps, epochs, purpose, new RunControl());
    }

    /** {@link #resume(Path, Integer, Double, String)} steered by a control made beforehand. */
    public static RunSession resume(Path dir, Integer steps, Double epochs, String purpose, RunControl control)
            throws IOException {
        return resume(dir, steps, epochs, purpose, control, null);
    }

    /** Continues a stopped run on a dataset already in memory (one that is not a built-in or a folder: tests). */
    public static RunSession resumeOn(Path dir, Dataset data, String purpose) throws IOException {
        return resume(dir, null, null, purpose, new RunControl(), data);
    }

    /** Continues a stopped run on a dataset already in memory, steered by {@code control} (a sweep's runs). */
    public static RunSession resumeOn(Path dir, Dataset data, String purpose, RunControl control) throws IOException {
        return resume(dir, null, null, purpose, control, data);
    }

    private static RunSession resume(Path dir, Integer steps, Double epochs, String purpose, RunControl control,
                                     Dataset inMemory) throws IOException {
        RunFolder f = RunFolder.open(dir);
        TrainConfig cfg = f.config();
        RunLock lock = RunLock.acquire(f.dir(), purpose);
        try {
            CheckpointStore.Record ckpt = f.requireCheckpoint("resume from");
            Dataset data = inMemory != null ? inMemory : DatasetCatalog.open(cfg.dataset());
            TrainConfig longer = longer(cfg, steps, epochs);
            SettingProblem.throwIfAny(longer.problems(data));
            Devices.select(longer.device());
            int planned = cfg.totalSteps(data);
            int wanted = longer.totalSteps(data);
            boolean finished = RunHistory.summaryState(f.file(RunFolder.SUMMARY)) == RunState.FINISHED;
            if (steps != null || epochs != null) {
                if (wanted <= ckpt.step()) {
                    throw new IllegalArgumentException(dir + ": already has " + ckpt.step() + " steps; to extend it, ask "
                            + "for more than that (--steps or --epochs)");
                }
            } else if (finished || ckpt.step() >= planned) {
                String more = cfg.steps() > 0 ? "--steps " + 2 * cfg.steps()
                        : "--epochs " + Settings.EPOCHS.format(2 * cfg.epochs());
                throw new IllegalArgumentException(dir + ": finished at step " + ckpt.step() + " of " + planned
                        + "; to train it further, resume with more steps or epochs, e.g. --resume " + dir + " " + more);
            }
            try {
                if (!longer.equals(cfg)) {
                    if (Files.isRegularFile(f.file(RunFolder.SUMMARY))) {
                        AtomicFiles.write(f.file(String.format(Locale.ROOT, "summary-%d.json", ckpt.step())),
                                out -> Files.copy(f.file(RunFolder.SUMMARY), out));
                    }
                    f.rewriteConfig(longer);
                }
                f.truncateAfter(ckpt.step());
            } catch (IOException e) {
                throw new IllegalArgumentException(IoErrors.cannotWrite(dir, e), e);
            }
            return new RunSession(f, longer, data, lock, ckpt, control);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static TrainConfig longer(TrainConfig c, Integer steps, Double epochs) {
        TrainConfig.Builder b = c.toBuilder();
        if (epochs != null) {
            b.epochs = epochs;
            b.steps = 0;
        }
        if (steps != null) {
            b.steps = steps;
        }
        return b.build();
    }

    public RunSession listener(TrainingEventListener l) {
        trainer.listener(l);
        return this;
    }

    /** Whether to probe the untrained encoder and the raw pixels before the first step. */
    public RunSession baselines(boolean on) {
        trainer.baselines(on);
        return this;
    }

    /** Whether to probe at all (benchmarks time training alone). */
    public RunSession probes(boolean on) {
        trainer.probes(on);
        return this;
    }

    public RunControl control() {
        return control;
    }

    public RunFolder folder() {
        return folder;
    }

    public TrainConfig config() {
        return config;
    }

    public Dataset dataset() {
        return dataset;
    }

    public int firstStep() {
        return firstStep;
    }

    public int totalSteps() {
        return trainer.totalSteps();
    }

    /**
     * Why the run failed when it was a write to its folder (a full disk, say): one line naming the folder and the
     * reason; null when every write succeeded. The summary then says "failed" with the same message.
     */
    public java.io.UncheckedIOException writeFailure() {
        return recorder.failure();
    }

    /** After a failed write: what is left to resume from ("its checkpoint of step 300 is whole"), in words. */
    public String keptCheckpoint() {
        try {
            CheckpointStore.Record r = folder.checkpoints().load();
            return r == null ? "no checkpoint was written" : "its checkpoint of step " + r.step() + " is whole";
        } catch (IOException | RuntimeException e) {
            return "its checkpoint cannot be read back (" + e.getMessage() + ")";
        }
    }

    /** Runs to the end, a stop or a failure (blocking), then releases the folder; returns the summary. */
    public RunSummary run() {
        try {
            RunState state = trainer.run();
            RunSummary s = recorder.summary();
            return s != null ? s : new RunSummary(state, null,
                    config.objective().key(), firstStep, 0, Double.NaN, java.util.Map.of(), Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, null, folder.dir().toString());
        } finally {
            ended.countDown();
            close();
            // the run's arrays are closed: hand the arenas' free memory back, or a session keeps every run's peak
            org.twinlab.util.NativeMemory.releaseAfterRun();
        }
    }

    /** The training loop, for tests that check nothing keeps it once the run has ended. */
    TrainingLoop trainer() {
        return trainer;
    }

    /** Asks the run to stop and waits (bounded) until it has saved its checkpoint and summary. */
    public boolean stopAndWait(long timeout, TimeUnit unit) throws InterruptedException {
        control.stop();
        return ended.await(timeout, unit);
    }

    /** Releases the run folder without running (a run releases it itself when it ends). */
    @Override
    public void close() {
        lock.close();
    }
}
