package org.twinlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.data.Dataset;
import org.twinlab.train.RunState;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;
import tech.tablesaw.api.Table;

/** Run folders read back: whole ones, damaged ones (with the reason), older ones, and the table of them all. */
@org.twinlab.Slow
class RunHistoryTest {
    private static final Dataset DATA = TestRuns.sampleSubset(640, 200);
    @TempDir
    static Path root;
    static Path good;
    static Path other;

    @BeforeAll
    static void makeRuns() {
        TrainConfig.Builder b = TestRuns.small(12).toBuilder();
        b.dataset = DATA.name();
        b.projectorWidth = 32;
        b.name = "";
        good = Path.of(RunSession.create(root, b.build(), DATA, "test").run().runFolder());
        b.lambda = 0.02;
        b.name = "second";
        b.probeEvery = 1;
        other = Path.of(RunSession.create(root, b.build(), DATA, "test").run().runFolder());
    }

    @Test
    void wholeRunsAreListedWithTheirSettingsAndResults() {
        List<RunEntry> runs = RunHistory.list(root);
        RunEntry second = runs.stream().filter(e -> e.dir().equals(other)).findFirst().orElseThrow();
        assertNull(second.problem());
        assertEquals(RunState.FINISHED, second.state());
        assertEquals("second", second.name());
        assertEquals(0.02, second.config().lambda(), 0);
        assertEquals(12, second.summary().steps());
        assertTrue(second.hasCheckpoint() && !second.resumable(), "finished: nothing to continue");
        RunEntry first = runs.stream().filter(e -> e.dir().equals(good)).findFirst().orElseThrow();
        assertEquals("sample-640 barlow-twins \u03bb0.0051", first.name(), "unnamed runs are named by what they are");
    }

    @Test
    void aWholeRunLoadsBackAndReplaysAsItsEvents() {
        RunRecord r = RunHistory.load(other);
        assertEquals(12, r.metrics().size());
        assertEquals(12, r.term("invariance").length);
        assertFalse(Double.isNaN(r.term("lambda_redundancy")[11]));
        assertNotNull(r.correlation());
        assertEquals(32, r.correlation().dim());
        assertNotNull(r.embedding());
        assertTrue(r.probes().size() >= 3, "random, pixels and trained");
        assertTrue(r.diagnostics().size() >= 3, "C's gauges at every snapshot");
        org.twinlab.train.TestRuns.Collector events = new org.twinlab.train.TestRuns.Collector();
        RunHistory.replay(r, events);
        assertEquals(12, events.of(TrainingEvent.Step.class).size());
        assertEquals(r.metrics().number(11, "loss"), events.of(TrainingEvent.Step.class).get(11).loss(), 1e-9);
        assertEquals(1, events.of(TrainingEvent.Correlation.class).size());
        assertEquals(org.twinlab.train.RunState.FINISHED, events.of(TrainingEvent.State.class).get(0).state());
    }

    @Test
    void damagedFoldersAreListedWithTheirReasonBesideTheGoodOnes() throws Exception {
        Path scratch = Files.createTempDirectory(root, "damaged");
        copy(other, scratch.resolve("truncated"));
        Path metrics = scratch.resolve("truncated").resolve(RunFolder.METRICS);
        byte[] m = Files.readAllBytes(metrics);
        Files.write(metrics, java.util.Arrays.copyOf(m, m.length - 7));
        copy(other, scratch.resolve("no-config"));
        Files.delete(scratch.resolve("no-config").resolve(RunFolder.CONFIG));
        copy(other, scratch.resolve("broken-config"));
        Files.writeString(scratch.resolve("broken-config").resolve(RunFolder.CONFIG), "{ \"batchSize\": ");
        copy(other, scratch.resolve("good"));
        Files.writeString(scratch.resolve("not-a-run.txt"), "hello");
        Files.createDirectories(scratch.resolve("empty-folder"));
        Map<String, RunEntry> byName = new java.util.HashMap<>();
        for (RunEntry e : RunHistory.list(scratch)) {
            byName.put(e.dir().getFileName().toString(), e);
        }
        assertEquals(java.util.Set.of("truncated", "no-config", "broken-config", "good"), byName.keySet());
        assertNull(byName.get("good").problem());
        assertTrue(byName.get("truncated").problem().contains("metrics.csv: truncated"), byName.get("truncated").problem());
        assertEquals(RunState.DAMAGED, byName.get("truncated").state());
        assertEquals("no config.json", byName.get("no-config").problem());
        assertTrue(byName.get("broken-config").problem().contains("the JSON breaks at line 1"),
                byName.get("broken-config").problem());
        // a damaged run still loads what it has
        RunRecord r = RunHistory.load(scratch.resolve("truncated"));
        assertEquals(11, r.metrics().size(), "the torn last row is left out");
    }

