package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinlab.ui.WindowTests.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinlab.runs.RunFolder;
import org.twinlab.runs.RunLock;
import org.twinlab.runs.RunSession;
import org.twinlab.runs.Trash;
import org.twinlab.train.RunState;
import org.twinlab.train.Settings;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;

/**
 * The exploration views as a person drives them, on the real toolkit and engine: a runs root of a few tiny
 * runs (two finished, one stopped, two damaged) made with RunSession; the Runs view lists them, opens one in
 * the panels as a past run, compares two, renames and tags, deletes to the trash, continues a stopped run,
 * exports one and opens the export as an encoder.
 */
class ExploreTest extends WindowFixture {
    @Override
    protected Path runRoot() {
        return root;
    }

    private static Path root;
    private static Path alpha;
    private static Path beta;
    private static Path stopped;
    private static Path truncated;
    private static Path noConfig;

    @BeforeAll
    static void makeRuns() throws Exception {
        root = Files.createTempDirectory("twinlab-explore");
        TrainConfig.Builder b = TestRuns.small(6).toBuilder();
        b.projectorWidth = 32;
        b.name = "alpha";
        alpha = run(b.build(), -1);
        b.name = "beta";
        b.lambda = 0.02;
        beta = run(b.build(), -1);
        b.name = "halfway";
        b.steps = 8;
        stopped = run(b.build(), 3);
        truncated = copy(alpha, root.resolve("2020-01-01-000000-truncated"));
        byte[] m = Files.readAllBytes(truncated.resolve(RunFolder.METRICS));
        Files.write(truncated.resolve(RunFolder.METRICS), java.util.Arrays.copyOf(m, m.length - 5));
        noConfig = copy(alpha, root.resolve("2020-01-01-000000-no-config"));
        Files.delete(noConfig.resolve(RunFolder.CONFIG));
    }

    /** A run of {@code c} to its end, or stopped after {@code stopAt} steps (with its checkpoint). */
    private static Path run(TrainConfig c, int stopAt) {
        RunSession s = RunSession.create(root, c, "test").baselines(false);
        if (stopAt > 0) {
            s.listener(e -> {
                if (e instanceof TrainingEvent.Step st && st.step() >= stopAt) {
                    s.control().stop();
                }
            });
        }
        return Path.of(s.run().runFolder());
    }

    static Path copy(Path from, Path to) throws Exception {
        return org.twinlab.train.TestFolders.copyRun(from, to);
    }

    /** Shows the Runs tab and waits for its list to hold at least {@code n} runs. */
    private void showRuns(FxRobot robot, int n) throws Exception {
        robot.interact(() -> window.tabs.getSelectionModel().select(window.runsTab));
        waitFor("the runs list", 30, () -> !window.runsModel.loadingProperty().get()
                && window.runsModel.allRuns().size() >= n);
    }

    private void select(FxRobot robot, Path... dirs) {
        robot.interact(() -> window.runs.reselect(List.of(dirs)));
    }

