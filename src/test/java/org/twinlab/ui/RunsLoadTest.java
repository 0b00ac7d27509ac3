package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinlab.runs.RunFolder;
import org.twinlab.runs.RunLock;
import org.twinlab.runs.RunSession;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;

/**
 * 200 run folders (one tiny real run, linked 200 times with other settings, as scripts/make-runs does):
 * the Runs view lists them all, reading them off the FX thread, and the window's pulses keep coming while
 * it reads. Prints the load time and the pulse gaps.
 */
class RunsLoadTest extends WindowFixture {
    @Override
    protected Path runRoot() {
        return root;
    }

    static final int RUNS = 200;
    private static Path root;

    @BeforeAll
    static void makeRuns() throws Exception {
        root = Files.createTempDirectory("twinlab-200-runs");
        Path scratch = Files.createTempDirectory("twinlab-template");
        TrainConfig.Builder b = TestRuns.small(3).toBuilder();
        b.projectorWidth = 32;
        Path template = Path.of(RunSession.create(scratch, b.build(), "test").baselines(false).run().runFolder());
        double[] lambdas = {0.0001, 0.001, 0.0051, 0.01, 0.1};
        String config = Files.readString(template.resolve(RunFolder.CONFIG));
        for (int i = 1; i <= RUNS; i++) {
            Path run = root.resolve(String.format(Locale.ROOT, "2026-01-01-%06d-run-%d", i, i));
            try (var files = Files.walk(template)) {
                for (Path p : files.toList()) {
                    Path t = run.resolve(template.relativize(p).toString());
                    String name = p.getFileName().toString();
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else if (!name.equals(RunLock.FILE) && !name.equals(RunFolder.CONFIG)) {
                        Files.createLink(t, p);
                    }
                }
            }
            Files.writeString(run.resolve(RunFolder.CONFIG), config.replaceFirst("\"lambda\": [0-9.eE-]+",
                    "\"lambda\": " + lambdas[i % lambdas.length]).replaceFirst("\"seed\": [0-9]+", "\"seed\": " + i));
        }
    }

    @Test
    void twoHundredRunsLoadOffTheFxThreadWhileThePulsesGoOn(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.datasetProperty().get() != null);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // the window settles before the measurement
        PulseMonitor pulses = window.workbench.pulses();
        long t0 = System.nanoTime();
        robot.interact(() -> {
            pulses.reset();
            window.tabs.getSelectionModel().select(window.runsTab);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.runsModel.loadingProperty().get()
                && window.runsModel.allRuns().size() == RUNS);
        double wall = (System.nanoTime() - t0) / 1e9;
        double load = window.runsModel.lastLoadSeconds();
        long n = pulses.pulses();
        double maxGap = pulses.maxGapMillis();
        System.out.printf(Locale.ROOT, "runs view: %d runs listed in %.2f s (read and table built off the FX thread; "
                        + "%.2f s until shown); during it %d FX pulses, longest gap %.0f ms, 99th percentile %.0f ms%n",
                RUNS, load, wall, n, maxGap, pulses.percentileMillis(0.99));
        assertEquals(RUNS, window.runs.table.getItems().size());
        assertNotEquals("JavaFX Application Thread", window.runsModel.lastLoadThread());
        assertTrue(window.runsModel.lastLoadThread().startsWith("twinlab-runs"), window.runsModel.lastLoadThread());
        assertTrue(n >= 2, "pulses kept coming while the list loaded: " + n);
        if (load > 0.5) {
            // were the folders read on the FX thread, one gap would last the whole load
            assertTrue(maxGap < 0.8 * load * 1000, "longest pulse gap " + maxGap + " ms of a " + load + " s load");
        }
        robot.interact(() -> window.runs.filter.setText("lambda=0.1"));
        assertEquals(RUNS / 5, window.runs.table.getItems().size());
    }
}
