package org.twinlab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** What the window's tests share: waiting for a condition with a readable failure, and PNG snapshots for a reviewer. */
final class FxTests {
    static final Path SNAPSHOTS = Path.of(System.getProperty("twinlab.snapshots", "target/snapshots"));

    private FxTests() {
    }

    static void waitFor(String what, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** The stage's scene as {@code target/snapshots/NAME.png}. */
    static void snapshot(Stage stage, String name) throws Exception {
        Files.createDirectories(SNAPSHOTS);
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(30, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", SNAPSHOTS.resolve(name + ".png").toFile());
    }
}
