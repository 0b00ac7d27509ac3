package org.twinlab.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.cli.TwinlabCommand;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.train.TestRuns;
import tech.tablesaw.api.Table;

/**
 * {@code twinlab sweep} killed with SIGKILL in the middle of its second run, then {@code sweep --resume}: the
 * same four rows as a sweep never killed would have, none twice; the first run is not run again and the
 * second continues from its checkpoint to the same final loss as an uninterrupted run.
 */
@org.twinlab.Slow
class SweepKillTest {
    @TempDir
    Path root;

    @Test
    void aSweepKilledMidRunResumesToTheSameFourRows() throws Exception {
        Path data = TestRuns.sampleSubsetFolder(root.resolve("data"), 640, 200);
        Path dir = root.resolve("sweep");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-Dai.djl.offline=true",
                "-Dtwinlab.home=" + root.resolve("home"), "-cp", System.getProperty("java.class.path"),
                "org.twinlab.Twinlab", "sweep", "--dataset", data.toString(), "--set", "lambda=0.001,0.01",
                "--set", "projectorWidth=32,64", "--steps", "12", "--batch", "64", "--checkpoint-every", "3",
                "--probe-every", "0", "--lr", "0.002", "--no-calibration", "--out", dir.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(root.resolve("out.txt").toFile()).start();
        Path second = dir.resolve(SweepRunner.RUNS).resolve("002-lambda=0.001-projectorWidth=64");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline && p.isAlive()) {
            CheckpointStore.Record r = null;
            try {
                r = Files.isDirectory(second) ? new CheckpointStore(second).load() : null;
            } catch (RuntimeException e) {
                r = null; // caught between files: look again
            }
            if (r != null && r.step() >= 3) {
                break;
            }
            Thread.sleep(10);
        }
        assertTrue(p.isAlive(), "killed mid-sweep: " + Files.readString(root.resolve("out.txt")));
        p.destroyForcibly(); // SIGKILL
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        Path first = dir.resolve(SweepRunner.RUNS).resolve("001-lambda=0.001-projectorWidth=32");
        byte[] firstSummary = Files.readAllBytes(first.resolve(RunFolder.SUMMARY));
        int checkpointed = new CheckpointStore(second).load().step();
        assertTrue(checkpointed >= 3 && checkpointed < 12, "killed mid-run: " + checkpointed);
        assertEquals(1, Table.read().csv(dir.resolve(SweepRunner.RESULTS).toFile()).rowCount(), "the first run's row");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TwinlabCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "sweep", "--resume",
                dir.toString(), "--json", "--no-calibration");
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("[1/4] 001-lambda=0.001-projectorWidth=32: ended in an earlier session"), err.toString());
        assertTrue(err.toString().contains("[2/4] 002-lambda=0.001-projectorWidth=64: continues from step " + checkpointed),
                err.toString());
        JsonObject j = Json.GSON.fromJson(out.toString().strip(), JsonObject.class);
        assertEquals("finished", j.get("state").getAsString());
        assertEquals(4, j.getAsJsonArray("results").size());
        Table csv = Table.read().csv(dir.resolve(SweepRunner.RESULTS).toFile());
        assertEquals(4, csv.rowCount());
        assertEquals(4, csv.stringColumn("runFolder").unique().size(), "no duplicate rows");
        assertArrayEquals(firstSummary, Files.readAllBytes(first.resolve(RunFolder.SUMMARY)), "the first run was not run again");
        assertEquals(12, CsvFile.read(second.resolve(RunFolder.METRICS)).size(), "one row per step, none twice");

        // the killed run ends where one never killed ends
        RunSummary whole = RunSession.create(root.resolve("whole"), RunFolder.open(second).config(),
                DatasetCatalog.open(data.toString()), "test").probes(false).run();
        double resumed = csv.numberColumn("finalLoss").getDouble(1);
        assertEquals(whole.finalLoss(), resumed, 1e-4 * Math.abs(whole.finalLoss()));
    }
}
