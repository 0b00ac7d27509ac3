package org.twinlab.ui;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.twinlab.data.Dataset;
import org.twinlab.runs.RunFolder;
import org.twinlab.train.BackgroundThreads;
import org.twinlab.train.RunControl;
import org.twinlab.train.RunState;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.Trainer;

/**
 * Runs the engine's training loop in the background. The window renders the run from a
 * {@link LiveRun} on its own clock; this service only reports the end (through the Service's state on
 * the FX thread). Each start makes a new run folder from the configuration given.
 */
public final class TrainingService extends Service<RunState> {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(BackgroundThreads.named("twinlab-training"));
    private final Path runRoot;
    private volatile TrainConfig config;
    private volatile Dataset dataset;
    private volatile RunControl control = new RunControl();
    private volatile LiveRun live = new LiveRun();
    private volatile Path runFolder;
    private volatile CountDownLatch done = new CountDownLatch(0);

    public TrainingService(Path runRoot) {
        this.runRoot = runRoot;
        setExecutor(executor);
    }

    /** Sets what the next start trains; a fresh control and live view go with it. */
    public void prepare(TrainConfig config, Dataset dataset) {
        this.config = config;
        this.dataset = dataset;
        this.control = new RunControl();
        this.live = new LiveRun();
        this.runFolder = null;
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

    @Override
    protected Task<RunState> createTask() {
        TrainConfig cfg = config;
        Dataset data = dataset;
        RunControl ctl = control;
        LiveRun view = live;
        CountDownLatch finished = new CountDownLatch(1);
        done = finished;
        return new Task<>() {
            @Override
            protected RunState call() throws Exception {
                try {
                    RunFolder folder = RunFolder.create(runRoot, cfg);
                    runFolder = folder.dir();
                    Trainer trainer = new Trainer(cfg, data, ctl).listener(view);
                    folder.record(trainer);
                    return trainer.run();
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
