package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinlab.ui.WindowTests.inScene;
import static org.twinlab.ui.WindowTests.snapshot;
import static org.twinlab.ui.WindowTests.type;
import static org.twinlab.ui.WindowTests.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCodeCombination;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinlab.eval.ProbeResult;
import org.twinlab.train.RunState;
import org.twinlab.train.Settings;

/** The workbench as a user drives it, on the real JavaFX toolkit (Monocle, headless) and the real engine. */
class WorkbenchTest extends WindowFixture {
    private void snapshot(String name) throws Exception {
        WindowTests.snapshot(stage, name);
    }

    @Test
    void trainsLiveWithPauseStepAndStop(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 60, () -> vm.datasetProperty().get() != null);
        snapshot("workbench-ready");
        assertEquals("fashion-mnist-sample barlow-twins \u03bb0.0051", view.config.text(Settings.NAME).getPromptText(),
                "an unnamed run's name is shown before it starts");
        type(robot, view.config.text(Settings.BATCH_SIZE), "64");
        type(robot, view.config.lambdaField, "0.01");
        type(robot, view.config.text(Settings.PROJECTOR_WIDTH), "128");
        type(robot, view.config.text(Settings.NAME), "lecture demo");
        robot.interact(() -> {
            vm.field(Settings.EPOCHS).set("1");
            vm.field(Settings.PROBE_EVERY).set("0.05");
        });
        assertEquals("", vm.startBlockedReason().get());
        assertFalse(view.start.isDisabled());
        long rendersBefore = view.heatmap.renders();
        robot.clickOn(view.start);
        waitFor("training steps", 120, () -> vm.live().stepCount() >= 5);
        waitFor("the heatmap to draw", 30, () -> view.heatmap.renders() > rendersBefore);
        waitFor("the loss chart to plot points", 30, () -> view.loss.lastDrawnPoints() >= 5);
        waitFor("a probe of the trained encoder", 300, () -> vm.live().probes().stream()
                .anyMatch(p -> p.encoder().equals(ProbeResult.TRAINED)));
        assertTrue(vm.live().probes().stream().anyMatch(p -> p.encoder().equals(ProbeResult.PIXELS)));
        assertEquals(0.01, vm.live().lastStep().lambda(), 1e-12, "lambda typed in the field reached the loop");
        assertTrue(vm.config() != null && vm.config().batchSize() == 64);
        assertTrue(vm.session().runFolder().getFileName().toString().endsWith("-lecture-demo"), "the typed name names the folder");
        waitFor("the run's name in the status bar", 10, () -> view.runName.getText().equals("run: lecture demo"));
        snapshot("workbench-training");

        // hovering a probe point gives its values
        waitFor("the probe plot", 10, () -> view.probe.lastResults() > 0);
        ProbeResult trained = vm.live().probes().stream().filter(p -> p.encoder().equals(ProbeResult.TRAINED)).findFirst()
                .orElseThrow();
        robot.interact(() -> view.probe.hover(view.probe.x(trained.epoch()), view.probe.y(100 * trained.linearTop1())));
        assertNotNull(view.probe.hoverText(), "a value box under the pointer");
        assertTrue(view.probe.hoverText().contains(String.format(java.util.Locale.ROOT, "linear %.1f%%",
                100 * trained.linearTop1())), view.probe.hoverText());
        robot.interact(() -> view.probe.hover(Double.NaN, Double.NaN));
        assertNull(view.probe.hoverText());

        robot.clickOn(view.pause);
        waitFor("the run to pause", 60, () -> vm.live().state.get().state() == RunState.PAUSED);
        int pausedAt = vm.live().stepCount();
        assertEquals("Resume", view.pause.getText());
        for (int k = 1; k <= 2; k++) {
            int expected = pausedAt + k;
            robot.clickOn(view.step);
            waitFor("one more step", 60, () -> vm.live().stepCount() == expected);
            // a Step shows that step: C is redrawn for it and the status bar says the same step
            waitFor("C of step " + expected, 30, () -> view.heatmap.shown() != null && view.heatmap.shown().step() == expected);
            waitFor("the status of step " + expected, 10, () -> view.progressText.getText().equals("paused at step " + expected));
            assertTrue(view.stepText.getText().startsWith("step " + expected + ","), view.stepText.getText());
            assertTrue(view.heatmap.titleText().contains("step " + expected), view.heatmap.titleText());
        }
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(pausedAt + 2, vm.live().stepCount(), "single steps, then paused again");

