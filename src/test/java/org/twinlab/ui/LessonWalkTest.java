package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinlab.ui.WindowTests.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinlab.lesson.Lesson;
import org.twinlab.lesson.LessonAction;
import org.twinlab.lesson.LessonStep;
import org.twinlab.model.ObjectiveKind;
import org.twinlab.train.Setting;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainingEvent;

/**
 * The built-in lesson walked as a lecturer walks it: each screen's button pressed while the run before still
 * trains, Stop never pressed. Each screen must do its own work: the run it continues or the new one it starts
 * under its own name, with its own settings; entering a screen never changes the run that goes. The lesson's
 * sizes and step counts are scaled down (batch 32, D 16, a third of the steps; the walk waits for fewer) so it takes a minute.
 */
class LessonWalkTest extends WindowFixture {
    /** The built-in lesson, smaller: the same screens and actions, fewer steps of a smaller model. */
    static Lesson scaled(Lesson l) {
        Map<Setting<?>, String> settings = new LinkedHashMap<>(l.settings());
        settings.put(Settings.BATCH_SIZE, "32");
        settings.put(Settings.PROJECTOR_WIDTH, "16");
        settings.put(Settings.STEPS, "2000"); // no run ends by itself during the walk
        settings.put(Settings.SNAPSHOT_EVERY, "2");
        settings.put(Settings.PROBE_EVERY, "0");
        List<LessonStep> steps = new ArrayList<>();
        for (LessonStep s : l.steps()) {
            List<LessonAction> actions = new ArrayList<>();
            for (LessonAction a : s.actions()) {
                actions.add(a instanceof LessonAction.Train t && t.until() == null
                        ? new LessonAction.Train(Math.max(20, t.steps() / 3), null) : a);
            }
            steps.add(new LessonStep(s.title(), s.text(), s.formula(), s.settings(), s.controls(), s.panels(), actions));
        }
        return new Lesson(l.title(), l.origin(), settings, steps);
    }

    @Override
    protected void configure() {
        vm.session().probes(false); // steps and C only: the probes are other tests'
    }

    private int lastStep() {
        TrainingEvent.Step s = vm.session().live().lastStep();
        return s == null ? 0 : s.step();
    }

    private TrainingEvent.Started started() {
        return vm.session().live().started.get();
    }

