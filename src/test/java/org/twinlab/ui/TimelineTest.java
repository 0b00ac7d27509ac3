package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinlab.ui.WindowTests.inScene;
import static org.twinlab.ui.WindowTests.inside;
import static org.twinlab.ui.WindowTests.snapshot;
import static org.twinlab.ui.WindowTests.waitFor;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinlab.data.Dataset;
import org.twinlab.runs.RunHistory;
import org.twinlab.runs.RunSession;
import org.twinlab.train.RunState;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;

/** C's timeline: a past run scrubbed, stepped and played, the plots marking the step; a live run pinned mid-run. */
class TimelineTest extends WindowFixture {
    private void size(FxRobot robot, int w, int h) {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aPastRunIsScrubbedSteppedAndPlayedAndThePlotsMarkTheStep(FxRobot robot) throws Exception {
        Dataset data = TestRuns.sampleSubset(640, 200);
        TrainConfig.Builder b = TestRuns.small(30).toBuilder();
        b.dataset = data.name();
        b.projectorWidth = 32;
        b.snapshotEvery = 3;
        b.name = "timeline";
        Path dir = Path.of(RunSession.create(runRoot(), b.build(), data, "test").probes(false).run().runFolder());
        LiveRun live = new LiveRun();
        RunReplay.into(live, RunHistory.load(dir), true);
        robot.interact(() -> vm.showPast(new PastRun(RunHistory.read(dir), live)));
        CorrelationTimeline t = view.heatmap.timeline;
        waitFor("the timeline of the past run", 30, () -> t.isVisible() && view.heatmap.shown() != null);
        assertEquals(10, t.slider.getMax(), 0, "11 snapshots: step 1, then every 3rd to 30");
        assertEquals(30, view.heatmap.shown().step(), "a past run opens at its end");
        assertTrue(Double.isNaN(view.loss.marked()), "following: no mark");

        robot.interact(() -> t.slider.setValue(0));
        assertEquals(1, view.heatmap.shown().step());
        assertTrue(view.heatmap.titleText().contains("step 1"), view.heatmap.titleText());
        assertEquals(1, view.loss.marked(), 0);
        assertEquals(1, view.heatmap.rank.marked(), 0);
        assertEquals(1.0 / 10, view.probe.marked(), 1e-9, "the probe plot marks the epoch (10 steps an epoch)");

        robot.interact(() -> t.slider.requestFocus());
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, view.heatmap.shown().step(), "the arrow key steps one snapshot");
        assertEquals(3, view.loss.marked(), 0);

        robot.interact(() -> t.slider.setValue(5));
        double firstDiag = RunHistory.correlationHistory(dir).snapshots().get(0).meanDiagonal();
        assertTrue(view.heatmap.shown().meanDiagonal() != firstDiag, "another snapshot, another C");
        size(robot, 1280, 800);
        robot.interact(() -> view.presenter.setSelected(true));
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        assertTrue(inside(t.slider) && inside(t.where) && inside(t.latest), "the timeline fits: " + inScene(t));
        snapshot(stage, "timeline-presenter-1280x800");
        size(robot, 1920, 1080);
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        assertTrue(inside(t.slider) && inside(t.where) && inside(t.latest), "the timeline fits: " + inScene(t));
        snapshot(stage, "timeline-presenter-1920x1080");
        assertEquals(15, view.heatmap.shown().step(), "a resize keeps the snapshot");

        robot.interact(() -> {
            t.speed.setValue(20);
            t.play.fire();
        });
        waitFor("the movie to play to the end", 20, () -> !t.isPlaying());
        assertEquals(30, view.heatmap.shown().step(), "played to the last snapshot");
        assertEquals(30, view.loss.marked(), 0);
        robot.interact(() -> t.latest.fire());
        assertTrue(Double.isNaN(view.loss.marked()) && Double.isNaN(view.probe.marked()), "Latest: the marks go");
        robot.interact(() -> view.presenter.setSelected(false));

        // Movie of C…: the same frames as twinlab movie, off the FX thread
        Path gif = dir.resolveSibling("timeline-C.gif");
        robot.interact(() -> window.exports.movie(dir, gif));
        waitFor("the movie", 120, () -> window.exports.last.text().startsWith("Wrote"));
        assertTrue(window.exports.last.text().contains("11 frames of C, steps 1 to 30"), window.exports.last.text());
        robot.interact(() -> window.exports.last.close());
        try (var in = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
            var r = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            assertEquals(11, r.getNumImages(true), "a frame per snapshot");
        }
        java.nio.file.Files.delete(gif);
    }

    @Test
    void aLiveRunPinnedToAnEarlySnapshotKeepsItUntilLatest(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 60, () -> vm.datasetProperty().get() != null);
        WindowTests.smallRun(robot, vm, 40);
        robot.clickOn(view.start);
        CorrelationTimeline t = view.heatmap.timeline;
        waitFor("a few snapshots", 240, () -> vm.live().snapshotStep.size() >= 4 && t.isVisible());
        // the slider follows the run on the window's clock and may still sit at 1: a drag there from 0 always moves it
        robot.interact(() -> {
            t.slider.setValue(0);
            t.slider.setValue(1);
        });
        assertEquals(2, view.heatmap.shown().step(), "snapshots every step: the second is step 2");
        int now = vm.live().snapshotStep.size();
        waitFor("more snapshots", 240, () -> vm.live().snapshotStep.size() >= now + 3);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(2, view.heatmap.shown().step(), "pinned: the live C waits");
        assertEquals(2, view.loss.marked(), 0);
        assertTrue(t.slider.getMax() >= now + 2, "the slider grows with the run: " + t.slider.getMax());
        robot.interact(() -> t.latest.fire());
        waitFor("the run to finish", 300, () -> vm.live().state.get() != null
                && vm.live().state.get().state() == RunState.FINISHED && !vm.runningProperty().get());
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        assertEquals(40, view.heatmap.shown().step(), "following again: the last C");
        assertFalse(t.pinned());
        assertEquals("40/40", t.where.getText(), "every snapshot counted, the latest shown");
        assertTrue(inScene(t).getMaxX() <= inScene(view.heatmap.rank).getMinX() + 0.5,
                "the timeline stays left of the gauges: " + inScene(t) + " " + inScene(view.heatmap.rank));
        snapshot(stage, "timeline-live-ended");
    }
}
