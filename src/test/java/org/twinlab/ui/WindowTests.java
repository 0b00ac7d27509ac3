package org.twinlab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinlab.train.Settings;

/** What the window tests share: waiting with a reason, PNG snapshots, typing, a small fast run's settings. */
final class WindowTests {
    static final Path SNAPSHOTS = Path.of(System.getProperty("twinlab.snapshots", "target/snapshots"));

    private WindowTests() {
    }

    static Path runRoot() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("twinlab.home", "target/twinlab-home"), "runs"));
    }

    static void waitFor(String what, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    static void snapshot(Stage stage, String name) throws Exception {
        Files.createDirectories(SNAPSHOTS);
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(30, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", SNAPSHOTS.resolve(name + ".png").toFile());
    }

    static void type(FxRobot robot, javafx.scene.control.TextField field, String text) {
        // the field may sit below the fold of the scrolling settings column: focus it as Tab would
        robot.interact(() -> {
            field.requestFocus();
            field.setText("");
        });
        robot.write(text);
    }

    /** A run that takes seconds even on a busy laptop: batch 64, projector 64, a fixed number of steps. */
    static void smallRun(FxRobot robot, WorkbenchViewModel vm, int steps) {
        robot.interact(() -> {
            vm.field(Settings.BATCH_SIZE).set("64");
            vm.field(Settings.PROJECTOR_WIDTH).set("64");
            vm.field(Settings.STEPS).set(Integer.toString(steps));
            vm.field(Settings.SNAPSHOT_EVERY).set("1");
            vm.field(Settings.PROBE_EVERY).set("0");
        });
    }

    /** The node's bounds in its scene. */
    static Bounds inScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    /** Whether the node is shown whole inside its window. */
    static boolean inside(Node n) {
        Bounds b = inScene(n);
        javafx.scene.Scene s = n.getScene();
        return b.getMinX() >= -0.5 && b.getMinY() >= -0.5 && b.getMaxX() <= s.getWidth() + 0.5
                && b.getMaxY() <= s.getHeight() + 0.5;
    }

    /**
     * Every text and drawing shown in {@code panel} lies inside the panel (nothing clipped by its bottom or right
     * edge) and no two of its texts overlap; {@code where} names the layout in the message.
     */
    static void assertContentsInside(Node panel, String where) {
        // the panel's own box: its bounds in local grow with whatever of its content overflows it
        Bounds p = panel.localToScene(panel.getLayoutBounds());
        java.util.List<Node> texts = new java.util.ArrayList<>();
        for (Node n : panel.lookupAll("*")) {
            boolean text = n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isBlank();
            boolean drawing = n instanceof javafx.scene.canvas.Canvas;
            if ((!text && !drawing) || !shownInScene(n) || inScene(n).getWidth() <= 0) {
                continue;
            }
            Bounds b = inScene(n);
            org.junit.jupiter.api.Assertions.assertTrue(b.getMinX() >= p.getMinX() - 1 && b.getMinY() >= p.getMinY() - 1
                    && b.getMaxX() <= p.getMaxX() + 1 && b.getMaxY() <= p.getMaxY() + 1,
                    where + ": " + describe(n) + " at " + b + " runs out of its panel " + p);
            if (text) {
                texts.add(n);
            }
        }
        assertApart(texts, where);
    }

    /** No two texts shown in {@code pane} overlap (a scrolling pane: those out of its view too). */
    static void assertNoTextOverlap(Node pane, String where) {
        java.util.List<Node> texts = new java.util.ArrayList<>();
        for (Node n : pane.lookupAll("*")) {
            if (n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isBlank() && shownInScene(n)
                    && inScene(n).getWidth() > 0) {
                texts.add(n);
            }
        }
        assertApart(texts, where);
    }

    private static void assertApart(java.util.List<Node> texts, String where) {
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                Node a = texts.get(i);
                Node b = texts.get(j);
                if (isAncestor(a, b) || isAncestor(b, a)) {
                    continue;
                }
                Bounds x = inScene(a);
                Bounds y = inScene(b);
                boolean overlap = x.getMinX() < y.getMaxX() - 1 && y.getMinX() < x.getMaxX() - 1
                        && x.getMinY() < y.getMaxY() - 1 && y.getMinY() < x.getMaxY() - 1;
                org.junit.jupiter.api.Assertions.assertFalse(overlap, where + ": " + describe(a) + " " + x + " overlaps "
                        + describe(b) + " " + y);
            }
        }
    }

    private static boolean isAncestor(Node a, Node b) {
        for (Node n = b.getParent(); n != null; n = n.getParent()) {
            if (n == a) {
                return true;
            }
        }
        return false;
    }

    /** Visible, with every parent up to the scene (a node in a hidden row is not on screen). */
    static boolean shownInScene(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Node n) {
        return n instanceof javafx.scene.control.Labeled l ? "'" + l.getText() + "'" : n.getClass().getSimpleName();
    }
}
