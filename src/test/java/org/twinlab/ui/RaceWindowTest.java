package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinlab.ui.WindowTests.inScene;
import static org.twinlab.ui.WindowTests.snapshot;
import static org.twinlab.ui.WindowTests.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinlab.runs.RunRace;
import org.twinlab.train.RunState;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainingEvent;

/**
 * A race from the window, as a lecturer runs one: a run of the form trains; Race… (a bad λ, then no difference:
 * one line each, the dialog stays) races the form's run against λ = 0, stopping the run first and saying so; both
 * runs are folders of their own linked as a race; the panels show both Cs titled with their differences and the
 * overlaid curves, readable at 1280x800 and full HD in presenter mode; Pause pauses both, Step steps both, Stop
 * stops both. Real engine, small D, few steps.
 */
class RaceWindowTest extends WindowFixture {
    @Override
    protected void configure() {
        vm.session().probes(false); // steps and C: the probes are RunRaceTest's
        vm.field(Settings.BATCH_SIZE).set("32");
        vm.field(Settings.PROJECTOR_WIDTH).set("16");
        vm.field(Settings.STEPS).set("2000");
        vm.field(Settings.SNAPSHOT_EVERY).set("2");
        vm.field(Settings.PROBE_EVERY).set("0");
    }

    private static int step(LiveRun r) {
        TrainingEvent.Step s = r.lastStep();
        return s == null ? 0 : s.step();
    }

    private static void settle(long ms) {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(ms, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void pressRace(FxRobot robot) {
        Button go = (Button) view.raceDialog.dialog.getDialogPane().lookupButton(RaceDialog.RACE);
        robot.interact(go::fire);
    }

    @Test
    void aRaceFromTheWindowTrainsTwoLinkedRunsThatPauseStepAndStopTogether(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 120, () -> vm.datasetProperty().get() != null);
        robot.interact(() -> view.start.fire());
        waitFor("the form's run to train", 300, () -> step(vm.session().live()) >= 2);
        LiveRun single = vm.session().live();

        robot.interact(() -> view.presenter.setSelected(true)); // the dialog takes presenter mode's type
        robot.interact(() -> view.race.fire());
        assertNotNull(view.raceDialog, "Race… opens its dialog");
        assertTrue(view.raceDialog.dialog.getDialogPane().getStyle().contains("-fx-font-size"),
                view.raceDialog.dialog.getDialogPane().getStyle());
        assertTrue(view.raceDialog.dialog.isShowing());
        RaceDialog opened = view.raceDialog;
        robot.interact(() -> view.race.fire());
        assertSame(opened, view.raceDialog, "pressed twice: still the one dialog");
        TextField lambda = (TextField) view.raceDialog.inputs.get(Settings.LAMBDA);
        assertEquals("0.0051", lambda.getText(), "the rows start at the form's values");
        robot.interact(() -> lambda.setText("minus one"));
        assertTrue(view.raceDialog.ticks.get(Settings.LAMBDA).isSelected(), "editing a value ticks its row");
        pressRace(robot);
        assertTrue(view.raceDialog.dialog.isShowing(), "a bad value keeps the dialog");
        String bad = view.raceDialog.problem.getText();
        assertTrue(bad.startsWith("race: ") && bad.contains("lambda") && !bad.contains("Exception"), bad);
        settle(200);
        javafx.scene.Scene dialogScene = view.raceDialog.dialog.getDialogPane().getScene();
        javafx.scene.image.WritableImage shot = WaitForAsyncUtils.asyncFx(() -> dialogScene.snapshot(null)).get(30,
                TimeUnit.SECONDS);
        Files.createDirectories(WindowTests.SNAPSHOTS);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot, null), "png",
                WindowTests.SNAPSHOTS.resolve("race-dialog.png").toFile());
        robot.interact(() -> lambda.setText("0.0051"));
        pressRace(robot);
        assertEquals("race: the two runs have the same settings; change one for the second",
                view.raceDialog.problem.getText());
        assertTrue(view.raceDialog.dialog.isShowing());
        robot.interact(() -> lambda.setText("0"));
        pressRace(robot);
        assertFalse(view.raceDialog.dialog.isShowing(), "Race closes the dialog");

        waitFor("the race", 300, () -> vm.race() != null && vm.runningProperty().get()
                && step(vm.race().first()) >= 3 && step(vm.race().second()) >= 3);
        LiveRace race = vm.race();
        String stopped = view.notifications.getText();
        assertTrue(stopped.startsWith("Stopped the run at step ") && stopped.endsWith("the race started."), stopped);
        assertEquals(RunState.STOPPED, single.state.get().state(), "the form's run was stopped and kept");

