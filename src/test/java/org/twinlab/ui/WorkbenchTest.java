package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinlab.eval.ProbeResult;
import org.twinlab.train.RunState;
import org.twinlab.train.Settings;

/** The workbench as a user drives it, on the real JavaFX toolkit (Monocle, headless) and the real engine. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchTest {
    static final Path SNAPSHOTS = FxTests.SNAPSHOTS;
    private WorkbenchViewModel vm;
    private WorkbenchView view;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        Path runs = Files.createDirectories(Path.of(System.getProperty("twinlab.home", "target/twinlab-home"), "runs"));
        vm = new WorkbenchViewModel(runs);
        view = WorkbenchApp.show(stage, vm);
        stage.requestFocus();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> vm.shutdown());
    }

    private static void waitFor(String what, int seconds, Callable<Boolean> condition) throws Exception {
        FxTests.waitFor(what, seconds, condition);
    }

    private void snapshot(String name) throws Exception {
        FxTests.snapshot(stage, name);
    }

    private static void type(FxRobot robot, javafx.scene.control.TextField field, String text) {
        // the field may sit below the fold of the scrolling settings column: focus it as Tab would
        robot.interact(() -> {
            field.requestFocus();
            field.setText("");
        });
        robot.write(text);
    }

    @Test
    void trainsLiveWithPauseStepAndStop(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 30, () -> vm.datasetProperty().get() != null);
        snapshot("workbench-ready");
        type(robot, view.config.text(Settings.BATCH_SIZE), "64");
        type(robot, view.config.lambdaField, "0.01");
        type(robot, view.config.text(Settings.PROJECTOR_WIDTH), "128");
        robot.interact(() -> {
            vm.field(Settings.EPOCHS).set("1");
            vm.field(Settings.PROBE_EVERY).set("0.1");
        });
        assertEquals("", vm.startBlockedReason().get());
        assertFalse(view.start.isDisabled());
        long rendersBefore = view.heatmap.renders();
        robot.clickOn(view.start);
        waitFor("training steps", 60, () -> vm.live().stepCount() >= 15);
        waitFor("the heatmap to draw", 30, () -> view.heatmap.renders() > rendersBefore);
        waitFor("the loss chart to plot points", 30, () -> view.loss.lastDrawnPoints() >= 10);
        waitFor("a probe of the trained encoder", 120, () -> vm.live().probes().stream()
                .anyMatch(p -> p.encoder().equals(ProbeResult.TRAINED)));
        assertTrue(vm.live().probes().stream().anyMatch(p -> p.encoder().equals(ProbeResult.PIXELS)));
        assertEquals(0.01, vm.live().lastStep().lambda(), 1e-12, "lambda typed in the field reached the loop");
        assertTrue(vm.config() != null && vm.config().batchSize() == 64);
        snapshot("workbench-training");

        robot.clickOn(view.pause);
        waitFor("the run to pause", 30, () -> vm.live().state.get().state() == RunState.PAUSED);
        int pausedAt = vm.live().stepCount();
        assertEquals("Resume", view.pause.getText());
        robot.clickOn(view.step);
        waitFor("one more step", 30, () -> vm.live().stepCount() == pausedAt + 1);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(pausedAt + 1, vm.live().stepCount(), "a single step, then paused again");

        robot.interact(() -> vm.field(Settings.LAMBDA).set("0.02"));
        robot.clickOn(view.step);
        waitFor("the step after a lambda change", 30, () -> vm.live().stepCount() == pausedAt + 2);
        assertEquals(0.02, vm.live().lastStep().lambda(), 1e-12);

        robot.clickOn(view.stop);
        waitFor("the run to stop", 60, () -> !vm.runningProperty().get());
        assertEquals(RunState.STOPPED, vm.live().state.get().state());
        Path folder = vm.service().runFolder();
        assertNotNull(folder);
        assertTrue(Files.isRegularFile(folder.resolve("checkpoint/checkpoint.json")), "stopping keeps a checkpoint");
        assertTrue(view.pulses().maxGapMillis() > 0);
        snapshot("workbench-stopped");
    }

    @Test
    void anInvalidBatchSizeDisablesStartWithItsReason(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 30, () -> vm.datasetProperty().get() != null);
        type(robot, view.config.text(Settings.BATCH_SIZE), "1");
        assertTrue(view.start.isDisabled());
        assertTrue(view.blocked.getText().contains("batch size"), view.blocked.getText());
        assertTrue(view.config.text(Settings.BATCH_SIZE).getPseudoClassStates().contains(Controls.ERROR));
        type(robot, view.config.text(Settings.BATCH_SIZE), "abc");
        assertTrue(view.blocked.getText().contains("'abc' is not a whole number"), view.blocked.getText());
        snapshot("workbench-invalid-batch");
        type(robot, view.config.text(Settings.BATCH_SIZE), "128");
        assertFalse(view.start.isDisabled());
        assertFalse(view.config.text(Settings.BATCH_SIZE).getPseudoClassStates().contains(Controls.ERROR));
        // the warm-up is checked the same way, and marks its own field only
        type(robot, view.config.text(Settings.WARMUP_EPOCHS), "-1");
        assertTrue(view.start.isDisabled());
        assertTrue(view.blocked.getText().contains("warm-up epochs"), view.blocked.getText());
        assertTrue(view.config.text(Settings.WARMUP_EPOCHS).getPseudoClassStates().contains(Controls.ERROR));
        assertFalse(view.config.text(Settings.EPOCHS).getPseudoClassStates().contains(Controls.ERROR));
        type(robot, view.config.text(Settings.WARMUP_EPOCHS), "0.5");
        assertFalse(view.start.isDisabled());
        assertEquals(0.5, vm.config().warmupEpochs(), 1e-12);
    }

    @Test
    void aCorruptDatasetFolderGivesANotificationAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 30, () -> vm.datasetProperty().get() != null);
        Path bad = Files.createTempDirectory("twinlab-corrupt");
        Files.write(bad.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 9, 9, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4});
        Files.write(bad.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 0});
        Files.write(bad.resolve("t10k-images-idx3-ubyte"), new byte[] {0});
        Files.write(bad.resolve("t10k-labels-idx1-ubyte"), new byte[] {0});
        robot.interact(() -> vm.loadDataset(bad.toString()));
        waitFor("a notification", 30, () -> view.notifications.isShowing());
        assertTrue(view.notifications.getText().contains("train-images-idx3-ubyte"), view.notifications.getText());
        assertTrue(view.notifications.getText().contains("magic number"), view.notifications.getText());
        snapshot("workbench-corrupt-dataset");
        assertEquals("fashion-mnist-sample", vm.datasetProperty().get().name(), "the loaded dataset stays");
        assertFalse(view.start.isDisabled(), "and a run can still start");
    }

    @Test
    void settingsSaveToConfigJsonAndOpenBack(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 30, () -> vm.datasetProperty().get() != null);
        Path file = Files.createTempDirectory("twinlab-settings").resolve("config.json");
        type(robot, view.config.text(Settings.BATCH_SIZE), "128");
        type(robot, view.config.lambdaField, "0.02");
        robot.interact(() -> vm.viewB.set(vm.viewB.get().withFlipP(0.25)));
        robot.interact(() -> vm.saveSettings(file));
        org.twinlab.train.TrainConfig saved = org.twinlab.runs.Json.readConfig(file);
        assertEquals(128, saved.batchSize());
        assertEquals(0.02, saved.lambda(), 1e-12);
        assertEquals(0.25, saved.augment().viewB().flipP(), 1e-12);
        robot.interact(vm::resetToDefaults);
        assertEquals("256", view.config.text(Settings.BATCH_SIZE).getText());
        robot.interact(() -> vm.openSettings(file));
        assertEquals("128", view.config.text(Settings.BATCH_SIZE).getText());
        assertEquals(0.02, Double.parseDouble(view.config.lambdaField.getText()), 1e-12);
        assertEquals(0.25, vm.viewB.get().flipP(), 1e-12);
        Files.writeString(file, "{ not json");
        robot.interact(() -> vm.openSettings(file));
        waitFor("a notification", 10, () -> view.notifications.isShowing());
        assertTrue(view.notifications.getText().contains(file.toString()), view.notifications.getText());
        assertEquals("128", view.config.text(Settings.BATCH_SIZE).getText(), "a bad file changes nothing");
    }

    @Test
    void closingTheWindowStopsTheRunAndKeepsItsFolder(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 30, () -> vm.datasetProperty().get() != null);
        robot.interact(() -> {
            vm.field(Settings.BATCH_SIZE).set("64");
            vm.field(Settings.PROJECTOR_WIDTH).set("64");
            vm.field(Settings.PROBE_EVERY).set("0");
        });
        robot.clickOn(view.start);
        waitFor("a few steps", 60, () -> vm.live().stepCount() >= 3);
        robot.interact(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertEquals(RunState.STOPPED, vm.live().state.get().state(), "the close request waited for the run to stop");
        assertTrue(Files.isRegularFile(vm.service().runFolder().resolve("checkpoint/checkpoint.json")));
        assertTrue(Files.isRegularFile(vm.service().runFolder().resolve("summary.json")));
    }

    @Test
    void fitsFullHdAndThePresenterZoomEnlargesTheType(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 30, () -> vm.datasetProperty().get() != null);
        robot.interact(() -> {
            stage.setWidth(1920);
            stage.setHeight(1080);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double small = view.heatmap.imageView().getFitWidth();
        double fontBefore = view.start.getFont().getSize();
        robot.interact(() -> view.presenter.setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.start.getFont().getSize() > fontBefore * 1.2, "presenter mode enlarges the type");
        assertTrue(small > 300, "at full HD the heatmap gets room: " + small);
        snapshot("workbench-full-hd-presenter");
    }
}
