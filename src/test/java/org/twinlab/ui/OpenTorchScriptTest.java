package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinlab.ui.WindowTests.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Open encoder… with a TorchScript file (the committed tiny-encoder.pt, 1 x 28 x 28 -> 8 features): the window
 * probes it on the loaded dataset, offers no run from it, and "Show C" puts C of its two views and its gauges under
 * the result; a damaged file is one line in the notification bar.
 */
class OpenTorchScriptTest extends WindowFixture {
    @Test
    void aTorchScriptFileProbesAndShowsC(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 60, () -> vm.datasetProperty().get() != null);
        Path pt = Files.createTempDirectory("twinlab-torchscript").resolve("tiny-encoder.pt");
        try (var in = getClass().getResourceAsStream("/org/twinlab/export/tiny-encoder.pt")) {
            Files.copy(in, pt);
        }
        robot.interact(() -> window.exports.probe(pt));
        waitFor("the probe of the file", 180, () -> window.exports.last.text().contains("linear top-1"));
        assertTrue(window.exports.last.text().startsWith("The TorchScript encoder tiny-encoder.pt"), window.exports.last.text());
        assertEquals(1, window.exports.last.actions().size(), "Show C only: a run starts from an export's weights");
        Button showC = (Button) window.exports.last.actions().get(0);
        assertEquals("Show C", showC.getText());
        robot.clickOn(showC);
        waitFor("C under the result", 120, () -> !window.exports.last.extras().isEmpty());
        VBox c = (VBox) window.exports.last.extras().get(0);
        ImageView heatmap = (ImageView) c.getChildren().get(0);
        assertEquals(0, (int) heatmap.getImage().getWidth() % 8, "C of the 8 features, each cell a block of whole pixels");
        var reader = heatmap.getImage().getPixelReader();
        int cell = (int) heatmap.getImage().getWidth() / 8;
        assertEquals(reader.getArgb(0, 0), reader.getArgb(cell - 1, cell - 1), "a cell is one colour");
        String gauges = ((Labeled) c.getChildren().get(1)).getText();
        assertTrue(gauges.startsWith("C of the features (8 x 8)") && gauges.contains("effective rank"), gauges);
        var bounds = heatmap.localToScreen(heatmap.getBoundsInLocal());
        assertTrue(bounds.getWidth() >= 300 && bounds.getHeight() >= 300, "shown large: " + bounds);
        WindowTests.snapshot((javafx.stage.Stage) heatmap.getScene().getWindow(), "open-torchscript-show-c");
        robot.interact(() -> window.exports.last.close());

        Path broken = Files.writeString(pt.resolveSibling("broken.pt"), "hello\n");
        robot.interact(() -> window.exports.probe(broken));
        waitFor("a notification", 60, () -> window.notifications.isShowing());
        assertTrue(window.notifications.getText().contains("broken.pt: not a TorchScript file"), window.notifications.getText());
        assertTrue(!window.notifications.getText().contains("\n"), "one line");
    }
}
