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
            Map<Setting<?>, String> own = new LinkedHashMap<>(s.settings());
            if (s.preset() != null) {
                // a preset screen's run starts from the preset, not the lesson's settings: scaled on the screen itself
                for (Setting<?> k : List.of(Settings.BATCH_SIZE, Settings.PROJECTOR_WIDTH, Settings.STEPS,
                        Settings.SNAPSHOT_EVERY, Settings.PROBE_EVERY)) {
                    own.put(k, settings.get(k));
                }
                // the batch's C: at this scale "train until" pauses by step ~15, before the inference-mode BatchNorm
                // statistics of a held-out C have settled (its effective rank still rises then, screen 4 could not
                // show it falling); HeldOutPairsTest covers the held-out C
                own.put(Settings.SNAPSHOT_PAIRS, "0");
                // the preset's 0.3-epoch warm-up is 75 steps at batch 32: screen 4's λ 0 would act at a small rate
                own.put(Settings.WARMUP_EPOCHS, "0.04");
                own.putAll(s.settings());
            }
            steps.add(new LessonStep(s.title(), s.text(), s.formula(), own, s.controls(), s.panels(), actions,
                    s.preset()));
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

    private boolean paused() {
        TrainingEvent.State st = vm.session().live().state.get();
        return st != null && st.state() == org.twinlab.train.RunState.PAUSED;
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

        // screen 3: its own run from the classroom preset (the views and structure settings too), screen 2's run
        // still training; C of the fixed held-out pairs
        robot.interact(view.lessons::next);
        assertEquals(Settings.LAMBDA.format(org.twinlab.train.Preset.CLASSROOM.config().lambda()),
                vm.field(Settings.LAMBDA).get(), "the preset's λ in the form");
        assertEquals(1, screen2.lastStep() == null ? 1 : screen2.lastStep().step(), "entering screen 3 changed nothing");
        robot.interact(() -> view.lessonView.action.fire());
        // 40 steps: C of the held-out pairs is in inference mode, whose BatchNorm statistics need some steps to settle
        // (before that its effective rank is near 1 and screen 4 could not show it falling)
        // (or until the screen's "train until" pauses it)
        waitFor("screen 3's own run to train", 300, () -> vm.session().live() != screen2 && started() != null
                && (lastStep() >= 40 || paused()));
        org.twinlab.train.TrainConfig classroom = org.twinlab.train.Preset.CLASSROOM.config();
        org.twinlab.train.TrainConfig three = started().config();
        assertEquals("Barlow Twins, screen 3: Train: C becomes the identity", three.name());
        assertEquals(classroom.augment(), three.augment(), "the preset's views (crop and flip)");
        assertEquals(classroom.lambda(), three.lambda());
        assertEquals(classroom.learningRate(), three.learningRate());
        assertEquals(0.04, three.warmupEpochs(), "the test's shorter warm-up, on the screen's own settings");
        assertEquals(classroom.schedule(), three.schedule());
        assertEquals(16, three.projectorWidth(), "the test's scale on the screen's own settings");
        assertEquals(0, three.snapshotPairs(), "the test's own setting (the preset's is 1,024)");
        assertEquals(1024, classroom.snapshotPairs());
        // the note says screen 2's run was stopped, unless the screen's "train until" has already paused its own run
        String said = view.lessons.status.get();
        assertTrue(said.startsWith("Stopped screen 2's run at step") || said.startsWith("Paused at step"), said);
        waitFor("screen 2's run stopped", 60, () -> screen2.state.get() != null && screen2.state.get().state().isTerminal());
        waitFor("screen 3's C", 300, () -> vm.live().correlation() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.heatmap.titleText().startsWith("C of this step's batch at step"), view.heatmap.titleText());
        LiveRun screen3 = vm.session().live();
        Path runA = vm.session().runFolder();

        // screen 4: λ to 0 on that run, which goes on training
        robot.interact(view.lessons::next);
        robot.interact(() -> view.lessonView.action.fire());
        int lambdaAt = lastStep();
        waitFor("screen 4's steps at λ 0", 300, () -> {
            TrainingEvent.Step s = vm.session().live().lastStep();
            return s != null && s.lambda() == 0 && s.step() >= lambdaAt + 30;
        });
        assertTrue(vm.session().live() == screen3, "screen 4 continues screen 3's run");
        int changes = vm.session().live().changes.size();

        // screen 5: entering it changes nothing of the run that trains (the form gets λ 0.0051 for its own run)
        robot.interact(view.lessons::next);
        assertEquals("0.0051", vm.field(Settings.LAMBDA).get());
        assertEquals(changes, vm.session().live().changes.size(), "entering screen 5 sent nothing to the run");
        assertNull(vm.live().correlation(), "screen 5 opens on clean panels");
        robot.interact(() -> view.lessonView.action.fire());
        waitFor("screen 5's own run", 300, () -> vm.session().live() != screen3 && started() != null && lastStep() >= 5);
        assertEquals(ObjectiveKind.REDUNDANCY_ONLY, started().config().objective());
        assertEquals("Barlow Twins, screen 5: Only the redundancy term", started().config().name());
        assertNotEquals(runA, vm.session().runFolder(), "a new run folder");
        assertTrue(view.lessons.status.get().startsWith("Stopped screen 3's run at step"), view.lessons.status.get());
        assertEquals(screen2.started.get().config().augment(), started().config().augment(),
                "screen 5 is back to the lesson's own views, not the preset's");
        assertEquals(0, started().config().snapshotPairs());
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