    @Test
    void theRunsViewListsEveryRunADamagedOneWithItsReasonAndFilters(FxRobot robot) throws Exception {
        // a folder of its own (the other tests add runs to the shared one): the folder read is changeable
        Path own = Files.createTempDirectory("twinlab-explore-list");
        for (Path p : List.of(alpha, beta, stopped, truncated, noConfig)) {
            copy(p, own.resolve(p.getFileName()));
        }
        robot.interact(() -> window.tabs.getSelectionModel().select(window.runsTab));
        robot.interact(() -> window.runsModel.rootProperty().set(own));
        waitFor("the runs of the other folder", 30, () -> !window.runsModel.loadingProperty().get()
                && window.runsModel.allRuns().size() == 5);
        assertEquals(own.toString(), window.runs.folder.getText());
        RunsView v = window.runs;
        Path alpha = own.resolve(ExploreTest.alpha.getFileName());
        Path stopped = own.resolve(ExploreTest.stopped.getFileName());
        Path truncated = own.resolve(ExploreTest.truncated.getFileName());
        Path noConfig = own.resolve(ExploreTest.noConfig.getFileName());
        assertEquals("finished", v.cellText(alpha, "state"));
        assertEquals("alpha", v.cellText(alpha, "name"));
        assertEquals("stopped", v.cellText(stopped, "state"));
        assertEquals("damaged", v.cellText(truncated, "state"));
        assertTrue(v.cellText(truncated, "problem").contains("metrics.csv: truncated"), v.cellText(truncated, "problem"));
        assertEquals("no config.json", v.cellText(noConfig, "problem"));
        assertTrue(v.table.getColumns().stream().anyMatch(c -> c.getId().equals("lambda") && c.isVisible()),
                "lambda differs among the runs: its column is shown");
        assertTrue(v.table.getColumns().stream().anyMatch(c -> c.getId().equals("batchSize") && !c.isVisible()),
                "batch size is the same everywhere: its column waits in the table's menu");
        WindowTests.snapshot(stage, "runs-view");

        robot.clickOn(v.filter).write("lambda=0.02");
        waitFor("the filter", 5, () -> v.table.getItems().size() == 2);
        assertTrue(v.table.getItems().stream().allMatch(r -> r.entry().config().lambda() == 0.02));
        robot.interact(() -> v.filter.setText("truncated"));
        assertEquals(1, v.table.getItems().size(), "words match any cell, the reason for damage included");
        robot.interact(() -> v.filter.setText("lamda=1"));
        assertEquals(5, v.table.getItems().size(), "a condition on no column narrows nothing");
        assertTrue(v.filterProblem.getText().contains("'lamda' is not a column"), v.filterProblem.getText());
        robot.interact(() -> v.filter.setText(""));
        robot.interact(() -> v.addCondition("lambda=0.0051"));
        assertEquals("lambda=0.0051", v.filter.getText());
        assertEquals(2, v.table.getItems().size(), "alpha and its truncated copy (the other copy has no config)");
    }

