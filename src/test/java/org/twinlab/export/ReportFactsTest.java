package org.twinlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.export.chart.FigureSize;
import org.twinlab.runs.RunFolder;
import org.twinlab.runs.RunMeta;
import org.twinlab.runs.RunSession;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;

/**
 * The report of a run stopped early and renamed in the window: its title and recipe follow the new name, the Settings
 * table says what the run did (the official views, no initial encoder, the epochs it really trained) with no empty or
 * "null" value, and the page shows when it was trained, on what, how long, how fast, its effective rank and Twinlab's
 * version.
 */
class ReportFactsTest {
    @TempDir
    Path root;

    @Test
    void aStoppedRenamedRunsReportSaysWhatItDid() throws Exception {
        TrainConfig.Builder b = TestRuns.small(40).toBuilder();
        b.name = "";
        b.projectorWidth = 32;
        RunSession s = RunSession.create(root.resolve("runs"), b.build().validated(), TestRuns.sampleSubset(640, 100), "test")
                .baselines(false);
        s.listener(e -> {
            if (e instanceof TrainingEvent.Step st && st.step() >= 3) {
                s.control().stop();
            }
        });
        Path run = Path.of(s.run().runFolder());
        RunFolder.open(run).writeMeta(new RunMeta("renamed in the window", List.of(), ""));
        Path out = root.resolve("export");
        Exporter.export(run, out, new ExportOptions(false, 16, new FigureSize(400, 300)));
        String html = Files.readString(out.resolve(Report.FILE));

        assertTrue(html.contains("<title>Barlow Twins: renamed in the window"), "the title follows the rename");
        assertTrue(Files.readString(out.resolve(Recipe.FILE)).contains("'renamed in the window'"), "so does the recipe");
        String settings = html.substring(html.indexOf("<h2>Settings</h2>"), html.indexOf("<h2>Using the encoder</h2>"));
        Matcher row = Pattern.compile("<tr><td>([^<]*)</td><td>([^<]*)</td></tr>").matcher(settings);
        int rows = 0;
        while (row.find()) {
            rows++;
            assertFalse(row.group(2).isBlank(), "an empty row: " + row.group(1));
            assertFalse(row.group(2).equals("null"), "a null row: " + row.group(1));
            switch (row.group(1)) {
                case "name" -> assertEquals("renamed in the window", row.group(2));
                case "augment" -> assertTrue(row.group(2).startsWith("official"), row.group(2));
                case "initEncoder" -> assertTrue(row.group(2).startsWith("none"), row.group(2));
                case "epochs" -> assertTrue(row.group(2).matches("0\\.\\d\\d trained \\(\\d steps; 40 steps asked\\)"),
                        row.group(2));
                default -> { }
            }
        }
        assertTrue(rows > 15, "the settings table: " + rows + " rows");
        String facts = html.substring(html.indexOf("<h2>Run</h2>"), html.indexOf("<h2>Probe</h2>"));
        for (String fact : List.of("trained</td><td>20", "ended</td><td>stopped at step", "device</td><td>CPU",
                "training time</td><td>", " pairs/s", "effective rank of the embeddings</td><td>", "Twinlab 0.1.0")) {
            assertTrue(facts.contains(fact), fact + " in\n" + facts);
        }
    }
}
