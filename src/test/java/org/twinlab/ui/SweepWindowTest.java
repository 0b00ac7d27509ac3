package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinlab.ui.WindowTests.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinlab.model.ObjectiveKind;
import org.twinlab.runs.Study;
import org.twinlab.train.Settings;

/**
 * A sweep started from the window, on the real engine: two tiny runs over lambda, the live panels following
 * each run, the queue and progress, then the results (a chart against lambda, the parallel coordinates,
 * whose brush filters the runs), their PNGs, and the sweep's runs in the Runs view; a sweep cancelled after
 * its first run and resumed from its folder.
 */
class SweepWindowTest extends WindowFixture {
    @Override
    protected Path runRoot() throws java.io.IOException {
        return Files.createTempDirectory("twinlab-sweep-window");
    }

    /** A tiny run per sweep point: a few steps, a narrow projector, a probe only at the end. */
    private void tinyRuns(FxRobot robot, int steps) throws Exception {
        waitFor("the sample dataset", 30, () -> vm.datasetProperty().get() != null);
        robot.interact(() -> {
            vm.field(Settings.STEPS).set(Integer.toString(steps));
            vm.field(Settings.BATCH_SIZE).set("64");
            vm.field(Settings.PROJECTOR_WIDTH).set("32");
            vm.field(Settings.PROBE_EVERY).set("0");
            window.tabs.getSelectionModel().select(window.sweepTab);
        });
    }

    private void sweepLambda(FxRobot robot, String values) {
        robot.interact(() -> {
            SweepAxisRow.Model m = new SweepAxisRow.Model();
            m.suggest(Settings.LAMBDA, vm.config());
            m.mode.set(SweepAxisRow.Mode.VALUES);
            m.text.set(values);
            window.sweep.addRow(m);
        });
    }

    @Test
    void aTinySweepRunsFromTheWindowAndItsResultsFilterAndExport(FxRobot robot) throws Exception {
        tinyRuns(robot, 3);
        sweepLambda(robot, "0.001, 0.1");
        waitFor("the plan", 60, () -> window.sweep.plan.getText().startsWith("2 runs, about"));
        assertEquals("", window.sweep.problem.getText());
        LiveRun before = vm.live();
        AtomicBoolean followed = new AtomicBoolean();
        robot.clickOn(window.sweep.start);
        waitFor("the sweep to start", 30, () -> window.sweepModel.runningProperty().get());
        assertTrue(window.workbench.start.isDisabled(), "no second training while a sweep goes");
        LiveRun during = vm.live();
        robot.interact(() -> vm.resume(Path.of("any-run")));
        assertSame(during, vm.live(), "nor does Continue start one");
        assertTrue(window.sweepBanner.isVisible(), "the panels say they show a sweep's run");
        waitFor("the panels following a run of the sweep", 60, () -> {
            followed.set(followed.get() || (vm.live() != before && vm.live().stepCount() > 0));
            return followed.get();
        });
        robot.interact(() -> window.showWorkbench());
        assertTrue(window.sweepBanner.text.getText().startsWith("Sweep run 1 of 2: lambda=0.001"),
                window.sweepBanner.text.getText());
        WindowTests.snapshot(stage, "sweep-running-workbench");
        robot.interact(() -> window.tabs.getSelectionModel().select(window.sweepTab));
        WindowTests.snapshot(stage, "sweep-running");
        waitFor("the sweep to finish", 240, () -> !window.sweepModel.runningProperty().get());
        assertTrue(window.sweep.status.getText().startsWith("Sweep finished: 2 of 2"), window.sweep.status.getText());
        assertTrue(window.sweep.queue.getItems().stream().allMatch(q -> q.state().equals("finished")),
                window.sweep.queue.getItems().toString());
        assertNotSame(before, vm.live(), "the panels show the sweep's last run");
        assertFalse(window.workbench.start.isDisabled());

        waitFor("the results", 30, () -> window.sweepModel.resultsProperty().get() != null
                && window.sweepModel.resultsProperty().get().results().rowCount() == 2);
        SweepResultsView r = window.sweep.results;
        assertEquals(1, r.chartCanvases().size(), "one chart: linear top-1 against lambda");
        assertTrue(r.chartCanvases().get(0).draws() > 0);
        assertTrue(r.chartCanvases().get(0).chart() instanceof org.twinlab.export.chart.LineChart);
        assertEquals(2, r.parallel.passing().size());
        robot.interact(() -> r.parallel.brush(0, 0.5, 1));
        assertEquals(1, r.parallel.passing().size(), "a brush on the lambda axis keeps the run of 0.1");
        assertTrue(r.passing.getText().startsWith("1 of 2 runs"), r.passing.getText());
        robot.interact(() -> r.metric.setValue("knnTop1"));
        assertEquals(2, r.parallel.passing().size(), "another metric: the brushes start again");
        WindowTests.snapshot(stage, "sweep-finished");

        Path out = Files.createTempDirectory("twinlab-sweep-png");
        robot.interact(() -> r.exportTo(out));
        waitFor("the PNGs", 30, () -> Files.isRegularFile(out.resolve("parallel-coordinates-knnTop1.png")));
        assertTrue(Files.size(out.resolve("knnTop1-vs-lambda.png")) > 1000);

        robot.interact(() -> window.tabs.getSelectionModel().select(window.runsTab));
        waitFor("the sweep's runs in the Runs view", 30, () -> !window.runsModel.loadingProperty().get()
                && window.runsModel.allRuns().stream().filter(x -> x.entry().sweep() != null).count() == 2);
    }