    @Test
    void theRunsTableSortsFiltersAndWritesCsv() throws Exception {
        Table t = RunsTable.of(RunHistory.list(root).stream().filter(e -> e.dir().getParent().equals(root)).toList());
        assertEquals(2, t.rowCount());
        for (String col : List.of("name", "created", "state", "dataset", "objective", "lambda", "batchSize",
                "projectorWidth", "learningRate", "seed", "steps", "seconds", "finalLoss", "linearTop1", "knnTop1",
                "runFolder")) {
            assertTrue(t.columnNames().contains(col), col);
        }
        assertEquals(1, RunsTable.where(t, "lambda=0.02").rowCount());
        assertEquals(1, RunsTable.where(t, "name=SECOND").rowCount());
        assertEquals(1, RunsTable.where(t, "lambda!=0.02").rowCount(), "the window's filter language");
        assertEquals(2, RunsTable.where(t, "lambda>=0.001 batchSize<1000").rowCount());
        assertEquals(0.02, RunsTable.sort(t, "lambda", true).doubleColumn("lambda").get(0), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunsTable.where(t, "lamda=1"));
        assertTrue(e.getMessage().startsWith("'lamda' is not a column of the runs table"), e.getMessage());
        assertEquals(t.stringColumn("folder").get(0), Path.of(t.stringColumn("runFolder").get(0)).getFileName().toString());
        Path csv = root.resolve("runs.csv");
        RunsTable.writeCsv(t, csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size());
        CsvFile back = CsvFile.read(csv);
        assertEquals(t.columnNames(), back.header());
        String batch = back.text(0, "batchSize");
        assertTrue(batch.matches("\\d+"), "a whole-number setting as a whole number: " + batch);
        assertTrue(back.text(0, "seed").matches("\\d+"), back.text(0, "seed"));
        assertEquals(t.stringColumn("runFolder").get(0), back.text(0, "runFolder"), "the whole path in the CSV");
        Object json = RunsTable.rows(t).get(0).get("batchSize");
        assertInstanceOf(Long.class, json, "--json prints 64, not 64.0");
    }

    @Test
    void aRunOfTheFirstVersionReadsWithItsOldColumns() throws Exception {
        Path old = Files.createTempDirectory(root, "v1").resolve("2026-11-24-101500-run");
        Files.createDirectories(old);
        Files.writeString(old.resolve(RunFolder.CONFIG), "{\"name\": \"run\", \"dataset\": \"fashion-mnist-sample\", "
                + "\"batchSize\": 64, \"lambda\": 0.01, \"optimizer\": \"adam\", \"encoder\": \"small-cnn\"}\n");
        Files.writeString(old.resolve(RunFolder.METRICS), "step,epoch,loss,invariance,redundancy,lambda,learning_rate,"
                + "pairs_per_second,elapsed_seconds,resident_mb\n1,0.01,30,20,1000,0.01,0.001,500,0.1,900\n"
                + "2,0.02,28,19,900,0.01,0.001,500,0.2,900\n");
        RunRecord r = RunHistory.load(old);
        assertEquals(2, r.metrics().size());
        assertEquals(9.0, r.term("lambda_redundancy")[1], 1e-6, "old unweighted redundancy, weighted by lambda");
        assertEquals(19, r.term("invariance")[1], 0);
    }

    private static void copy(Path from, Path to) throws Exception {
        org.twinlab.train.TestFolders.copyRun(from, to);
    }
}
