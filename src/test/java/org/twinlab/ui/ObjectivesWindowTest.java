package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinlab.ui.WindowTests.snapshot;
import static org.twinlab.ui.WindowTests.waitFor;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinlab.model.Objective;
import org.twinlab.model.ObjectiveKind;
import org.twinlab.train.RunState;
import org.twinlab.train.Settings;
import org.twinlab.util.Choice;

/** Every objective chosen in the window trains a few steps; the loss legend, formula and gauges follow it. */
class ObjectivesWindowTest extends WindowFixture {
    @Override
    protected void configure() {
        vm.session().probes(false); // steps only: the probes are another test's
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachObjectiveRunsAndTheLegendShowsItsTerms(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 60, () -> vm.datasetProperty().get() != null);
        WindowTests.smallRun(robot, vm, 3);
        // IMAX needs fewer features than the batch has images
        robot.interact(() -> vm.field(Settings.PROJECTOR_WIDTH).set("32"));
        ComboBox<Choice> objective = (ComboBox<Choice>) view.config.settings.inputs.get(Settings.OBJECTIVE);
        for (ObjectiveKind k : ObjectiveKind.values()) {
            robot.interact(() -> objective.setValue(k));
            assertEquals(k.key(), vm.field(Settings.OBJECTIVE).get(), "the combo box writes the form");
            assertEquals(!k.usesLambda(), view.config.lambdaField.isDisabled(), k + ": lambda");
            assertEquals(!k.usesTemperature(), view.config.settings.inputs.get(Settings.TEMPERATURE).isDisabled(),
                    k + ": temperature");
            assertEquals("", vm.startBlockedReason().get(), k + " can start");
            LiveRun before = vm.live();
            robot.clickOn(view.start);
            assertTrue(vm.live() != before, k + ": a new run");
            waitFor(k + " to finish its steps", 180, () -> !vm.runningProperty().get() && vm.live().state.get() != null
                    && vm.live().state.get().state().isTerminal());
            assertEquals(RunState.FINISHED, vm.live().state.get().state(), k + ": " + vm.live().state.get().message());
            List<String> legend = new ArrayList<>(List.of("total"));
            k.create().terms().stream().map(Objective.Term::label).forEach(legend::add);
            // the window redraws on its own clock: wait for it to have drawn this run
            // the legend can be drawn a frame before the last step's point: wait for both
            waitFor(k + "'s legend " + legend + " and its 3 steps", 10,
                    () -> view.loss.lastLegend().equals(legend) && view.loss.lastDrawnPoints() == 3);
            assertTrue(Double.isFinite(view.heatmap.rank.shown()) && view.heatmap.rank.shown() >= 1, k + ": effective rank");
            assertTrue(Double.isFinite(view.heatmap.spread.shown()), k + ": spread");
            if (k == ObjectiveKind.COSINE_PREDICTOR || k == ObjectiveKind.IMAX || k == ObjectiveKind.INFONCE) {
                robot.interact(() -> {
                    stage.setWidth(1280);
                    stage.setHeight(800);
                });
                WaitForAsyncUtils.sleep(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                snapshot(stage, "objective-" + k.key() + "-1280x800");
            }
        }
    }
}
