package org.twinlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runs.Json;

@org.twinlab.Slow
class CommandLineTest {
    @TempDir
    Path dir;

    /** Exit code, stdout, stderr. */
    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TwinlabCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void badSettingsExitNonZeroWithOneLineBeforeAnyWork() {
        String[][] cases = {
            {"train", "--batch", "1", "--run-dir", dir.toString()},
            {"train", "--lambda", "-0.5", "--run-dir", dir.toString()},
            {"train", "--width", "0", "--run-dir", dir.toString()},
            {"train", "--dataset", "nope-not-here", "--run-dir", dir.toString()},
            {"train", "--lr", "abc", "--run-dir", dir.toString()},
            {"train", "--lr", "0", "--run-dir", dir.toString()},
            {"train", "--optimizer", "rmsprop", "--run-dir", dir.toString()},
            {"train", "--batch", "8100", "--run-dir", dir.toString()},
        };
        String[] mentions = {"batch size", "lambda", "projector width", "nope-not-here", "abc", "learning rate", "optimizer",
            "8000 training images"};
        for (int i = 0; i < cases.length; i++) {
            Outcome o = run(cases[i]);
            assertEquals(2, o.code(), String.join(" ", cases[i]));
            String line = o.err().strip();
            assertFalse(line.contains("\n"), "one line: " + line);
            assertFalse(line.contains("Exception"), "no stack trace: " + line);
            assertTrue(line.contains(mentions[i]), line);
        }
        assertFalse(Files.exists(dir) && dir.toFile().list().length > 0, "no run folder was created");
    }

    @Test
    void trainPrintsOneJsonLineWithTheResults() throws Exception {
        Outcome o = run("train", "--steps", "8", "--batch", "128", "--width", "64", "--probe-every", "0",
                "--no-baselines", "--run-dir", dir.toString(), "--json", "--name", "cli");
        assertEquals(0, o.code(), o.err());
        String[] lines = o.out().strip().split("\n");
        assertEquals(1, lines.length, o.out());
        JsonObject j = Json.GSON.fromJson(lines[0], JsonObject.class);
        for (String key : new String[] {"finalLoss", "finalTerms", "linearTop1", "knnTop1", "pairsPerSecond", "runFolder",
                "finalMeanDiagonal", "finalEffectiveRank"}) {
            assertTrue(j.has(key), key + " in " + lines[0]);
        }
        JsonObject terms = j.getAsJsonObject("finalTerms");
        assertEquals(j.get("finalLoss").getAsDouble(), terms.get("invariance").getAsDouble()
                + terms.get("lambda_redundancy").getAsDouble(), 1e-3, "the objective's terms, by name");
        assertEquals("finished", j.get("state").getAsString());
        assertTrue(j.get("pixelsLinearTop1").isJsonNull(), "a baseline that was not run is null, not NaN: " + lines[0]);
        assertFalse(lines[0].contains("NaN"), "strict JSON");
        assertEquals(8, j.get("steps").getAsInt());
        assertTrue(j.get("linearTop1").getAsDouble() > 0.5);
        Path folder = Path.of(j.get("runFolder").getAsString());
        assertTrue(Files.isRegularFile(folder.resolve("config.json")));
        assertEquals(9, Files.readAllLines(folder.resolve("metrics.csv")).size());

        Outcome probe = run("probe", "--run", folder.toString(), "--json");
        assertEquals(0, probe.code(), probe.err());
        JsonObject p = Json.GSON.fromJson(probe.out().strip(), JsonObject.class);
        assertEquals(j.get("linearTop1").getAsDouble(), p.getAsJsonObject("trained").get("linearTop1").getAsDouble(), 0.02);
    }

    @Test
    void resumingARunWithoutCheckpointOrProbingANonRunSaysSo() {
        Outcome o = run("probe", "--run", dir.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("not a run folder"), o.err());
    }

    @Test
    void previewWritesAGridOfOriginalsAndViews() throws Exception {
        Path png = dir.resolve("pairs.png");
        Outcome o = run("preview", "--dataset", "fashion-mnist-sample", "--out", png.toString(), "--count", "5", "--scale", "2");
        assertEquals(0, o.code(), o.err());
        var img = ImageIO.read(png.toFile());
        assertEquals(5 * 56 + 6 * 2, img.getWidth());
        assertEquals(3 * 56 + 4 * 2, img.getHeight());
    }

    @Test
    void datasetsListsTheBuiltIns() {
        Outcome o = run("datasets");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("fashion-mnist-sample   8000 train + 2000 test, 1x28x28, 10 classes"), o.out());
        assertTrue(o.out().contains("color-shapes"), o.out());
    }

    @Test
    void benchReportsPairsPerSecond() {
        Outcome o = run("bench", "--steps", "3", "--warmup", "1", "--batch", "64", "--width", "64", "--augment-batches", "5", "--json");
        assertEquals(0, o.code(), o.err());
        JsonObject j = Json.GSON.fromJson(o.out().strip(), JsonObject.class);
        assertTrue(j.get("augmentPairsPerSecond").getAsDouble() > 0);
        assertTrue(j.get("trainPairsPerSecond").getAsDouble() > 0);
        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/status"))) {
            // the high-water mark read when the last timed step ended, before the final checkpoint
            double peak = j.get("stepsPeakResidentMb").getAsDouble();
            assertTrue(peak > 50 && peak < 64 * 1024, "steps' peak " + peak + " MB");
        }
    }

    /** The profile's phases add up to its step, each measured; the loss-alone rows and the matmul rate are there. */
    @Test
    void benchProfileTimesEachPhaseOfTheStep() {
        Outcome o = run("bench", "--profile", "--steps", "2", "--warmup", "1", "--batch", "32", "--width", "32", "--json");
        assertEquals(0, o.code(), o.err());
        JsonObject s = Json.GSON.fromJson(o.out().strip(), JsonObject.class).getAsJsonObject("seconds");
        double sum = 0;
        for (String phase : org.twinlab.bench.StepProfile.PHASES) {
            double v = s.get(phase).getAsDouble();
            assertTrue(v >= 0, phase);
            sum += v;
        }
        assertEquals(sum, s.get("step").getAsDouble(), 1e-9);
        for (String k : new String[] {"forward", "backward", "optimizer", "lossAloneForwardBackward",
                "lossAutogradForwardBackward", "matmulGflops"}) {
            assertTrue(s.get(k).getAsDouble() > 0, k);
        }
    }
}
