package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The window opens as it was closed: size, place, presenter mode, tab; a damaged file is a first start. */
class WindowStateTest extends WindowFixture {
    @TempDir
    Path dir;

    @Test
    void aMissingOrDamagedFileIsAFirstStart() throws Exception {
        Path f = dir.resolve(WindowState.FILE);
        assertNull(WindowState.load(f));
        Files.writeString(f, "width=wide\nheight=\u0000");
        assertNull(WindowState.load(f));
        Files.createDirectories(dir.resolve("folder").resolve(WindowState.FILE));
        assertNull(WindowState.load(dir.resolve("folder").resolve(WindowState.FILE)));
    }

    @Test
    void savedOnCloseAndPutBackOnOpen(FxRobot robot) throws Exception {
        Path f = dir.resolve("home").resolve(WindowState.FILE);
        robot.interact(() -> {
            WindowState.remember(stage, f, () -> window);
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1100);
            stage.setHeight(700);
            view.presenter.setSelected(true);
            window.tabs.getSelectionModel().select(window.runsTab);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(stage::hide);
        WindowState s = WindowState.load(f);
        assertEquals(new WindowState(40, 30, 1100, 700, false, true, "Runs"), s);

        // the next session: the defaults first, then the saved state applied as WorkbenchApp does
        robot.interact(() -> {
            view.presenter.setSelected(false);
            window.tabs.getSelectionModel().select(window.workbenchTab);
            stage.setWidth(1280);
            stage.setHeight(800);
            s.applyBounds(stage);
            stage.show();
            s.applyContent(window);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1100, stage.getWidth(), 0.5);
        assertEquals(700, stage.getHeight(), 0.5);
        assertEquals(40, stage.getX(), 0.5);
        assertTrue(view.presenter.isSelected());
        assertEquals(window.runsTab, window.tabs.getSelectionModel().getSelectedItem());
    }

    @Test
    void aPlaceNoScreenShowsIsDroppedTheSizeKept(FxRobot robot) {
        WindowState off = WindowState.of(stage, window, new Rectangle2D(50_000, 50_000, 900, 650));
        robot.interact(() -> {
            stage.setX(10);
            stage.setY(10);
            off.applyBounds(stage);
        });
        assertEquals(900, stage.getWidth(), 0.5);
        assertEquals(10, stage.getX(), 0.5);
        assertFalse(stage.isMaximized());
    }
}