        robot.interact(() -> vm.field(Settings.LAMBDA).set("0.02"));
        robot.clickOn(view.step);
        waitFor("the step after a lambda change", 60, () -> vm.live().stepCount() == pausedAt + 3);
        assertEquals(0.02, vm.live().lastStep().lambda(), 1e-12);
        waitFor("a mark where lambda changed", 10, () -> view.loss.lastMarks() == 1);
        snapshot("workbench-step-lambda-mark");

        // Stop says so at once and leaves nothing to pause or step
        robot.interact(() -> {
            view.stop.fire();
            assertEquals("stopping\u2026", view.progressText.getText());
            assertTrue(view.pause.isDisabled() && view.step.isDisabled() && view.stop.isDisabled());
        });
        waitFor("the run to stop", 60, () -> !vm.runningProperty().get());
        assertEquals(RunState.STOPPED, vm.live().state.get().state());
        waitFor("the status", 10, () -> view.progressText.getText().equals("stopped at step " + (pausedAt + 3)));
        Path folder = vm.session().runFolder();
        assertNotNull(folder);
        assertTrue(Files.isRegularFile(folder.resolve("checkpoint/checkpoint.json")), "stopping keeps a checkpoint");
        assertTrue(view.pulses().maxGapMillis() > 0);
        assertTrue(view.heatmap.infoText().contains("the run stopped"), "C is labelled as the last run's: "
                + view.heatmap.infoText());
        snapshot("workbench-stopped");

