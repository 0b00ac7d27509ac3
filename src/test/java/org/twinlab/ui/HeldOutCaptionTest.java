package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinlab.ui.WindowTests.waitFor;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinlab.train.Preset;
import org.twinlab.train.Settings;

/** The classroom preset in the workbench: C of its held-out pairs, and the heatmap's title says so. */
class HeldOutCaptionTest extends WindowFixture {
    @Override
    protected void configure() {
        vm.session().probes(false);
    }

    @Test
    void theHeatmapSaysItShowsTheHeldOutPairs(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 60, () -> vm.datasetProperty().get() != null);
        robot.interact(() -> {
            vm.usePreset(Preset.CLASSROOM);
            vm.field(Settings.STEPS).set("12");
            vm.field(Settings.SNAPSHOT_EVERY).set("10");
        });
        waitFor("the preset's dataset", 60, () -> vm.datasetProperty().get() != null && !vm.form().loadingProperty().get());
        robot.interact(vm::start);
        waitFor("C at step 10", 300, () -> vm.live().correlation() != null && vm.live().correlation().step() >= 10);
        assertEquals(1024, vm.live().correlation().pairs());
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // the panels redraw on the window's clock
        WaitForAsyncUtils.waitForFxEvents();
        String title = view.heatmap.titleText();
        assertTrue(title.startsWith("C of 1,024 held-out pairs at step "), title);
        WindowTests.snapshot(stage, "heldout-caption");
    }
}
