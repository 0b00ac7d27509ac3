package org.twinlab.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.model.TwinNetwork;
import org.twinlab.train.OptimizerKind;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;

/**
 * A resumed run is the same run: 40 steps in one go and 20 + resume + 20 give the same loss at every
 * step after the resume and the same final parameters, for every optimizer (their state is in the
 * checkpoint), after a stop and after kill -9.
 */
@org.twinlab.Slow
class ExactResumeTest {
    private static final Dataset DATA = TestRuns.sampleSubset(640, 200);
    @TempDir
    Path root;

    private static TrainConfig config(OptimizerKind optimizer) {
        TrainConfig.Builder b = TestRuns.small(40).toBuilder();
        b.dataset = DATA.name();
        b.projectorWidth = 64;
        b.batchSize = 32; // 20 steps per epoch of the 640 images
        b.optimizer = optimizer;
        b.learningRate = optimizer.defaultLearningRate(b.batchSize) / 5;
        b.warmupEpochs = 1.5; // the schedule's position matters too: the resume falls inside the warm-up
        return b.build();
    }

    /** Every step's loss of a run, and lambda changed live at step 12 (the change must survive the resume). */
    private static List<Double> losses(RunSession s, int stopAt) {
        List<Double> out = new ArrayList<>();
        s.probes(false).listener(e -> {
            if (e instanceof TrainingEvent.Step st) {
                out.add(st.loss());
                if (st.step() == 12) {
                    s.control().setLambda(0.02);
                }
                if (st.step() == stopAt) {
                    s.control().stop();
                }
            }
        });
        RunSummary summary = s.run();
        // a run that ends early says why in the failure, not only by its count of steps
        if (stopAt < 0 && summary.state() != org.twinlab.train.RunState.FINISHED) {
            throw new AssertionError("the run ended after " + out.size() + " steps: " + summary.state() + " "
                    + summary.message());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void twentyPlusTwentyIsFortyStep(OptimizerKind optimizer) throws Exception {
        TrainConfig cfg = config(optimizer);
        RunSession whole = RunSession.create(root.resolve("whole"), cfg, DATA, "test");
        List<Double> reference = losses(whole, -1);
        assertEquals(40, reference.size());

        RunSession first = RunSession.create(root.resolve("split"), cfg, DATA, "test");
        List<Double> before = losses(first, 20);
        assertEquals(20, before.size());
        RunSession second = RunSession.resumeOn(first.folder().dir(), DATA, "test");
        List<Double> after = losses(second, -1);
        assertEquals(20, after.size(), "steps 21-40");
        for (int i = 0; i < 20; i++) {
            assertEquals(reference.get(20 + i), after.get(i), 1e-5 * Math.max(1, Math.abs(reference.get(20 + i))),
                    optimizer + ": loss at step " + (21 + i));
        }
        assertSameParameters(whole.folder(), first.folder(), cfg);
    }

    /**
     * C shown on held-out pairs ({@code snapshotPairs}): the resumed run draws the same pairs, so its pictures of
     * steps 25-40 are the uninterrupted run's, cell by cell.
     */
    @Test
    void theHeldOutPairsAreTheSameAcrossAResume() throws Exception {
        TrainConfig.Builder b = config(OptimizerKind.ADAM).toBuilder();
        b.snapshotPairs = 64;
        TrainConfig cfg = b.build();
        java.util.Map<Integer, TrainingEvent.Correlation> whole = new java.util.TreeMap<>();
        losses(RunSession.create(root.resolve("whole"), cfg, DATA, "test").listener(snapshots(whole)), -1);
        java.util.Map<Integer, TrainingEvent.Correlation> split = new java.util.TreeMap<>();
        RunSession first = RunSession.create(root.resolve("split"), cfg, DATA, "test").listener(snapshots(split));
        losses(first, 20);
        losses(RunSession.resumeOn(first.folder().dir(), DATA, "test").listener(snapshots(split)), -1);
        List<Integer> compared = new ArrayList<>();
        for (int step : List.of(5, 10, 15, 20, 25, 30, 35, 40)) {
            TrainingEvent.Correlation w = whole.get(step);
            TrainingEvent.Correlation r = split.get(step);
            assertEquals(64, r.pairs());
            assertArrayEquals(w.values(), r.values(), 1e-4f, "C of the held-out pairs at step " + step);
            assertEquals(w.meanAbsOffDiagonal(), r.meanAbsOffDiagonal(), 1e-5);
            compared.add(step);
        }
        assertEquals(8, compared.size());
    }

    private static org.twinlab.train.TrainingEventListener snapshots(java.util.Map<Integer, TrainingEvent.Correlation> into) {
        return e -> {
            if (e instanceof TrainingEvent.Correlation c) {
                into.put(c.step(), c);
            }
        };
    }

    @Test
    void aCheckpointWithoutOptimizerStateStillResumesWithAWarning() throws Exception {
        TrainConfig cfg = config(OptimizerKind.ADAM);
        RunSession first = RunSession.create(root, cfg, DATA, "test");
        losses(first, 20);
        // the checkpoint as the first version wrote it: model.params and a record with the step alone
        CheckpointStore store = first.folder().checkpoints();
        Path params = store.load().parameters();
        try (var files = Files.list(store.dir())) {
            for (Path f : files.toList()) {
                if (!f.equals(params)) {
                    Files.delete(f);
                }
            }
        }
        Files.move(params, store.dir().resolve("model.params"));
        Files.writeString(store.dir().resolve("checkpoint.json"), "{\"step\": 20}\n");
        TestRuns.Collector events = new TestRuns.Collector();
        RunSession second = RunSession.resumeOn(first.folder().dir(), DATA, "test").listener(events);
        List<Double> after = losses(second, -1);
        assertEquals(20, after.size());
        List<TrainingEvent.Notice> notes = events.of(TrainingEvent.Notice.class);
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).message().contains("no optimizer state"), notes.get(0).message());
        assertEquals(org.twinlab.train.RunState.FINISHED, Json.GSON.fromJson(Files.readString(first.folder().file(RunFolder.SUMMARY)),
                RunSummary.class).state());
    }

