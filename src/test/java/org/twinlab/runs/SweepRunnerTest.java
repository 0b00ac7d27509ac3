package org.twinlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.data.Dataset;
import org.twinlab.train.RunState;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;
import tech.tablesaw.api.Table;

/** Sweeps on the real engine and real data, a few steps per run: folders, results, resume, lock, control, events. */
@org.twinlab.Slow
class SweepRunnerTest {
    private static final Dataset DATA = TestRuns.sampleSubset(640, 200);
    @TempDir
    Path root;

    private static TrainConfig base(int steps) {
        TrainConfig.Builder b = TestRuns.small(steps).toBuilder();
        b.dataset = DATA.name();
        b.projectorWidth = 32;
        b.name = "";
        return b.build();
    }

    private static SweepSpec twoByTwo(int steps) {
        return SweepSpec.grid(base(steps), List.of(SweepAxis.parseSet("lambda=0.001,0.01"),
                SweepAxis.parseSet("projectorWidth=32,64")));
    }

    private static SweepRunner runner(SweepRunner r, List<SweepEvent> events) {
        return r.datasets(n -> DATA).history(List.of()).calibrate(false).listener(events::add);
    }

    private static <T extends SweepEvent> List<T> of(List<SweepEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aTwoByTwoSweepMakesFourRunFoldersAndFourRows() throws Exception {
        Path dir = root.resolve("grid");
        List<SweepEvent> events = new CopyOnWriteArrayList<>();
        SweepRunner.Outcome o = runner(SweepRunner.create(dir, twoByTwo(3), "test"), events).run();
        assertEquals(SweepEvent.SweepState.FINISHED, o.state());
        assertEquals(4, o.finished());
        try (var s = Files.list(dir.resolve(SweepRunner.RUNS))) {
            assertEquals(List.of("001-lambda=0.001-projectorWidth=32", "002-lambda=0.001-projectorWidth=64",
                    "003-lambda=0.01-projectorWidth=32", "004-lambda=0.01-projectorWidth=64"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Table csv = Table.read().csv(dir.resolve(SweepRunner.RESULTS).toFile());
        assertEquals(4, csv.rowCount());
        for (String c : List.of("lambda", "projectorWidth", "seed", "steps", "finalLoss", "linearTop1", "knnTop1",
                "seconds", "runFolder")) {
            assertTrue(csv.columnNames().contains(c), c + " in " + csv.columnNames());
        }
        assertEquals(0.01, csv.numberColumn("lambda").getDouble(2), 0);
        assertEquals(64, csv.numberColumn("projectorWidth").getDouble(3), 0);
        assertEquals(3, csv.numberColumn("steps").getDouble(0), 0);
        assertTrue(csv.numberColumn("linearTop1").getDouble(0) > 0.3, "a probe at the end of every run");
        assertTrue(Files.isRegularFile(dir.resolve(csv.stringColumn("runFolder").get(1)).resolve(RunFolder.SUMMARY)));
        assertEquals(twoByTwo(3), SweepSpec.read(dir.resolve(SweepSpec.FILE)));

        // the run history sees them, from the sweep folder or from the folder above it
        assertEquals(4, RunHistory.list(dir).size());
        List<RunEntry> above = RunHistory.list(root);
        assertEquals(4, above.size());
        assertTrue(above.stream().allMatch(e -> dir.equals(e.sweep()) && e.state() == RunState.FINISHED));
        java.io.StringWriter out = new java.io.StringWriter();
        assertEquals(0, org.twinlab.cli.TwinlabCommand.execute(new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(new java.io.StringWriter(), true), "runs", "--dir", dir.toString()));
        assertTrue(out.toString().contains("lambda=0.01 projectorWidth=64") && out.toString().contains("4 runs in " + dir),
                out.toString());

        // events: the plan first, the end last, every run started and finished once, the runs' own events between
        assertInstanceOf(SweepEvent.Planned.class, events.get(0));
        assertEquals(4, ((SweepEvent.Planned) events.get(0)).runs().size());
        SweepEvent.Ended end = assertInstanceOf(SweepEvent.Ended.class, events.get(events.size() - 1));
        assertEquals(SweepEvent.SweepState.FINISHED, end.state());
        assertEquals(4, of(events, SweepEvent.RunStarted.class).size());
        assertEquals(4, of(events, SweepEvent.RunFinished.class).size());
        assertEquals(12, of(events, SweepEvent.Training.class).stream().filter(t -> t.event() instanceof TrainingEvent.Step)
                .count());
        assertEquals(1.0, of(events, SweepEvent.Progress.class).getLast().fraction(), 1e-9);

        // finishing a finished sweep runs nothing again and keeps its rows
        List<SweepEvent> again = new CopyOnWriteArrayList<>();
        SweepRunner.Outcome o2 = runner(SweepRunner.resume(dir, "test"), again).run();
        assertEquals(SweepEvent.SweepState.FINISHED, o2.state());
        assertEquals(0, of(again, SweepEvent.RunStarted.class).size());
        assertEquals(4, of(again, SweepEvent.RunSkipped.class).size());
        assertEquals(4, Table.read().csv(dir.resolve(SweepRunner.RESULTS).toFile()).rowCount());
        assertEquals(csv.numberColumn("finalLoss").asList(), o2.results().numberColumn("finalLoss").asList());

        // a new sweep of the same runs is estimated from their speed and probe times; one of longer runs by a calibration
        SweepRunner next = SweepRunner.create(root.resolve("next"), twoByTwo(3), "test").datasets(n -> DATA)
                .history(List.of(dir)).calibrate(false);
        assertTrue(next.estimate().basis().startsWith("4 runs from past runs' speed"), next.estimate().basis());
        assertTrue(next.estimatedSeconds() > 0 && Double.isFinite(next.estimatedSeconds()));
        SweepRunner longer = SweepRunner.create(root.resolve("longer"), SweepSpec.grid(base(60),
                List.of(SweepAxis.parseSet("lambda=0.1,0.2"))), "test").datasets(n -> DATA).history(List.of());
        assertEquals("2 runs from a calibration of 4 steps; probe time unknown until the first run ends",
                longer.estimate().basis());
        assertTrue(longer.estimatedSeconds() > 0 && Double.isFinite(longer.estimatedSeconds()));
        assertFalse(Files.exists(root.resolve("longer")), "an estimate writes nothing");

        // the core says what is there; each face says how to go on (the command line names its command)
        SweepRunner.AlreadyASweep e = assertThrows(SweepRunner.AlreadyASweep.class,
                () -> runner(SweepRunner.create(dir, twoByTwo(3), "test"), again).run());
        assertEquals(dir + " already holds a sweep", e.getMessage());
        assertEquals(dir, e.dir());
    }

    /**
     * A sweep cancelled in its second run, and a third run that crashed before its first checkpoint: the
     * resume keeps the first, continues the second from its checkpoint and restarts the third with its
     * remains kept aside; four rows, one per run.
     */
    @Test
    void aResumeKeepsEndedRunsContinuesStoppedOnesAndRestartsOnesWithoutCheckpoint() throws Exception {
        Path dir = root.resolve("crash");
        TrainConfig.Builder b = base(6).toBuilder();
        b.checkpointEvery = 2;
        SweepSpec spec = SweepSpec.grid(b.build(), List.of(SweepAxis.parseSet("lambda=0.001,0.01"),
                SweepAxis.parseSet("projectorWidth=32,64")));
        List<SweepEvent> first = new CopyOnWriteArrayList<>();
        SweepRunner r1 = runner(SweepRunner.create(dir, spec, "test"), first);
        r1.listener(e -> {
            if (e instanceof SweepEvent.Training t && t.run().index() == 2 && t.event() instanceof TrainingEvent.Step s
                    && s.step() == 3) {
                r1.control().cancel();
            }
        });
        SweepRunner.Outcome o1 = r1.run();
        assertEquals(SweepEvent.SweepState.CANCELLED, o1.state());
        assertEquals(1, o1.finished());
        assertEquals(1, Table.read().csv(dir.resolve(SweepRunner.RESULTS).toFile()).rowCount());
        // what a kill -9 leaves of a run before its first checkpoint: its config and a few rows
        SweepRun third = spec.runs().get(2);
        Path crashed = dir.resolve(SweepRunner.RUNS).resolve(third.name());
        Files.createDirectories(crashed);
        Json.writeConfig(crashed.resolve(RunFolder.CONFIG), third.config());
        Files.writeString(crashed.resolve(RunFolder.METRICS), "step,epoch,loss\n1,0.1,30\n");

        List<SweepEvent> second = new CopyOnWriteArrayList<>();
        SweepRunner.Outcome o2 = runner(SweepRunner.resume(dir, "test"), second).run();
        assertEquals(SweepEvent.SweepState.FINISHED, o2.state());
        assertEquals(4, o2.finished());
        List<SweepEvent.RunStarted> started = of(second, SweepEvent.RunStarted.class);
        assertEquals(3, started.size(), "the first run is not run again");
        assertTrue(started.get(0).resumed());
        assertEquals(2, started.get(0).run().index());
        assertEquals(3, started.get(0).firstStep(), "from the checkpoint the stop saved");
        assertFalse(started.get(1).resumed());
        assertTrue(of(second, SweepEvent.Notice.class).get(0).message().contains(third.name()));
        assertTrue(Files.isRegularFile(dir.resolve(SweepRunner.RESTARTED).resolve(third.name()).resolve(RunFolder.METRICS)),
                "the crashed run's remains are kept");
        Table csv = Table.read().csv(dir.resolve(SweepRunner.RESULTS).toFile());
        assertEquals(4, csv.rowCount());
        assertEquals(4, csv.stringColumn("runFolder").unique().size(), "no run twice");
        assertEquals(6, CsvFile.read(dir.resolve(SweepRunner.RUNS).resolve(spec.runs().get(1).name())
                .resolve(RunFolder.METRICS)).size(), "one row per step, none twice");
        assertEquals(4, RunHistory.list(dir).size(), "the restarted remains are not listed as a run of the sweep");
    }

    @Test
    void aSecondSweepOnTheFolderIsRefusedAndTheControlPausesSkipsAndCancels() throws Exception {
        Path dir = root.resolve("busy");
        SweepSpec spec = SweepSpec.grid(base(400), List.of(SweepAxis.parseSet("lambda=0.001,0.01,0.1")));
        List<SweepEvent> events = new CopyOnWriteArrayList<>();
        SweepRunner r = runner(SweepRunner.create(dir, spec, "the first sweep"), events);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch paused = new CountDownLatch(1);
        r.listener(e -> {
            if (e instanceof SweepEvent.Training t && t.event() instanceof TrainingEvent.Step s && s.step() == 3) {
                running.countDown();
            }
            if (e instanceof SweepEvent.Training t && t.event() instanceof TrainingEvent.State s
                    && s.state() == RunState.PAUSED) {
                paused.countDown();
            }
        });
        AtomicReference<SweepRunner.Outcome> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> outcome.set(r.run()));
        t.start();
        assertTrue(running.await(120, TimeUnit.SECONDS));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runner(SweepRunner.resume(dir, "a second sweep"), new CopyOnWriteArrayList<>()).run());
        assertTrue(e.getMessage().startsWith(dir + " is in use by process " + ProcessHandle.current().pid()
                + " (the first sweep, since "), e.getMessage());

        r.control().pause();
        assertTrue(paused.await(60, TimeUnit.SECONDS), "the current run pauses");
        assertTrue(r.control().isPaused());
        r.control().resume();
        r.control().skipCurrent();
        waitFor(() -> of(events, SweepEvent.Training.class).stream().anyMatch(x -> x.run().index() == 2
                && x.event() instanceof TrainingEvent.Step));
        r.control().cancel();
        t.join(120_000);
        assertEquals(SweepEvent.SweepState.CANCELLED, outcome.get().state());
        List<SweepEvent.RunSkipped> skipped = of(events, SweepEvent.RunSkipped.class);
        assertEquals(1, skipped.size());
        assertTrue(skipped.get(0).reason().startsWith("skipped by request at step"), skipped.get(0).reason());
        assertTrue(skipped.get(0).resumable());
        assertFalse(skipped.get(0).reason().contains("--"), "the window shows it: no command-line flag");
        assertEquals(0, outcome.get().finished());
        assertEquals(2, of(events, SweepEvent.RunStarted.class).size(), "no run after the cancel");
        assertEquals(SweepEvent.SweepState.CANCELLED, of(events, SweepEvent.Ended.class).get(0).state());
        // both stopped runs kept their checkpoints: they are resumable
        for (SweepRun run : spec.runs().subList(0, 2)) {
            assertTrue(RunHistory.read(r.folderOf(run)).resumable(), run.name());
        }
    }

    @Test
    void aNewSweepFolderIsNamedLikeARunFolderAndNotCreated() throws Exception {
        Path a = SweepRunner.newFolder(root, "\u03bb sweep");
        assertTrue(a.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}-\\d{6}-lambda-sweep"), a.toString());
        assertFalse(Files.exists(a));
        Files.createDirectories(a);
        assertTrue(SweepRunner.newFolder(root, "\u03bb sweep").getFileName().toString().endsWith("-2")
                || !SweepRunner.newFolder(root, "\u03bb sweep").equals(a), "never an existing folder");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean());
    }
}
