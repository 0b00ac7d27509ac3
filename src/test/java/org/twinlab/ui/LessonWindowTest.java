package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinlab.ui.WindowTests.inside;
import static org.twinlab.ui.WindowTests.snapshot;
import static org.twinlab.ui.WindowTests.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinlab.lesson.Lesson;
import org.twinlab.train.RunState;
import org.twinlab.train.Settings;

/** The guided lesson in the window: one step at a time, only its controls and panels, keyboard to move on. */
class LessonWindowTest extends WindowFixture {
    /** The names of the panels on screen. */
    private Set<String> panelsShown() {
        return view.panels.entrySet().stream().filter(e -> e.getValue().getParent() != null && e.getValue().isVisible())
                .map(java.util.Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
    }

    private static boolean shown(Node n) {
        return n.isVisible() && n.isManaged();
    }

    @Test
    void theLessonAdvancesAndShowsOnlyItsControls(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 60, () -> vm.datasetProperty().get() != null);
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            view.presenter.setSelected(true);
            view.openLesson(Lesson.builtIn());
        });
        WaitForAsyncUtils.waitForFxEvents();
        // step 1: the two views, big; no run buttons, no settings column
        assertSame(view.lessonView, ((javafx.scene.layout.BorderPane) view.toolbar.getParent()).getLeft());
        assertEquals(Set.of("views"), panelsShown());
        for (Node b : List.of(view.start, view.pause, view.step, view.stop, view.reset, view.file, view.settingsShown)) {
            assertFalse(shown(b), "a lesson shows only its step's controls");
        }
        assertEquals("128", vm.field(Settings.BATCH_SIZE).get(), "the lesson's settings are in the form");
        var before = view.views.image().getImage();
        robot.clickOn(view.lessonView.action);
        assertNotSame(before, view.views.image().getImage(), "its action draws new views");
        assertTrue(inside(view.toolbar) && inside(view.statusBar), "presenter mode at 1280x800 keeps both in the window");
        snapshot(stage, "lesson-1-views-presenter-1280x800");

        // PageDown: step 2, C at initialisation, with the projector width and Step only
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(1, view.lessons.index.get());
        assertEquals(Set.of("heatmap"), panelsShown());
        assertTrue(shown(view.step) && !shown(view.start) && !shown(view.pause), "Step is this step's button");
        assertEquals(List.of(Settings.PROJECTOR_WIDTH), List.copyOf(view.lessonView.settings.inputs.keySet()));
        robot.interact(() -> vm.field(Settings.PROJECTOR_WIDTH).set("64"));
        robot.interact(() -> vm.field(Settings.PROBE_EVERY).set("0"));
        robot.clickOn(view.lessonView.action);
        waitFor("C after one step", 300, () -> view.heatmap.shown() != null && view.heatmap.shown().step() == 1);
        waitFor("the run to pause", 60, () -> vm.live().state.get() != null
                && vm.live().state.get().state() == RunState.PAUSED);
        assertEquals(1, vm.live().stepCount(), "one step, then paused");
        assertTrue(vm.pausedProperty().get());
        snapshot(stage, "lesson-2-initial-C-presenter-1280x800");
        robot.interact(() -> {
            stage.setWidth(1920);
            stage.setHeight(1080);
        });
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertTrue(inside(view.toolbar) && inside(view.statusBar) && inside(view.lessonView.action));
        assertTrue(view.fontSize() >= 24, "full HD: larger type still");
        snapshot(stage, "lesson-2-initial-C-presenter-1920x1080");

        // Right arrow moves on while no field has the keyboard; in a field it is the field's
        robot.interact(() -> view.lessonView.next.requestFocus());
        robot.type(KeyCode.RIGHT);
        assertEquals(2, view.lessons.index.get());
        assertEquals(Set.of("heatmap", "loss"), panelsShown());
        assertTrue(view.lessonView.action.getText().contains("mean diagonal of C > 0.9"), view.lessonView.action.getText());
        assertTrue(view.lessonView.settings.inputs.containsKey(Settings.LAMBDA), "lambda is this step's control");
        javafx.scene.control.Control lambda = view.lessonView.settings.inputs.get(Settings.LAMBDA);
        assertFalse(lambda.isDisabled(), "lambda acts on the paused run");
        robot.interact(lambda::requestFocus);
        robot.type(KeyCode.RIGHT);
        assertEquals(2, view.lessons.index.get(), "the arrow stays in the text field");
        robot.type(KeyCode.PAGE_UP);
        assertEquals(1, view.lessons.index.get(), "PageUp goes back, from a field too");

        // ending the lesson gives the workbench back
        robot.interact(view.lessons::close);
        assertEquals(Set.of("heatmap", "loss", "probe", "embeddings"), panelsShown());
        assertTrue(shown(view.start) && shown(view.reset));
        robot.interact(vm::stop);
        waitFor("the run to stop", 60, () -> !vm.runningProperty().get());

        // with nothing training, ending a lesson gives the form back as it was before the lesson
        robot.interact(() -> vm.field(Settings.BATCH_SIZE).set("96"));
        robot.interact(() -> view.openLesson(Lesson.builtIn()));
        assertEquals("128", vm.field(Settings.BATCH_SIZE).get());
        robot.interact(view.lessons::close);
        assertEquals("96", vm.field(Settings.BATCH_SIZE).get(), "the lesson's settings do not outlive it");
    }

    @Test
    void aBadLessonFileIsOnePlainMessageNamingTheFileAndThePlace(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 60, () -> vm.datasetProperty().get() != null);
        Path bad = Files.createTempDirectory("twinlab-lesson").resolve("my-lesson.json");
        Files.writeString(bad, "{ \"title\": \"Mine\", \"steps\": [ { \"title\": \"One\", \"text\": \"t\", "
                + "\"action\": \"train until diagonal > 0.9\" } ] }");
        robot.interact(() -> view.lessons.open(bad));
        waitFor("a notification", 10, () -> view.notifications.isShowing());
        String m = view.notifications.getText();
        assertTrue(m.startsWith("Could not open the lesson: " + bad + ": step 1 (\"One\"), action"), m);
        assertTrue(m.contains("\"diagonal\" is not a gauge"), m);
        assertFalse(view.lessons.active(), "nothing changed");
        assertTrue(shown(view.start));
    }
}
