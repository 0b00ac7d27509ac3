package org.twinlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.augment.AugmentConfig;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.train.RunState;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;
import tech.tablesaw.api.Table;

@org.twinlab.Slow
class RunFolderTest {
    @TempDir
    Path root;

    @Test
    void configRoundTripsThroughJsonWithAugmentations() throws Exception {
        Dataset d = DatasetCatalog.open(DatasetCatalog.SAMPLE);
        TrainConfig.Builder b = TestRuns.small(7).toBuilder();
        b.augment = AugmentConfig.official(d.shape());
        TrainConfig c = b.build();
        RunFolder f = RunFolder.create(root, c);
        assertEquals(c, f.config());
        assertTrue(f.dir().getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}-\\d{6}-test"));
        b.name = "";
        RunFolder unnamed = RunFolder.create(root, b.build());
        assertTrue(unnamed.dir().getFileName().toString().endsWith("-fashion-mnist-sample-barlow-twins-lambda0.0051"),
                "a run without a name is named by what it is: " + unnamed.dir());
    }

    @Test
    void aStoppedRunResumesFromItsCheckpointAndKeepsOneRowPerStep() throws Exception {
        Dataset d = TestRuns.sampleSubset(256, 200);
        TrainConfig.Builder b = TestRuns.small(12).toBuilder();
        b.projectorWidth = 32; // 256 images in batches of 64: checkpoints at steps 4 and 8
        b.dataset = d.name();
        TrainConfig cfg = b.build();
        RunSession first = RunSession.create(root, cfg, d, "test").probes(false);
        first.listener(e -> {
            if (e instanceof TrainingEvent.Step s && s.step() == 6) {
                first.control().stop();
            }
        });
        assertEquals(RunState.STOPPED, first.run().state());
        RunFolder f = first.folder();
        assertEquals(6, f.checkpoints().load().step(), "a stop saves a checkpoint");
        assertEquals(RunState.STOPPED, Json.GSON.fromJson(Files.readString(f.file(RunFolder.SUMMARY)), RunSummary.class).state());

        List<Integer> seen = new java.util.ArrayList<>();
        TestRuns.Collector events = new TestRuns.Collector();
        RunSession second = RunSession.resumeOn(f.dir(), d, "test").probes(false).listener(events).listener(e -> {
            if (e instanceof TrainingEvent.Step s) {
                seen.add(s.step());
            }
        });
        assertEquals(RunState.FINISHED, second.run().state(), events.of(TrainingEvent.State.class).toString());
        assertEquals(List.of(7, 8, 9, 10, 11, 12), seen);
        Table metrics = Table.read().csv(f.file(RunFolder.METRICS).toFile());
        assertEquals(12, metrics.rowCount());
        for (int i = 0; i < 12; i++) {
            assertEquals(i + 1, metrics.intColumn("step").getInt(i));
        }
        assertEquals(List.of("step", "epoch", "loss", "invariance", "lambda_redundancy", "lambda", "learning_rate",
                "pairs_per_second", "elapsed_seconds", "resident_mb"), metrics.columnNames(), "a column per term");
        assertEquals(12, f.checkpoints().load().step());
        assertTrue(Files.size(f.file(RunFolder.CORRELATION)) > 32 * 32 * 4);

        // extending the run rewrites config.json: a crash between telling the checkpoint and writing the file
        // leaves a run that loads with either text, and only those
        TrainConfig.Builder longer = f.config().toBuilder();
        longer.steps = 20;
        String longerText = Json.configText(longer.build());
        f.checkpoints().acceptConfig(longerText);
        assertEquals(12, f.checkpoints().load().step(), "the old config.json still matches");
        Files.writeString(f.file(RunFolder.CONFIG), longerText);
        assertEquals(12, f.checkpoints().load().step(), "the new one matches");
        TrainConfig.Builder edited = longer.build().toBuilder();
        edited.lambda = 0.5;
        Files.writeString(f.file(RunFolder.CONFIG), Json.configText(edited.build()));
        var e = assertThrows(IllegalArgumentException.class, () -> f.checkpoints().load());
        assertTrue(e.getMessage().contains("was changed after the last checkpoint"), e.getMessage());
    }

    @Test
    void aBrokenConfigFileIsNamedAndNothingIsOverwritten() throws Exception {
        RunFolder f = RunFolder.create(root, TestRuns.small(3));
        Files.writeString(f.file(RunFolder.CONFIG), "{ \"batchSize\": ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, f::config);
        assertTrue(e.getMessage().startsWith(f.file(RunFolder.CONFIG).toString()), e.getMessage());
        Files.writeString(f.file(RunFolder.CONFIG), Json.configText(TestRuns.small(3)).replace("\"batchSize\": 64", "\"batchSize\": 1"));
        e = assertThrows(IllegalArgumentException.class, f::config);
        assertTrue(e.getMessage().contains("batch size"), e.getMessage());
    }

    @Test
    void atomicWritesLeaveNoTemporaryFiles() throws Exception {
        Path file = root.resolve("a.json");
        AtomicFiles.writeString(file, "one");
        AtomicFiles.writeString(file, "two");
        assertEquals("two", Files.readString(file));
        try (var s = Files.list(root)) {
            assertEquals(1, s.count());
        }
    }
}
