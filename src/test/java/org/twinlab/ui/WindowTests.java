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
}
