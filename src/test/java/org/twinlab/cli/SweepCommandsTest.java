package org.twinlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.model.ObjectiveKind;
import org.twinlab.runs.Json;
import org.twinlab.train.TestRuns;
import tech.tablesaw.api.Table;

/** The runs, sweep and ablate commands: their tables, their JSON, and one line with exit 2 for a bad argument. */
@org.twinlab.Slow
class SweepCommandsTest {
    @TempDir
    Path dir;

    private static CommandLineTest.Outcome run(String... args) {
        return CommandLineTest.run(args);
    }

    @Test
    void badArgumentsExitWithOneLineBeforeAnyWork() throws Exception {
        Path out = dir.resolve("out");
        Path damaged = dir.resolve("damaged.json");
        Files.writeString(damaged, "{\"axes\": [{\"key\": \"lambda\", \"values\": [0.1, 0.2]}], \"base\": ");
        Path brokenSweep = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(brokenSweep.resolve("sweep.json"), "{\"axes\": [], \"seeds\": 2, \"base\": {\"batchSize\": \"x\"}}");
        String o = out.toString();
        String[][] cases = {
            {"sweep", "--set", "lamda=0.1,0.2", "--out", o},
            {"sweep", "--set", "lambda=abc", "--out", o},
            {"sweep", "--set", "batchSize=1,64", "--out", o},
            {"sweep", "--log-range", "lambda=1:0.1:3", "--out", o},
            {"sweep", "--log-range", "lambda=1e-4", "--out", o},
            {"sweep", "--set", "lambda=0.1,0.2"},
            {"sweep", "--out", o},
            {"sweep", "--set", "lambda=0.1,0.2", "--lambda", "0.3", "--out", o},
            {"sweep", "--set", "objective=barlow-twins,imax", "--batch", "64", "--width", "128", "--out", o},
            {"sweep", "--set", "batchSize=128,8100", "--out", o},
            {"sweep", "--seeds", "2", "--batch", "8100", "--out", o},
            {"sweep", "--set", "lambda=0.1,0.2", "--batch", "zero", "--out", o},
            {"sweep", "--resume", o, "--set", "lambda=1,2"},
            {"sweep", "--resume", dir.resolve("nowhere").toString()},
            {"sweep", "--file", damaged.toString(), "--out", o},
            {"sweep", "--resume", brokenSweep.toString()},
            {"ablate", "--what", "nope", "--out", o},
            {"ablate", "--what", "colour", "--out", o},
            {"ablate", "--objective", "infonce", "--out", o},
            {"ablate", "--resume", brokenSweep.toString()},
            {"runs", "--dir", dir.toString(), "--sort", "nope"},
            {"runs", "--dir", dir.toString(), "--sort", "lambda:up"},
            {"runs", "--dir", dir.toString(), "--where", "state<done"},
            {"runs", "--dir", dir.toString(), "--where", "lambda=high"},
            {"runs", "--dir", dir.resolve("nowhere").toString()},
        };
        String[] mentions = {"'lamda' is not a setting", "lambda: 'abc' is not a number", "batch size: must be at least 2",
            "0 < LO < HI", "expected KEY=LO:HI:N", "--out DIR", "nothing to sweep", "--lambda and a sweep of lambda",
            "the run objective=imax is not a valid run: projector width: IMAX needs", "8000 training images",
            "the run seed=0 is not a valid run on fashion-mnist-sample: batch size: 8100 is more than the 8000",
            "batch size: 'zero' is not a whole number", "--resume finishes the sweep", "no such sweep folder",
            damaged + ": not a sweep file: the JSON", brokenSweep.resolve("sweep.json") + ": \"base\": ",
            "--what: 'nope' is not one of ablation, objectives, colour", "is grayscale",
            "--objective: --what ablation compares every objective itself", "\"batchSize\" (batch size) must be a number",
            "'nope' is not a column of the runs table", "the order is desc or asc", "--where state<done: state is text: use = or !=",
            "lambda is a number, 'high' is not", "no such folder"};
        for (int i = 0; i < cases.length; i++) {
            CommandLineTest.Outcome r = run(cases[i]);
            String line = r.err().strip();
            assertEquals(2, r.code(), String.join(" ", cases[i]) + ": " + line);
            assertFalse(line.contains("\n"), "one line: " + line);
            assertFalse(line.contains("Exception"), "no stack trace: " + line);
            assertTrue(line.startsWith("twinlab: "), line);
            assertTrue(line.contains(mentions[i]), String.join(" ", cases[i]) + " -> " + line);
        }
        assertFalse(Files.exists(out), "nothing was written");
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : List.of("runs", "sweep", "ablate")) {
            CommandLineTest.Outcome r = run(c, "--help");
            assertEquals(0, r.code(), c);
            assertTrue(r.out().contains("Usage: twinlab " + c), r.out());
            assertTrue(r.out().contains("--json"), c);
        }
        assertTrue(run("sweep", "--help").out().contains("--lambda"), "every train flag");
        assertTrue(run("ablate", "--help").out().contains("--epochs"), "every train flag");
    }

    /** The ablation on a few steps fills its seven rows beside the lecture's numbers; runs lists its runs. */
    @Test
    void ablateFillsTheLecturesTableAndRunsListsItsRuns() throws Exception {
        Path data = TestRuns.sampleSubsetFolder(dir.resolve("data"), 640, 200);
        Path out = dir.resolve("ablation");
        CommandLineTest.Outcome r = run("ablate", "--dataset", data.toString(), "--steps", "2", "--batch", "64",
                "--width", "32", "--probe-every", "0", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject j = Json.GSON.fromJson(r.out().strip(), JsonObject.class);
        assertEquals("ablation", j.get("what").getAsString());
        JsonArray rows = j.getAsJsonArray("rows");
        assertEquals(7, rows.size());
        ObjectiveKind[] kinds = ObjectiveKind.ablationRows();
        for (int i = 0; i < 7; i++) {
            JsonObject row = rows.get(i).getAsJsonObject();
            assertEquals(kinds[i].label(), row.get("row").getAsString());
            assertEquals(kinds[i].lectureTop1(), row.get("lectureTop1Pct").getAsDouble(), 0);
            assertTrue(row.get("linearTop1Pct").getAsDouble() > 5, row.toString());
            assertTrue(row.get("knnTop1Pct").getAsDouble() > 5, row.toString());
            assertTrue(row.has("meanDiagonal") && row.has("effectiveRank"), row.toString());
            assertEquals(1, row.get("runs").getAsInt());
        }
        Table csv = Table.read().csv(out.resolve("ablation.csv").toFile());
        assertEquals(7, csv.rowCount());
        assertEquals(71.4, csv.numberColumn("lectureTop1Pct").getDouble(0), 0);
        assertEquals(7, Table.read().csv(out.resolve("results.csv").toFile()).rowCount());

        CommandLineTest.Outcome table = run("ablate", "--resume", out.toString());
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("only the redundancy term"), table.out());
        assertTrue(table.out().contains("lectureTop1Pct"), table.out());

        CommandLineTest.Outcome list = run("runs", "--dir", out.toString(), "--json");
        assertEquals(0, list.code(), list.err());
        assertEquals(7, Json.GSON.fromJson(list.out().strip(), JsonArray.class).size());
        CommandLineTest.Outcome text = run("runs", "--dir", dir.toString(), "--where", "objective=cross-entropy",
                "--sort", "linearTop1:desc", "--csv", dir.resolve("runs.csv").toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("name "), text.out());
        assertTrue(text.out().contains("objective=cross-entropy"), text.out());
        assertTrue(text.out().contains("1 run in " + dir), text.out());
        assertEquals(2000, javax.imageio.ImageIO.read(out.resolve("ablation.png").toFile()).getWidth(), "the bar chart");

        Path runs = out.resolve("runs");
        Path png = dir.resolve("compare.png");
        CommandLineTest.Outcome cmp = run("compare", runs.resolve("001-objective=barlow-twins").toString(),
                runs.resolve("003-objective=redundancy-only").toString(), "--out", png.toString());
        assertEquals(0, cmp.code(), cmp.err());
        assertTrue(cmp.out().contains("settings that differ: objective"), cmp.out());
        assertEquals(2400, javax.imageio.ImageIO.read(png.toFile()).getWidth());
        CommandLineTest.Outcome one = run("compare", runs.resolve("001-objective=barlow-twins").toString(), "--out",
                png.toString());
        assertEquals(2, one.code());
        CommandLineTest.Outcome notRun = run("compare", dir.toString(), runs.resolve("001-objective=barlow-twins").toString(),
                "--out", png.toString());
        assertEquals(2, notRun.code());
        assertTrue(notRun.err().strip().startsWith("twinlab: " + dir + ": not a run folder"), notRun.err());

        Table all = Table.read().csv(dir.resolve("runs.csv").toFile());
        assertEquals(1, all.rowCount());
        assertTrue(all.columnNames().containsAll(List.of("temperature", "weightDecay", "probeEvery", "runFolder")),
                "every column in the CSV");
    }
}
