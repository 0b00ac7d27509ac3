package org.twinlab.ui;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.twinlab.data.Dataset;
import org.twinlab.runs.RunHistory;
import org.twinlab.runs.RunSession;
import org.twinlab.runs.RunSummary;
import org.twinlab.train.BackgroundThreads;
import org.twinlab.train.RunControl;
import org.twinlab.train.TrainConfig;

/**
 * Runs a {@link RunSession} in the background: a new run, or a stopped one continued. The window
 * renders the run from a {@link LiveRun} on its own clock; this service only reports the end (through
 * the Service's state on the FX thread). A run that cannot start (a folder in use, a damaged
 * checkpoint) fails the task with its one-line message.
 */
public final class TrainingService extends Service<RunSummary> {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(BackgroundThreads.named("twinlab-training"));
    private final Path runRoot;
    private volatile TrainConfig config;
    private volatile Dataset dataset;
    private volatile Path resumeDir;
    private volatile RunControl control = new RunControl();
    private volatile LiveRun live = new LiveRun();
    private volatile Path runFolder;
    private volatile CountDownLatch done = new CountDownLatch(0);
    private volatile boolean probes = true;

    public TrainingService(Path runRoot) {
        this.runRoot = runRoot;
        setExecutor(executor);
    }

    /** Sets what the next start trains; a fresh control and live view go with it. */
    public void prepare(TrainConfig config, Dataset dataset) {
        this.config = config;
        this.dataset = dataset;
        this.resumeDir = null;
        fresh();
    }

    /** The next start continues the stopped run in {@code dir} from its checkpoint. */
    public void prepareResume(Path dir) {
        this.resumeDir = dir;
        this.config = null;
        fresh();
    }

    private void fresh() {
        this.control = new RunControl();
        this.live = new LiveRun();
        this.runFolder = null;
    }

    /** A fresh, empty live view for the panels to show (no run goes): the last run's pictures go. */
    public void clearLive() {
        this.live = new LiveRun();
    }

    /** Whether runs probe the encoder (and the baselines); tests that only need steps turn it off. */
    void probes(boolean on) {
        this.probes = on;
    }

    public RunControl control() {
        return control;
    }

    public LiveRun live() {
        return live;
    }

    public Path runFolder() {
        return runFolder;
    }

    public Path runRoot() {
        return runRoot;
    }

    @Override
    protected Task<RunSummary> createTask() {
        TrainConfig cfg = config;
        Dataset data = dataset;
        Path resume = resumeDir;
        RunControl ctl = control;
        LiveRun view = live;
        boolean probing = probes;
        CountDownLatch finished = new CountDownLatch(1);
        done = finished;
        return new Task<>() {
            @Override
            protected RunSummary call() throws Exception {
                try {
                    RunSession session = resume != null
                            ? RunSession.resume(resume, null, null, "the Twinlab window", ctl)
                            : RunSession.create(runRoot, cfg, data, "the Twinlab window", ctl);
                    runFolder = session.folder().dir();
                    if (resume != null) {
                        // the panels show a continued run from its first step: its past (cut at the checkpoint by
                        // the resume) is replayed first; its old end state is left out, the run is going again
                        RunReplay.into(view, RunHistory.load(resume), false);
                    }
                    return session.listener(view).probes(probing).run();
                } finally {
                    finished.countDown();
                }
            }
        };
    }

    /** Asks the run to stop and waits (bounded) for it to save its checkpoint: used when the window closes. */
    public boolean stopAndWait(long timeout, TimeUnit unit) throws InterruptedException {
        control.stop();
        return done.await(timeout, unit);
    }

    public void shutdown() {
        executor.shutdown();
    }
}