    @Test
    void aPastRunOpensInThePanelsLabelledAsPast(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 30, () -> vm.datasetProperty().get() != null);
        showRuns(robot, 5);
        select(robot, alpha);
        long rendersBefore = window.workbench.heatmap.renders();
        robot.clickOn(window.runs.open);
        waitFor("the past run in the panels", 30, () -> vm.pastRunProperty().get() != null);
        assertEquals(window.workbenchTab, window.tabs.getSelectionModel().getSelectedItem());
        waitFor("its heatmap", 10, () -> window.workbench.heatmap.renders() > rendersBefore);
        waitFor("its loss curves", 10, () -> window.workbench.loss.lastDrawnPoints() == 6);
        assertTrue(window.banner.isVisible());
        assertEquals("Past run: alpha \u2014 finished at step 6", window.banner.text.getText());
        assertTrue(window.banner.resume.isDisabled(), "a finished run has nothing to continue");
        assertEquals(6, vm.live().lastStep().step());
        assertFalse(vm.live().probes().isEmpty(), "its probe");
        assertNotNull(vm.live().embedding.get(), "its PCA");
        int snapshots = org.twinlab.runs.RunHistory.load(alpha).diagnostics().size();
        assertTrue(snapshots >= 2);
        assertEquals(snapshots, vm.live().snapshotStep.size(), "the collapse gauges of every snapshot, not only the last");
        WindowTests.snapshot(stage, "past-run");
        // a rename in the window: the banner follows it (an export's report does too: ReportFactsTest)
        var entry = vm.pastRunProperty().get().entry();
        robot.interact(() -> window.runsModel.saveMeta(entry, "alpha, renamed", "", "", m -> { }));
        waitFor("the banner to follow the rename", 10,
                () -> window.banner.text.getText().equals("Past run: alpha, renamed \u2014 finished at step 6"));
        robot.interact(() -> window.runsModel.saveMeta(vm.pastRunProperty().get().entry(), "", "", "", m -> { }));
        waitFor("the banner back to the run's own name", 10,
                () -> window.banner.text.getText().equals("Past run: alpha \u2014 finished at step 6"));
        robot.clickOn(window.banner.back);
        assertNull(vm.pastRunProperty().get());
        assertFalse(window.banner.isVisible());
    }

    @Test
    void aStoppedRunContinuesInTheLivePanels(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 30, () -> vm.datasetProperty().get() != null);
        Path copy = copy(stopped, root.resolve("2020-01-02-000000-to-continue"));
        int checkpoint = org.twinlab.runs.RunHistory.read(copy).summary().steps();
        showRuns(robot, 6);
        select(robot, copy);
        assertFalse(window.runs.resume.isDisabled());
        robot.clickOn(window.runs.resume);
        assertEquals(window.workbenchTab, window.tabs.getSelectionModel().getSelectedItem());
        waitFor("the continued run to finish", 120, () -> !vm.runningProperty().get()
                && vm.live().state.get() != null && vm.live().state.get().state() == RunState.FINISHED);
        assertEquals(8, vm.live().lastStep().step());
        assertEquals(8, vm.live().stepCount(), "the steps up to the checkpoint replayed, the rest live");
        assertEquals(8, vm.live().terms.get(0).size(), "every term's curve goes on where it was");
        assertTrue(checkpoint > 0 && checkpoint < 8, "it was stopped halfway: " + checkpoint);
    }

    @Test
    void useTheseSettingsFillsTheForm(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 30, () -> vm.datasetProperty().get() != null);
        showRuns(robot, 5);
        select(robot, beta);
        robot.clickOn(window.runs.useSettings);
        assertEquals("0.02", vm.field(Settings.LAMBDA).get());
        assertEquals("32", vm.field(Settings.PROJECTOR_WIDTH).get());
        assertEquals(window.workbenchTab, window.tabs.getSelectionModel().getSelectedItem());
    }

    @Test
    void comparingTwoRunsOverlaysTheirCurvesAndExportsPng(FxRobot robot) throws Exception {
        showRuns(robot, 5);
        select(robot, alpha, beta);
        robot.clickOn(window.runs.compare);
        waitFor("the comparison", 30, () -> window.compareModel.comparisonProperty().get() != null);
        assertEquals(window.compareTab, window.tabs.getSelectionModel().getSelectedItem());
        CompareView c = window.compare;
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, c.loss.drawnColors().size(), "one loss curve per run");
        assertEquals(2, new HashSet<>(c.loss.drawnColors()).size(), "in two colours");
        assertEquals(4, c.accuracy.drawnColors().size(), "linear and kNN per run");
        assertEquals(2, c.tiles.drawnTiles(), "a C per run");
        assertTrue(c.settings.getChildren().stream().anyMatch(n -> n instanceof javafx.scene.control.Label l
                && l.getText().equals("lambda")), "lambda differs: it is listed");
        assertFalse(c.settings.getChildren().stream().anyMatch(n -> n instanceof javafx.scene.control.Label l
                && l.getText().equals("batch size")), "only the settings that differ");
        WindowTests.snapshot(stage, "compare-two-runs");

        robot.clickOn(c.legend.get(1));
        assertEquals(1, c.loss.drawnColors().size(), "the legend entry hides its run");
        assertEquals(1, c.tiles.drawnTiles());
        robot.clickOn(c.legend.get(1));
        assertEquals(2, c.loss.drawnColors().size());

        robot.interact(() -> c.curve.setValue("invariance"));
        assertEquals(2, c.loss.drawnColors().size(), "a term of the loss, per run");

        Path out = Files.createTempDirectory("twinlab-compare-png");
        robot.interact(() -> c.exportTo(out));
        waitFor("the PNGs", 30, () -> Files.isRegularFile(out.resolve("compare-c.png")));
        for (String f : List.of("compare-loss.png", "compare-accuracy.png", "compare-c.png")) {
            assertNotNull(ImageIO.read(out.resolve(f).toFile()), f);
            Files.copy(out.resolve(f), WindowTests.SNAPSHOTS.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void renamingTaggingAndANoteGoToMetaJson(FxRobot robot) throws Exception {
        Path copy = copy(beta, root.resolve("2020-01-03-000000-to-rename"));
        showRuns(robot, 6);
        select(robot, copy);
        RunDetailsPane d = window.runs.details;
        assertFalse(d.name.isDisabled());
        robot.interact(() -> {
            d.name.setText("renamed run");
            d.tags.setText("keep, lambda-sweep");
            d.note.setText("the redundancy term wins early");
        });
        robot.clickOn(d.save);
        waitFor("meta.json", 10, () -> Files.isRegularFile(copy.resolve(RunFolder.META)));
        String meta = Files.readString(copy.resolve(RunFolder.META));
        assertTrue(meta.contains("\"renamed run\"") && meta.contains("\"lambda-sweep\"")
                && meta.contains("the redundancy term wins early"), meta);
        waitFor("the renamed row", 10, () -> "renamed run".equals(window.runs.cellText(copy, "name")));
        assertEquals("keep lambda-sweep", window.runs.cellText(copy, "tags"));
        robot.interact(() -> window.runs.filter.setText("tags=keep"));
        assertEquals(1, window.runs.table.getItems().size());
    }

    @Test
    void deletingMovesARunToTheTrashAfterAskingAndARunningRunCannotBeDeleted(FxRobot robot) throws Exception {
        Path trashDir = Files.createDirectories(root.resolve("trash-home"));
        Path doomed = copy(alpha, root.resolve("2020-01-04-000000-doomed"));
        Path busy = copy(alpha, root.resolve("2020-01-04-000000-busy"));
        try (RunLock lock = RunLock.acquire(busy, "a test holding the run")) {
            robot.interact(() -> window.runsModel.setTrash(new Trash(trashDir)));
            showRuns(robot, 7);
            assertEquals("running", window.runs.cellText(busy, "state"));
            select(robot, busy);
            assertTrue(window.runs.delete.isDisabled(), "a running run cannot be deleted");
            select(robot, doomed);
            assertFalse(window.runs.delete.isDisabled());
            robot.clickOn(window.runs.delete);
            robot.clickOn("Move to trash");
            waitFor("the folder to go", 10, () -> !Files.exists(doomed));
            assertTrue(Files.isRegularFile(trashDir.resolve("files").resolve(doomed.getFileName()).resolve("config.json")));
            String info = Files.readString(trashDir.resolve("info").resolve(doomed.getFileName() + ".trashinfo"));
            assertTrue(info.startsWith("[Trash Info]\nPath=") && info.contains(doomed.getFileName().toString()), info);
            waitFor("the list without it", 10, () -> window.runs.cellText(doomed, "name") == null);
        }
        // where no trash can take a run, a second question comes before it is deleted for good
        Path gone = copy(alpha, root.resolve("2020-01-04-000000-no-trash"));
        robot.interact(() -> window.runsModel.setTrash(new Trash(null)));
        robot.interact(() -> window.runsModel.reload());
        waitFor("the list", 30, () -> window.runs.cellText(gone, "name") != null);
        select(robot, gone);
        robot.clickOn(window.runs.delete);
        robot.clickOn("Move to trash");
        waitFor("the second question", 30, () -> robot.lookup("Delete permanently").tryQuery().isPresent());
        assertTrue(Files.isDirectory(gone), "nothing is deleted before the answer");
        robot.clickOn("Delete permanently");
        waitFor("the folder to go", 10, () -> !Files.exists(gone));
    }

    @Test
    void aRunExportsFromTheWindowAndItsEncoderProbesAndSeedsANewRun(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 30, () -> vm.datasetProperty().get() != null);
        robot.clickOn(window.exportButton);
        waitFor("a notification", 10, () -> window.notifications.isShowing());
        assertTrue(window.notifications.getText().startsWith("Nothing to export yet"), window.notifications.getText());
        robot.interact(() -> window.notifications.hide());
        Path out = Files.createTempDirectory("twinlab-window-export").resolve("alpha-export");
        robot.interact(() -> window.exports.export(alpha, out));
        waitFor("the export", 180, () -> window.exports.last.text().startsWith("Exported"));
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
        assertTrue(window.exports.last.text().contains(out.toString()), window.exports.last.text());
        robot.clickOn((Button) window.exports.last.actions().get(0));
        assertTrue(documents.get(0).endsWith("report.html"), documents.toString());
        robot.interact(() -> window.exports.last.close());

        robot.interact(() -> window.exports.probe(out));
        waitFor("the probe of the encoder", 180, () -> window.exports.last.text().contains("linear top-1"));
        assertTrue(window.exports.last.text().contains("small-cnn"), window.exports.last.text());
        robot.clickOn((Button) window.exports.last.actions().get(0));
        assertEquals(out.toAbsolutePath().toString(), vm.field(Settings.INIT_ENCODER).get());
        assertEquals("small-cnn", vm.field(Settings.ENCODER).get());
        assertEquals(window.workbenchTab, window.tabs.getSelectionModel().getSelectedItem());

        Path file = Files.writeString(Files.createTempFile("not-a-folder", ".txt"), "x");
        robot.interact(() -> window.exports.export(alpha, file));
        waitFor("a notification", 30, () -> window.notifications.isShowing());
        assertTrue(window.notifications.getText().startsWith("Export failed: " + file), window.notifications.getText());
        assertFalse(window.notifications.getText().contains("\n"), "one line");
    }
}