    @Test
    void aCancelledSweepResumesFromItsFolderWithoutRunningAFinishedRunAgain(FxRobot robot) throws Exception {
        tinyRuns(robot, 3);
        sweepLambda(robot, "0.001, 0.01, 0.1");
        waitFor("the plan", 60, () -> window.sweep.plan.getText().startsWith("3 runs"));
        robot.clickOn(window.sweep.start);
        waitFor("the first run's result", 240, () -> window.sweep.queue.getItems().stream()
                .anyMatch(q -> q.state().equals("finished")));
        robot.clickOn(window.sweep.cancel);
        waitFor("the sweep to stop", 120, () -> !window.sweepModel.runningProperty().get());
        assertTrue(window.sweep.status.getText().startsWith("Sweep cancelled"), window.sweep.status.getText());
        Path dir = window.sweepModel.folder();
        robot.interact(() -> window.sweepModel.resume(dir, m -> { }));
        waitFor("the resumed sweep to finish", 240, () -> !window.sweepModel.runningProperty().get()
                && window.sweep.status.getText().startsWith("Sweep finished"));
        assertTrue(window.sweep.status.getText().startsWith("Sweep finished: 3 of 3"), window.sweep.status.getText());
        assertTrue(window.sweep.queue.getItems().get(0).state().startsWith("ended in an earlier session"),
                "the first run was not run again: " + window.sweep.queue.getItems().get(0).state());
    }
    @Test
    void theLecturesAblationTableRunsInOneClickAndFillsItsTable(FxRobot robot) throws Exception {
        tinyRuns(robot, 2);
        // repeats alone are a sweep, as on the command line (sweep --seeds N)
        robot.interact(() -> window.sweep.seeds.getValueFactory().setValue(3));
        waitFor("a plan of 3 seeds", 60, () -> window.sweep.plan.getText().startsWith("3 runs"));
        assertEquals("", window.sweep.problem.getText());
        robot.interact(() -> window.sweep.seeds.getValueFactory().setValue(1));

        robot.clickOn(window.sweep.studies.get(Study.COLOUR));
        waitFor("the colour study refused on grayscale data", 30,
                () -> window.sweep.problem.getText().contains("is grayscale"));
        assertTrue(window.sweep.start.isDisabled(), "no colour study on grayscale data");

        robot.clickOn(window.sweep.studies.get(Study.ABLATION));
        waitFor("the plan", 60, () -> window.sweep.plan.getText().startsWith("7 runs, about"));
        assertEquals("", window.sweep.problem.getText());
        assertEquals("Start: ablation table", window.sweep.start.getText());
        assertTrue(window.sweep.add.isDisabled(), "the study fixes what varies");
        assertEquals(7, window.sweep.queue.getItems().size());
        robot.clickOn(window.sweep.start);
        waitFor("the study to start", 30, () -> window.sweepModel.runningProperty().get());
        assertTrue(window.sweepModel.folder().getFileName().toString().contains("ablation"), "" + window.sweepModel.folder());
        waitFor("the study to finish", 480, () -> !window.sweepModel.runningProperty().get());
        assertTrue(window.sweep.status.getText().startsWith("Sweep finished: 7 of 7"), window.sweep.status.getText());
        waitFor("the results of the 7 rows", 30, () -> window.sweepModel.resultsProperty().get() != null
                && window.sweepModel.resultsProperty().get().results().rowCount() == 7);
        SweepResultsView r = window.sweep.results;
        waitFor("the table drawn", 10, () -> r.studyTable.isVisible() && cell(r, 6, 2) != null);
        assertEquals(ObjectiveKind.BARLOW_TWINS.label(), cell(r, 0, 0), "the lecture's order: the baseline first");
        assertEquals("71.4%", cell(r, 0, 1), "the lecture's ImageNet number beside it");
        assertEquals(ObjectiveKind.CROSS_ENTROPY.label(), cell(r, 6, 0));
        for (int row = 0; row < 7; row++) {
            assertTrue(cell(r, row, 2).matches("\\d+\\.\\d%"), "measured linear top-1: " + cell(r, row, 2));
            assertEquals("1", cell(r, row, 6));
        }
        assertFalse(r.parallelShown(), "one choice varies: no parallel axes");
        assertEquals("", r.passing.getText(), "nor a count of runs inside brushes");
        assertEquals(1, r.chartCanvases().size());
        assertTrue(r.chartCanvases().get(0).chart() instanceof org.twinlab.export.chart.BarChart);
        Path dir = window.sweepModel.folder();
        waitFor("the study's files, as ablate writes them", 30, () -> Files.isRegularFile(dir.resolve("ablation.png")));
        assertEquals(8, Files.readAllLines(dir.resolve("ablation.csv")).size(), "a header and the seven rows");
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WindowTests.snapshot(stage, "study-ablation-1280x800");
    }

    /** A cell of the study table, read on the FX thread (a redraw may be filling the table). */
    private static String cell(SweepResultsView r, int row, int column) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> r.studyCell(row, column)).get();
    }
}
