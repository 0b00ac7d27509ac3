package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinlab.ui.WindowTests.inScene;
import static org.twinlab.ui.WindowTests.inside;
import static org.twinlab.ui.WindowTests.snapshot;
import static org.twinlab.ui.WindowTests.waitFor;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinlab.train.RunState;

/** Presenter mode at 1280x800 and full HD: everything inside the window, the type and the pictures larger. */
class PresenterTest extends WindowFixture {
    private void size(FxRobot robot, int w, int h) {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Toolbar items and the status bar whole inside the window; the panels end above the status bar. */
    private void assertFits(String where) {
        double w = stage.getScene().getWidth();
        double h = stage.getScene().getHeight();
        assertTrue(inside(view.toolbar), where + ": toolbar " + inScene(view.toolbar));
        for (Node item : view.toolbar.getItems()) {
            if (item.isVisible() && item.isManaged() && !(item instanceof javafx.scene.layout.Pane)) {
                assertTrue(item.getParent() != null && inside(item), where + ": " + describe(item) + " at " + inScene(item));
                if (item instanceof Labeled l && !(item == view.blocked)) {
                    assertFalse(l.getText().isEmpty() || isCut(l), where + ": " + l.getText() + " is cut");
                }
            }
        }
        if (view.config.isVisible()) {
            WindowTests.assertNoTextOverlap(view.config, where + ", the settings column");
        }
        assertTrue(inside(view.statusBar), where + ": status bar " + inScene(view.statusBar) + " in " + w + "x" + h);
        assertTrue(view.statusBar.getHeight() < 3 * view.fontSize() + 12, where + ": status bar on one line");
        for (Node n : new Node[] {view.progressText, view.stepText}) {
            assertTrue(inside(n), where + ": " + describe(n));
        }
        for (Node p : view.panels.values()) {
            if (p.getParent() != null && p.isVisible()) {
                assertTrue(inScene(p).getMaxY() <= inScene(view.statusBar).getMinY() + 0.5,
                        where + ": a panel runs under the status bar: " + inScene(p));
                assertTrue(inScene(p).getMaxX() <= w + 0.5, where + ": a panel runs off the right edge: " + inScene(p));
                WindowTests.assertContentsInside(p, where);
            }
        }
    }

    /** The tabs down the left edge end above the side buttons under them. */
    private void assertSideStripFits(String where) {
        double tabsEnd = 0;
        for (Node n : window.tabs.lookupAll(".tab-label")) {
            if (n instanceof Labeled l && l.getText() != null && l.getText().equals("Sweep")) {
                tabsEnd = inScene(l).getMaxY();
            }
        }
        double buttons = inScene(window.exportButton).getMinY();
        assertTrue(tabsEnd > 0 && tabsEnd <= buttons, where + ": the Sweep tab ends at " + tabsEnd + ", the side buttons begin at " + buttons);
    }

    /** The type size of the window's tab named {@code name}. */
    private double tabFont(String name) {
        for (Node n : window.tabs.lookupAll(".tab-label")) {
            if (n instanceof Labeled l && name.equals(l.getText())) {
                return l.getFont().getSize();
            }
        }
        throw new AssertionError("no tab " + name);
    }

    private static boolean isCut(Labeled l) {
        Node text = l.lookup(".text");
        return text instanceof javafx.scene.text.Text t && !t.getText().equals(l.getText());
    }

    private static String describe(Node n) {
        return n instanceof Labeled l ? "'" + l.getText() + "'" : n.toString();
    }

    @Test
    void presenterModeFitsAt1280x800AndFullHdAndEnlargesEverything(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 60, () -> vm.datasetProperty().get() != null);
        WindowTests.smallRun(robot, vm, 6);
        robot.interact(() -> vm.field(org.twinlab.train.Settings.PROBE_EVERY).set("0"));
        robot.clickOn(view.start);
        waitFor("the run to finish, with its final probe", 300, () -> vm.live().state.get() != null
                && vm.live().state.get().state() == RunState.FINISHED && !vm.runningProperty().get());
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);

        size(robot, 1280, 800);
        assertFits("1280x800");
        double font = view.start.getFont().getSize();
        double heat = view.heatmap.imageView().getFitWidth();
        snapshot(stage, "window-1280x800");
        robot.interact(() -> view.presenter.setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        snapshot(stage, "presenter-1280x800");
        assertTrue(view.start.getFont().getSize() >= 1.3 * font, "presenter mode enlarges the type");
        assertTrue(tabFont("Runs") >= 1.3 * font, "and the tabs down the left edge: " + tabFont("Runs"));
        assertSideStripFits("1280x800, presenter");
        assertFalse(view.settingsShown.isSelected(), "the settings column makes way for the panels");
        assertTrue(view.heatmap.imageView().getFitWidth() >= heat, "and C does not shrink: "
                + view.heatmap.imageView().getFitWidth() + " < " + heat);
        assertFits("1280x800, presenter");

        robot.interact(() -> view.settingsShown.setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertFits("1280x800, presenter, settings shown");
        snapshot(stage, "presenter-1280x800-settings");
        robot.interact(() -> view.settingsShown.setSelected(false));

        size(robot, 1920, 1080);
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        snapshot(stage, "presenter-1920x1080");
        double fullHdFont = view.start.getFont().getSize();
        assertTrue(fullHdFont > 1.2 * 18, "at full HD the type grows with the window: " + fullHdFont);
        assertFits("1920x1080, presenter");
        assertSideStripFits("1920x1080, presenter");
        assertTrue(view.heatmap.imageView().getFitWidth() > 1.3 * heat, "C is large on a projector: "
                + view.heatmap.imageView().getFitWidth());
        robot.interact(() -> view.presenter.setSelected(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(13, view.start.getFont().getSize(), 0.01, "and back");
        assertEquals(13, tabFont("Runs"), 0.01, "the tabs too");
        assertTrue(view.settingsShown.isSelected());
        assertFits("1920x1080");
        snapshot(stage, "window-1920x1080");
    }
}
