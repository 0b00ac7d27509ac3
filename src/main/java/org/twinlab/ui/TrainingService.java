package org.twinlab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.twinlab.data.Dataset;
import org.twinlab.runs.RunHistory;
import org.twinlab.runs.RunRace;
import org.twinlab.runs.RunSession;
import org.twinlab.runs.RunSummary;
import org.twinlab.train.BackgroundThreads;
import org.twinlab.train.RunControl;
import org.twinlab.train.RunState;
import org.twinlab.train.TrainConfig;

/**
 * Runs a {@link RunSession} in the background: a new run, a stopped one continued, or two raced at once
 * ({@link RunRace}, each run with its own control and live view). The window
 * renders the run from a {@link LiveRun} on its own clock; this service only reports the end (through
 * the Service's state on the FX thread). A run that cannot start (a folder in use, a damaged
 * checkpoint) fails the task with its one-line message.
 */
public final class TrainingService extends Service<RunSummary> {
    /** What the next start trains: a new run, a stopped run continued, or a race of two new runs. */
    public sealed interface Training {
    }

    /** A new run of {@code config} on the window's dataset. */
    public record NewRun(TrainConfig config, Dataset data) implements Training {
    }

    /** The stopped run in {@code dir}, continued from its checkpoint. */
    public record Continue(Path dir) implements Training {
    }

    /** Two new runs trained at once, linked as a race ({@link RunRace}): the form's first. */
    public record Race(TrainConfig first, TrainConfig second, Dataset data) implements Training {
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(BackgroundThreads.named("twinlab-training"));
    private final Path runRoot;
    private volatile Training training;
    /** One control and one live view per run that trains (two in a race), made before the start. */
    private volatile List<RunControl> controls = List.of(new RunControl());
    private volatile List<LiveRun> lives = List.of(new LiveRun());
    private volatile Path runFolder;
    private volatile List<Path> runFolders = List.of();
    private volatile CountDownLatch done = new CountDownLatch(0);
    private volatile boolean probes = true;

    public TrainingService(Path runRoot) {
        this.runRoot = runRoot;
        setExecutor(executor);
    }

    /** Sets what the next start trains; a fresh control and live view go with each of its runs. */
    public void prepare(Training t) {
        this.training = t;
        int n = t instanceof Race ? 2 : 1;
        List<RunControl> c = new ArrayList<>();
        List<LiveRun> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            c.add(new RunControl());
            l.add(new LiveRun());
        }
        this.controls = List.copyOf(c);
        this.lives = List.copyOf(l);
        this.runFolder = null;
        this.runFolders = List.of();
    }

    /** Sets what the next start trains; a fresh control and live view go with it. */
    public void prepare(TrainConfig config, Dataset dataset) {
        prepare(new NewRun(config, dataset));
    }

    /** The next start continues the stopped run in {@code dir} from its checkpoint. */
    public void prepareResume(Path dir) {
        prepare(new Continue(dir));
    }

    /** A fresh, empty live view for the panels to show (no run goes): the last run's pictures go. */
    public void clearLive() {
        this.lives = List.of(new LiveRun());
    }

    /** Whether runs probe the encoder (and the baselines); tests that only need steps turn it off. */
    void probes(boolean on) {
        this.probes = on;
    }

    /** The control of the (first) run. */
    public RunControl control() {
        return controls.get(0);
    }

    /** The controls of every run that trains: Pause, Step and Stop act on all of them. */
    public List<RunControl> controls() {
        return controls;
    }

    /** The live view of the (first) run. */
    public LiveRun live() {
        return lives.get(0);
    }

    /** The live views of every run that trains (two in a race). */
    public List<LiveRun> lives() {
        return lives;
    }

    public Path runFolder() {
        return runFolder;
    }

    /** The folders of the runs that train or trained last (both of a race; empty before they are made). */
    public List<Path> runFolders() {
        return runFolders;
    }

    public Path runRoot() {
        return runRoot;
    }

    @Override
    protected Task<RunSummary> createTask() {
        Training what = training;
        List<RunControl> ctl = controls;
        List<LiveRun> view = lives;
        boolean probing = probes;
        CountDownLatch finished = new CountDownLatch(1);
        done = finished;
        return new Task<>() {
            @Override
            protected RunSummary call() throws Exception {
                try {
                    return switch (what) {
                        case NewRun n -> single(RunSession.create(runRoot, n.config(), n.data(), "the Twinlab window",
                                ctl.get(0)), view.get(0), probing);
                        case Continue c -> {
                            RunSession session = RunSession.resume(c.dir(), null, null, "the Twinlab window", ctl.get(0));
                            // the panels show a continued run from its first step: its past (cut at the checkpoint by
                            // the resume) is replayed first; its old end state is left out, the run is going again
                            RunReplay.into(view.get(0), RunHistory.load(c.dir()), false);
                            yield single(session, view.get(0), probing);
                        }
                        case Race r -> race(r, ctl, view, probing);
                    };
                } finally {
                    finished.countDown();
                }
            }
        };
    }

    private RunSummary single(RunSession session, LiveRun view, boolean probing) {
        runFolder = session.folder().dir();
        runFolders = List.of(runFolder);
        return session.listener(view).probes(probing).run();
    }

    /** Both runs to their end; the summary of one that failed, else the first's. */
    private RunSummary race(Race r, List<RunControl> ctl, List<LiveRun> view, boolean probing) throws InterruptedException {
        RunRace race = RunRace.create(runRoot, r.first(), r.second(), r.data(), "the Twinlab window", ctl.get(0),
                ctl.get(1));
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            race.listener(i, view.get(i));
            dirs.add(race.sessions().get(i).folder().dir());
        }
        runFolder = dirs.get(0);
        runFolders = List.copyOf(dirs);
        List<RunSummary> ends = race.probes(probing).run();
        return ends.stream().filter(e -> e.state() == RunState.FAILED).findFirst().orElse(ends.get(0));
    }

    /** Asks the runs to stop and waits (bounded) for them to save their checkpoints: used when the window closes. */
    public boolean stopAndWait(long timeout, TimeUnit unit) throws InterruptedException {
        controls.forEach(RunControl::stop);
        return done.await(timeout, unit);
    }

    public void shutdown() {
        executor.shutdown();
    }
}