        // Reset: the panels forget the last run
        robot.interact(vm::resetToDefaults);
        waitFor("the panels to clear", 10, () -> view.heatmap.shown() == null && view.probe.lastResults() == 0
                && view.loss.lastDrawnPoints() == 0);
        assertEquals("ready", view.progressText.getText());
        assertEquals("", view.runName.getText());
    }

    @Test
    void aNewDatasetClearsTheLastRunAndTheColourControlsFollowTheChannels(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 60, () -> vm.datasetProperty().get() != null);
        assertTrue(colourRow("saturation").isDisabled() && colourRow("hue").isDisabled(),
                "one-channel data: the colour operations are off");
        assertFalse(colourRow("brightness").isDisabled(), "brightness acts on gray images too");
        WindowTests.smallRun(robot, vm, 2);
        robot.interact(() -> vm.session().probes(false));
        robot.clickOn(view.start);
        waitFor("the run to end", 180, () -> !vm.runningProperty().get() && vm.live().stepCount() == 2);
        waitFor("C", 10, () -> view.heatmap.shown() != null);
        // a dataset still loading is no fault: the reason Start waits is not in the problems' red
        robot.interact(() -> {
            vm.loadDataset("color-shapes");
            assertEquals("loading the dataset\u2026", view.blocked.getText());
            assertTrue(view.blocked.getPseudoClassStates().contains(PseudoClass.getPseudoClass("waiting")));
        });
        waitFor("the colour dataset", 60, () -> vm.datasetProperty().get().name().equals("color-shapes")
                && !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.blocked.getPseudoClassStates().contains(PseudoClass.getPseudoClass("waiting")));
        waitFor("the panels to clear", 10, () -> view.heatmap.shown() == null && view.loss.lastDrawnPoints() == 0);
        assertFalse(colourRow("saturation").isDisabled(), "colour data: the colour operations are on");
    }

    /** The label of a row of view A's augmentation editor. */
    private Label colourRow(String name) {
        return view.config.lookupAll(".label").stream().filter(n -> n instanceof Label l && name.equals(l.getText()))
                .map(n -> (Label) n).findFirst().orElseThrow();
    }

    @Test
    void anInvalidBatchSizeDisablesStartWithItsReason(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 60, () -> vm.datasetProperty().get() != null);
        type(robot, view.config.text(Settings.BATCH_SIZE), "1");
        assertTrue(view.start.isDisabled());
        assertTrue(view.blocked.getText().contains("batch size"), view.blocked.getText());
        assertTrue(view.config.text(Settings.BATCH_SIZE).getPseudoClassStates().contains(Controls.ERROR));
        type(robot, view.config.text(Settings.BATCH_SIZE), "abc");
        assertTrue(view.blocked.getText().contains("'abc' is not a whole number"), view.blocked.getText());
        assertFalse(view.blocked.getPseudoClassStates().contains(PseudoClass.getPseudoClass("waiting")), "a problem is red");
        snapshot("workbench-invalid-batch");
        // two bad fields at 1280 px, in presenter mode too: the reason beside Start is read whole
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            vm.field(Settings.LAMBDA).set("abc");
        });
        for (boolean presenter : new boolean[] {false, true}) {
            robot.interact(() -> view.presenter.setSelected(presenter));
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(view.blocked.getText().contains("more marked"), view.blocked.getText());
            Node shown = view.blocked.lookup(".text");
            assertEquals(view.blocked.getText().replace("\n", " "), ((javafx.scene.text.Text) shown).getText().replace("\n", " "),
                    "the reason beside Start is not cut (presenter " + presenter + ")");
            assertTrue(WindowTests.inside(view.blocked), "and inside the window: " + inScene(view.blocked));
            snapshot("workbench-two-bad-fields-1280x800" + (presenter ? "-presenter" : ""));
        }
        robot.interact(() -> {
            view.presenter.setSelected(false);
            vm.field(Settings.LAMBDA).set("0.0051");
        });
        type(robot, view.config.text(Settings.BATCH_SIZE), "128");
        assertFalse(view.start.isDisabled());
        assertFalse(view.config.text(Settings.BATCH_SIZE).getPseudoClassStates().contains(Controls.ERROR));
        assertNotNull(view.config.text(Settings.BATCH_SIZE).getTooltip(), "its help comes back once the value is fine");
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
    void aCorruptDatasetFolderGivesANotificationBelowTheToolbarReadWhole(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 60, () -> vm.datasetProperty().get() != null);
        Path bad = Files.createTempDirectory("twinlab-corrupt-with-a-long-folder-name-to-make-the-message-long");
        Files.write(bad.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 9, 9, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4});
        Files.write(bad.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 0});
        Files.write(bad.resolve("t10k-images-idx3-ubyte"), new byte[] {0});
        Files.write(bad.resolve("t10k-labels-idx1-ubyte"), new byte[] {0});
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            view.presenter.setSelected(true);
            vm.loadDataset(bad.toString());
        });
        waitFor("a notification", 30, () -> view.notifications.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        String m = view.notifications.getText();
        assertTrue(m.contains("train-images-idx3-ubyte") && m.contains("magic number"), m);
        assertTrue(inScene(view.notifications).getMinY() >= inScene(view.toolbar).getMaxY() - 0.5,
                "the notification leaves the toolbar uncovered");
        Node text = view.notifications.label().lookup(".text");
        assertEquals(m, ((javafx.scene.text.Text) text).getText(), "the whole message, not cut with ...");
        assertTrue(WindowTests.inside(view.notifications));
        snapshot("workbench-corrupt-dataset-presenter-1280x800");
        assertEquals("fashion-mnist-sample", vm.datasetProperty().get().name(), "the loaded dataset stays");
        assertFalse(view.start.isDisabled(), "and a run can still start");
    }

    @Test
    void settingsSaveInTheRunsFolderWithAConfirmationAndOpenBack(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 60, () -> vm.datasetProperty().get() != null);
        assertEquals(vm.runRoot().toFile(), view.chooser("Save the settings").getInitialDirectory(),
                "the dialog opens where the runs and their config.json are");
        Path file = Files.createTempDirectory("twinlab-settings").resolve("config.json");
        type(robot, view.config.text(Settings.BATCH_SIZE), "128");
        type(robot, view.config.lambdaField, "0.02");
        robot.interact(() -> vm.viewB.set(vm.viewB.get().withFlipP(0.25)));
        robot.interact(() -> vm.saveSettings(file));
        assertTrue(view.notifications.isShowing() && view.notifications.getText().equals("Settings saved to " + file),
                view.notifications.getText());
        assertTrue(view.notifications.getPseudoClassStates().contains(NoticeBar.INFO), "a confirmation, not a problem");
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
        waitFor("a notification", 10, () -> view.notifications.isShowing()
                && !view.notifications.getPseudoClassStates().contains(NoticeBar.INFO));
        String m = view.notifications.getText();
        assertTrue(m.startsWith("Could not open the settings: " + file + ": not a settings file: the JSON breaks at line 1, "
                + "column ") && m.endsWith(" (a settings file is one JSON object, like a run's config.json)"), m);
        assertEquals("128", view.config.text(Settings.BATCH_SIZE).getText(), "a bad file changes nothing");
    }

    @Test
    void aPresetFromTheFileMenuFillsTheFormAsTrainPresetDoes(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 60, () -> vm.datasetProperty().get() != null);
        javafx.scene.control.Menu presets = (javafx.scene.control.Menu) view.file.getItems().stream()
                .filter(i -> "Presets".equals(i.getText())).findFirst().orElseThrow();
        javafx.scene.control.MenuItem p89 = presets.getItems().stream()
                .filter(i -> i.getText().equals(org.twinlab.train.Preset.FASHION_MNIST_89.label())).findFirst().orElseThrow();
        robot.interact(p89::fire);
        org.twinlab.train.TrainConfig want = org.twinlab.train.Preset.FASHION_MNIST_89.config();
        for (org.twinlab.train.Setting<?> s : WorkbenchViewModel.formSettings()) {
            assertEquals(s.formatOf(want), vm.field(s).get(), s.key() + " as the preset has it");
        }
        assertEquals("small-cnn-4", vm.field(Settings.ENCODER).get());
        assertEquals("128", vm.field(Settings.BATCH_SIZE).get());
    }

    @Test
    void theFormIsRememberedAcrossRestarts(FxRobot robot) throws Exception {
        Path last = Files.createTempDirectory("twinlab-home").resolve(".twinlab").resolve("last-settings.json");
        WorkbenchViewModel[] first = new WorkbenchViewModel[1];
        robot.interact(() -> {
            first[0] = new WorkbenchViewModel(vm.runRoot(), last);
            first[0].field(Settings.BATCH_SIZE).set("96");
            first[0].field(Settings.OBJECTIVE).set("infonce");
            first[0].field(Settings.TEMPERATURE).set("0.2");
        });
        waitFor("its dataset", 60, () -> first[0].datasetProperty().get() != null);
        robot.interact(() -> first[0].shutdown()); // the window closes
        assertTrue(Files.isRegularFile(last), "written where the next session looks");
        WorkbenchViewModel[] second = new WorkbenchViewModel[1];
        robot.interact(() -> second[0] = new WorkbenchViewModel(vm.runRoot(), last));
        assertEquals("96", second[0].field(Settings.BATCH_SIZE).get());
        assertEquals("infonce", second[0].field(Settings.OBJECTIVE).get());
        assertEquals("0.2", second[0].field(Settings.TEMPERATURE).get());
        robot.interact(() -> second[0].shutdown());
    }

    @Test
    void theTooltipsGiveTheShortcutsTheWindowHas(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 60, () -> vm.datasetProperty().get() != null);
        Map<String, String> expected = Map.of("Start", "Ctrl+Enter", "Pause", "Ctrl+Space", "Step", "Ctrl+Right",
                "Stop", "Esc", "Presenter", "Ctrl+=");
        assertEquals(expected.size(), view.shortcuts.size());
        for (Map.Entry<KeyCodeCombination, ButtonBase> e : view.shortcuts.entrySet()) {
            String keys = WorkbenchView.keysText(e.getKey());
            assertEquals(expected.get(e.getValue().getText()), keys, e.getValue().getText());
            assertTrue(e.getValue().getTooltip().getText().endsWith("(" + keys + ")"), e.getValue().getTooltip().getText());
            assertNotNull(stage.getScene().getAccelerators().get(e.getKey()), keys + " is installed");
        }
        robot.interact(() -> stage.getScene().getAccelerators().get(List.copyOf(view.shortcuts.keySet()).get(4)).run());
        assertTrue(view.presenter.isSelected(), "Ctrl+= turns presenter mode on");
    }

    @Test
    void closingTheWindowStopsTheRunAndKeepsItsFolder(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 60, () -> vm.datasetProperty().get() != null);
        WindowTests.smallRun(robot, vm, 1000);
        robot.clickOn(view.start);
        waitFor("a few steps", 120, () -> vm.live().stepCount() >= 2);
        robot.interact(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertEquals(RunState.STOPPED, vm.live().state.get().state(), "the close request waited for the run to stop");
        assertTrue(Files.isRegularFile(vm.session().runFolder().resolve("checkpoint/checkpoint.json")));
        assertTrue(Files.isRegularFile(vm.session().runFolder().resolve("summary.json")));
    }
}