    @Test
    void everyScreenStandsAloneWithoutStop(FxRobot robot) throws Exception {
        waitFor("the sample dataset", 60, () -> vm.datasetProperty().get() != null);
        Lesson lesson = scaled(Lesson.builtIn());
        robot.interact(() -> view.openLesson(lesson));
        robot.interact(() -> view.lessonView.action.fire()); // screen 1: views

        // screen 2: clean panels, then one step of a new run named after the lesson's screen
        robot.interact(view.lessons::next);
        assertNull(vm.live().correlation(), "screen 2 opens on clean panels");
        robot.interact(() -> view.lessonView.action.fire());
        waitFor("C after one step", 300, () -> vm.live().correlation() != null && vm.live().correlation().step() == 1);
        assertEquals("Barlow Twins, screen 2: C before training", started().config().name());
        LiveRun screen2 = vm.session().live();

        // screen 3: trains on screen 2's run until the diagonal passes 0.9; pressed on while it trains
        robot.interact(view.lessons::next);
        robot.interact(() -> view.lessonView.action.fire());
        waitFor("screen 3's run to train", 300, () -> lastStep() >= 8);
        assertTrue(vm.session().live() == screen2, "screen 3 continues screen 2's run");
        Path runA = vm.session().runFolder();

        // screen 4: λ to 0 on that run, which goes on training
        robot.interact(view.lessons::next);
        robot.interact(() -> view.lessonView.action.fire());
        int lambdaAt = lastStep();
        waitFor("screen 4's steps at λ 0", 300, () -> {
            TrainingEvent.Step s = vm.session().live().lastStep();
            return s != null && s.lambda() == 0 && s.step() >= lambdaAt + 12;
        });
        assertTrue(vm.session().live() == screen2, "screen 4 continues the same run");
        int changes = vm.session().live().changes.size();

        // screen 5: entering it changes nothing of the run that trains (the form gets λ 0.0051 for its own run)
        robot.interact(view.lessons::next);
        assertEquals("0.0051", vm.field(Settings.LAMBDA).get());
        assertEquals(changes, vm.session().live().changes.size(), "entering screen 5 sent nothing to the run");
        assertNull(vm.live().correlation(), "screen 5 opens on clean panels");
        robot.interact(() -> view.lessonView.action.fire());
        waitFor("screen 5's own run", 300, () -> vm.session().live() != screen2 && started() != null && lastStep() >= 5);
        assertEquals(ObjectiveKind.REDUNDANCY_ONLY, started().config().objective());
        assertEquals("Barlow Twins, screen 5: Only the redundancy term", started().config().name());
        assertNotEquals(runA, vm.session().runFolder(), "a new run folder");
        assertTrue(view.lessons.status.get().startsWith("Stopped screen 2's run at step"), view.lessons.status.get());
        assertRankFell(runA, lambdaAt);
        LiveRun screen5 = vm.session().live();

        // screen 6: the race, pressed while screen 5's run trains: it stops that run (saying so) and races Barlow
        // Twins against only the invariance term, two linked run folders, both training, both paused by "train N steps"
        robot.interact(view.lessons::next);
        robot.interact(() -> view.lessonView.action.fire());
        waitFor("screen 6's race", 300, () -> vm.race() != null && vm.race().first() != screen5
                && vm.race().first().lastStep() != null && vm.race().second().lastStep() != null);
        LiveRace race = vm.race();
        assertEquals(List.of("barlow-twins", "invariance-only"), race.labels());
        assertEquals("Barlow Twins, screen 6: Race: the whole loss against only the invariance term",
                race.first().started.get().config().name());
        assertEquals(ObjectiveKind.INVARIANCE_ONLY, race.second().started.get().config().objective());
        assertEquals(ObjectiveKind.BARLOW_TWINS, race.first().started.get().config().objective());
        assertTrue(view.lessons.status.get().startsWith("Stopped screen 5's run at step")
                && view.lessons.status.get().contains("this screen's race started."), view.lessons.status.get());
        List<Path> raced = vm.session().runFolders();
        assertEquals(2, raced.size());
        assertEquals(org.twinlab.runs.RunRace.link(raced.get(0)).id(), org.twinlab.runs.RunRace.link(raced.get(1)).id());
        // "train 150 steps" (scaled: 50) pauses both at the first run's step 50
        waitFor("the race to pause after its steps", 400, () -> vm.pausedProperty().get());
        WaitForAsyncUtils.sleep(1500, java.util.concurrent.TimeUnit.MILLISECONDS);
        int[] held = {race.first().lastStep().step(), race.second().lastStep().step()};
        assertEquals(50, held[0], "the first run paused at its 50th step");
        WaitForAsyncUtils.sleep(1500, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertEquals(held[0], race.first().lastStep().step());
        assertEquals(held[1], race.second().lastStep().step(), "the second paused with it");
        LiveRun screen6race = vm.session().live();

        // screen 7: cosine twins, pressed while screen 6's race is paused; it collapses
        robot.interact(view.lessons::next);
        robot.interact(() -> view.lessonView.action.fire());
        waitFor("screen 7's own run", 300, () -> vm.session().live() != screen6race && started() != null);
        assertEquals(ObjectiveKind.COSINE, started().config().objective());
        assertTrue(vm.race() == null, "a single run's panels again");
        LiveRun screen6 = vm.session().live();
        waitFor("screen 7's first C", 300, () -> screen6.correlation() != null);
        double rankAtStart = screen6.correlation().effectiveRank();
        // collapsing: the features fall onto fewer directions (measured at this scale: 4.4 at step 1, 2.6 by step 38)
        waitFor("screen 7's run to collapse", 400, () -> {
            TrainingEvent.Correlation c = screen6.correlation();
            return c != null && c.effectiveRank() < 0.7 * rankAtStart;
        });

        // screen 8: a new Barlow Twins run starts, screen 7's still training
        robot.interact(view.lessons::next);
        robot.interact(() -> view.lessonView.action.fire());
        waitFor("screen 8's run", 300, () -> vm.session().live() != screen6 && lastStep() >= 1);
        assertEquals(ObjectiveKind.BARLOW_TWINS, started().config().objective());
        assertEquals("Barlow Twins, screen 8: Batch size and projector width", started().config().name());
        assertNotSame(screen6, vm.live(), "the panels show screen 8's run");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Screen 4's part of the run (from the step λ went to 0): its effective rank falls. */
    private static void assertRankFell(Path run, int from) throws Exception {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("diagnostics.csv"))) {
            if (line.startsWith("step")) {
                continue;
            }
            String[] f = line.split(",");
            if (Integer.parseInt(f[0]) >= from) {
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[3])});
            }
        }
        assertTrue(rows.size() >= 5, "snapshots after λ went to 0: " + rows.size());
        double first = rows.get(0)[1];
        double last = rows.get(rows.size() - 1)[1];
        assertTrue(last < first * 0.9, "effective rank at λ 0 fell from " + first + " to " + last);
    }
}