        List<Path> dirs = vm.session().runFolders();
        assertEquals(2, dirs.size());
        RunRace.Link a = RunRace.link(dirs.get(0));
        RunRace.Link b = RunRace.link(dirs.get(1));
        assertNotNull(a);
        assertEquals(a.id(), b.id(), "one race links both folders");
        assertEquals(List.of("lambda"), a.differing());
        for (Path d : dirs) {
            assertTrue(Files.isRegularFile(d.resolve("metrics.csv")), d + " is a run folder");
        }
        assertEquals(List.of("\u03bb = 0.0051", "\u03bb = 0"), race.labels());
        settle(400);
        assertEquals("\u03bb = 0.0051", view.raceBoard.titles[0].getText());
        assertEquals("\u03bb = 0", view.raceBoard.titles[1].getText());
        assertNull(view.heatmap.getParent(), "the race's panels stand where the run's were");
        assertNotNull(view.raceBoard.matrices.getParent());
        waitFor("both Cs drawn", 120, () -> view.raceBoard.heatmaps[0].shown() != null
                && view.raceBoard.heatmaps[1].shown() != null);
        waitFor("the overlaid losses", 60, () -> new java.util.HashSet<>(view.raceBoard.loss.drawnColors()).size() == 2);

        // Pause pauses both: their step counters stop
        robot.interact(() -> view.pause.fire());
        settle(1500); // a step under way ends first
        int[] held = {step(race.first()), step(race.second())};
        settle(1500);
        assertEquals(held[0], step(race.first()), "Pause holds the first run");
        assertEquals(held[1], step(race.second()), "and the second");
        // Step: exactly one more step of each
        robot.interact(() -> view.step.fire());
        waitFor("one step of each", 120, () -> step(race.first()) > held[0] && step(race.second()) > held[1]);
        settle(1500);
        assertEquals(held[0] + 1, step(race.first()));
        assertEquals(held[1] + 1, step(race.second()));

        // the race read from the back of a room
        robot.interact(() -> view.presenter.setSelected(true));
        for (int[] wh : new int[][] {{1280, 800}, {1920, 1080}}) {
            String at = wh[0] + "x" + wh[1];
            robot.interact(() -> {
                stage.setWidth(wh[0]);
                stage.setHeight(wh[1]);
            });
            settle(600);
            assertReadable("race, presenter " + at);
            snapshot(stage, "race-presenter-" + at);
        }

        // Stop stops both
        robot.interact(() -> view.pause.fire()); // resume
        waitFor("both train again", 120, () -> step(race.first()) > held[0] + 2 && step(race.second()) > held[1] + 2);
        robot.interact(() -> view.stop.fire());
        waitFor("both runs to stop", 300, () -> !vm.runningProperty().get());
        for (LiveRun r : race.runs()) {
            assertEquals(RunState.STOPPED, r.state.get().state());
        }
        int[] end = {step(race.first()), step(race.second())};
        settle(1500);
        assertEquals(end[0], step(race.first()));
        assertEquals(end[1], step(race.second()));
        assertSame(race, vm.race(), "the ended race stays on screen");

