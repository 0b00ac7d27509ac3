package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinlab.ui.WindowTests.inScene;
import static org.twinlab.ui.WindowTests.snapshot;
import static org.twinlab.ui.WindowTests.waitFor;

import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinlab.lesson.Lesson;

/**
 * The panels read from the back of a room: at 1280x800 and full HD, in presenter mode, in the workbench and
 * on every lesson screen, each plot takes at least 40% of its panel, C's panel is no strip, and no label of
 * the heatmap panel is cut; focus mode fills the stage with one panel and Esc gives the layout back.
 */
class PanelLayoutTest extends WindowFixture {
    private static double area(Bounds b) {
        return Math.max(0, b.getWidth()) * Math.max(0, b.getHeight());
    }

    private void assertReadable(String where) {
        Map<String, Node> plots = Map.of("loss", view.loss, "probe", view.probe, "embeddings", view.scatter);
        for (Map.Entry<String, Node> e : plots.entrySet()) {
            Node panel = view.panels.get(e.getKey());
            if (panel.getParent() == null || !panel.isVisible()) {
                continue;
            }
            double share = area(inScene(e.getValue())) / area(inScene(panel));
            assertTrue(share >= 0.4, where + ": the " + e.getKey() + " plot is " + Math.round(100 * share) + "% of its panel "
                    + inScene(panel));
        }
        for (Node panel : view.panels.values()) {
            if (panel.getParent() != null && WindowTests.shownInScene(panel)) {
                WindowTests.assertContentsInside(panel, where);
            }
        }
        Node c = view.panels.get("heatmap");
        if (c.getParent() != null && c.isVisible()) {
            Bounds b = inScene(c);
            assertTrue(b.getWidth() >= 300 && b.getHeight() >= 300, where + ": C's panel is a strip: " + b);
            for (Node n : c.lookupAll(".label")) {
                if (n instanceof Labeled l && WindowTests.shownInScene(l) && !l.getText().isBlank() && !l.isWrapText()) {
                    Node text = l.lookup(".text");
                    assertFalse(text instanceof javafx.scene.text.Text t && !t.getText().equals(l.getText()),
                            where + ": '" + l.getText() + "' is cut");
                }
            }
        }
    }

    private void size(FxRobot robot, int w, int h) {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void presenterPanelsAndLessonScreensAreReadableAtBothSizes(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 120, () -> vm.datasetProperty().get() != null);
        // a short run first: the panels are checked with what a class sees (C's timeline and means, curves)
        WindowTests.smallRun(robot, vm, 6);
        robot.clickOn(view.start);
        waitFor("the run to finish", 300, () -> vm.live().state.get() != null
                && vm.live().state.get().state() == org.twinlab.train.RunState.FINISHED && !vm.runningProperty().get());
        robot.interact(() -> view.presenter.setSelected(true));
        for (int[] wh : new int[][] {{1280, 800}, {1920, 1080}}) {
            String at = wh[0] + "x" + wh[1];
            size(robot, wh[0], wh[1]);
            assertReadable("presenter " + at);
            snapshot(stage, "layout-presenter-" + at);
            robot.interact(() -> view.openLesson(Lesson.builtIn()));
            int screens = view.lessons.lesson.get().steps().size();
            for (int i = 0; i < screens; i++) {
                WaitForAsyncUtils.waitForFxEvents();
                WaitForAsyncUtils.sleep(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                assertReadable("lesson screen " + (i + 1) + " " + at);
                // nothing in the lesson's column is cut: Back, Next, the action, the key hint, the controls' labels
                for (Node n : view.lessonView.lookupAll("*")) {
                    if (n instanceof Labeled b && WindowTests.shownInScene(b) && b.getText() != null && !b.getText().isBlank()) {
                        Node text = b.lookup(".text");
                        assertFalse(text instanceof javafx.scene.text.Text t && !t.getText().equals(b.getText()),
                                "lesson screen " + (i + 1) + " " + at + ": '" + b.getText() + "' is cut");
                    }
                }
                snapshot(stage, "layout-lesson-" + (i + 1) + "-" + at);
                robot.interact(view.lessons::next);
            }
            robot.interact(view.lessons::close);
        }
        // focus mode: key 2 fills the stage with the second panel on screen, Esc gives the layout back
        robot.interact(() -> view.presenter.requestFocus());
        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(view.panels.get("loss"), view.focused());
        long inGrid = view.panels.values().stream().filter(p -> p.getParent() != null).count();
        assertEquals(1, inGrid, "only the focused panel is laid out");
        snapshot(stage, "layout-focus-loss-1920x1080");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view.focused());
        assertEquals(4, view.panels.values().stream().filter(p -> p.getParent() != null).count());
        assertTrue(vm.busyProperty().get() == false, "Esc left focus mode and stopped nothing");
    }
}