    /** The command line killed with SIGKILL after a checkpoint; the resumed run matches one that never stopped. */
    @Test
    void aRunKilledAfterItsCheckpointResumesExactly() throws Exception {
        Path runs = root.resolve("runs");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"), "org.twinlab.Twinlab", "train", "--steps", "40",
                "--batch", "32", "--width", "64", "--probe-every", "0", "--no-baselines", "--checkpoint-every", "10",
                "--lr", "0.002", "--run-dir", runs.toString(), "--name", "killed"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(root.resolve("out.txt").toFile()).start();
        Path dir = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (dir == null && Files.isDirectory(runs)) {
                try (var s = Files.list(runs)) {
                    dir = s.findFirst().orElse(null);
                }
            }
            if (dir != null) {
                CheckpointStore.Record r = null;
                try {
                    r = new CheckpointStore(dir).load();
                } catch (RuntimeException e) {
                    r = null; // caught between files: look again
                }
                if (r != null && r.step() >= 10) {
                    break;
                }
            }
            Thread.sleep(20);
        }
        assertTrue(dir != null, "the run started: " + Files.readString(root.resolve("out.txt")));
        p.destroyForcibly(); // SIGKILL
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        int checkpointed = new CheckpointStore(dir).load().step();
        assertTrue(checkpointed % 10 == 0 && checkpointed >= 10 && checkpointed <= 40, "a whole checkpoint survives: "
                + checkpointed);

        // C's history opens with every snapshot up to the checkpoint (1, then every 5th step), whatever the kill tore after
        CorrelationHistory.Contents killed = RunHistory.correlationHistory(dir);
        assertFalse(killed.damaged(), String.valueOf(killed.problem()));
        List<Integer> before = new ArrayList<>(List.of(1));
        for (int k = 5; k <= checkpointed; k += 5) {
            before.add(k);
        }
        assertEquals(before, killed.snapshots().stream().map(CorrelationHistory.Snapshot::step)
                .filter(k -> k <= checkpointed).toList());

        TrainConfig cfg = RunFolder.open(dir).config();
        Dataset sample = DatasetCatalog.open(DatasetCatalog.SAMPLE);
        RunSession whole = RunSession.create(root.resolve("whole"), cfg, sample, "test");
        List<Double> reference = new ArrayList<>();
        whole.probes(false).listener(e -> {
            if (e instanceof TrainingEvent.Step s) {
                reference.add(s.loss());
            }
        }).run();
        List<Double> after = new ArrayList<>();
        RunSession resumed = RunSession.resume(dir, null, null, "test");
        resumed.probes(false).listener(e -> {
            if (e instanceof TrainingEvent.Step s) {
                after.add(s.loss());
            }
        }).run();
        assertEquals(40 - checkpointed, after.size());
        for (int i = 0; i < after.size(); i++) {
            double ref = reference.get(checkpointed + i);
            assertEquals(ref, after.get(i), 1e-5 * Math.max(1, Math.abs(ref)), "loss at step " + (checkpointed + i + 1));
        }
        tech.tablesaw.api.Table metrics = tech.tablesaw.api.Table.read().csv(dir.resolve(RunFolder.METRICS).toFile());
        assertEquals(40, metrics.rowCount(), "one row per step, none twice, none lost");
        CorrelationHistory.Contents history = RunHistory.correlationHistory(dir);
        assertNull(history.problem());
        List<Integer> diagnosed = new ArrayList<>();
        for (double k : CsvFile.read(dir.resolve(RunFolder.DIAGNOSTICS)).column("step")) {
            diagnosed.add((int) k);
        }
        assertEquals(diagnosed, history.snapshots().stream().map(CorrelationHistory.Snapshot::step).toList(),
                "the history has the snapshots of diagnostics.csv, none twice");
        assertSameParameters(whole.folder(), RunFolder.open(dir), cfg);
    }

    private static void assertSameParameters(RunFolder a, RunFolder b, TrainConfig cfg) throws Exception {
        try (NDManager m = NDManager.newBaseManager();
             TwinNetwork x = new TwinNetwork(m, cfg.model(), DATA.shape());
             TwinNetwork y = new TwinNetwork(m, cfg.model(), DATA.shape())) {
            a.checkpoints().load().loadNetwork(x);
            b.checkpoints().load().loadNetwork(y);
            var px = x.trainableParameters();
            var py = y.trainableParameters();
            for (int i = 0; i < px.size(); i++) {
                assertArrayEquals(px.get(i).getArray().toFloatArray(), py.get(i).getArray().toFloatArray(), 1e-5f,
                        "parameter " + px.get(i).getName());
            }
        }
    }
}