        // the Runs tab links the two; one raced run selected, Compare opens it with its partner
        robot.interact(() -> window.tabs.getSelectionModel().select(window.runsTab));
        waitFor("the raced runs in the list", 60, () -> !window.runsModel.loadingProperty().get()
                && window.runsModel.allRuns().stream().filter(r -> dirs.contains(r.entry().dir())).count() == 2);
        String linked = window.runs.cellText(dirs.get(0), RunRow.RACE);
        assertTrue(linked.startsWith("vs ") && linked.endsWith(" (lambda)"), linked);
        assertTrue(window.runs.cellText(dirs.get(1), RunRow.RACE).startsWith("vs "));
        assertTrue(window.runs.table.getColumns().stream().anyMatch(c -> c.getId().equals(RunRow.RACE) && c.isVisible()),
                "the race column is shown");
        robot.interact(() -> window.runs.reselect(List.of(dirs.get(0))));
        assertEquals("Compare with its race partner", window.runs.compare.getText());
        assertFalse(window.runs.compare.isDisabled());
        robot.interact(() -> window.runs.compare.fire());
        waitFor("the race compared", 60, () -> window.compareModel.comparisonProperty().get() != null);
        assertEquals(dirs, window.compareModel.comparisonProperty().get().runs().stream()
                .map(org.twinlab.runs.RunComparison.Run::dir).toList());
        assertSame(window.compareTab, window.tabs.getSelectionModel().getSelectedItem());
    }

    /**
     * The built-in lesson's race screen in presenter mode at 1280x800 (its column beside the panels): its button
     * races Barlow Twins against only the invariance term, the panels show both, readable, and "train N steps"
     * pauses both.
     */
    @Test
    void theLessonsRaceScreenRacesInPresenterMode(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 120, () -> vm.datasetProperty().get() != null);
        robot.interact(() -> view.presenter.setSelected(true));
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        robot.interact(() -> view.openLesson(LessonWalkTest.scaled(org.twinlab.lesson.Lesson.builtIn())));
        int race = -1;
        for (int i = 0; i < view.lessons.lesson.get().steps().size(); i++) {
            if (view.lessons.lesson.get().steps().get(i).actions().get(0) instanceof org.twinlab.lesson.LessonAction.Race) {
                race = i;
            }
        }
        assertEquals(5, race, "the race screen follows \"Only the redundancy term\"");
        for (int i = 0; i < race; i++) {
            robot.interact(view.lessons::next);
        }
        robot.interact(() -> view.lessonView.action.fire());
        waitFor("the lesson's race", 300, () -> vm.race() != null && vm.race().second().correlation() != null
                && vm.race().first().correlation() != null && step(vm.race().second()) >= 4);
        assertEquals(List.of("barlow-twins", "invariance-only"), vm.race().labels());
        waitFor("the race paused by its train 50 steps", 300, () -> vm.pausedProperty().get());
        assertEquals(50, step(vm.race().first()));
        settle(800);
        snapshot(stage, "race-lesson-presenter-1280x800");
        assertReadable("the lesson's race screen, presenter 1280x800");
        robot.interact(() -> view.stop.fire());
        waitFor("both runs to stop", 300, () -> !vm.runningProperty().get());
    }

    private static double area(Bounds b) {
        return Math.max(0, b.getWidth()) * Math.max(0, b.getHeight());
    }

    /** Plots at least 40% of their panels, each C no strip, no label of the race's panels cut. */
    private void assertReadable(String where) {
        RaceBoard r = view.raceBoard;
        for (Node[] pp : new Node[][] {{r.loss, r.lossPanel}, {r.probe, r.probePanel}}) {
            assertNotNull(pp[1].getScene(), where + ": the race's panel is on screen");
            double share = area(inScene(pp[0])) / area(inScene(pp[1]));
            assertTrue(share >= 0.4, where + ": a plot is " + Math.round(100 * share) + "% of its panel");
        }
        for (HeatmapView h : r.heatmaps) {
            Bounds b = inScene(h.imageView());
            assertTrue(b.getWidth() >= 120 && b.getHeight() >= 120, where + ": a C is a strip: " + b);
            // nothing of a run's C runs over its panel's edge (its timeline is the lowest row)
            assertTrue(inScene(h.timeline).getMaxY() <= inScene(r.matrices).getMaxY() + 1, where + ": a timeline runs "
                    + "out of the panel: " + inScene(h.timeline) + " in " + inScene(r.matrices));
            assertTrue(h.minHeight(h.getWidth()) <= h.getHeight() + 1, where + ": a C's panel needs "
                    + h.minHeight(h.getWidth()) + " px, has " + h.getHeight());
        }
        for (Node panel : new Node[] {r.matrices, r.lossPanel, r.probePanel}) {
            for (Node n : panel.lookupAll(".label")) {
                if (n instanceof Labeled l && shown(l) && !l.getText().isBlank() && !l.isWrapText()) {
                    Node text = l.lookup(".text");
                    assertFalse(text instanceof javafx.scene.text.Text t && !t.getText().equals(l.getText()),
                            where + ": '" + l.getText() + "' is cut");
                }
            }
        }
        Bounds window = stage.getScene().getRoot().getLayoutBounds();
        for (Node panel : new Node[] {r.matrices, r.lossPanel, r.probePanel}) {
            Bounds b = inScene(panel);
            assertTrue(b.getMaxX() <= window.getMaxX() + 1 && b.getMaxY() <= window.getMaxY() + 1,
                    where + ": a panel runs off the window: " + b);
        }
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
