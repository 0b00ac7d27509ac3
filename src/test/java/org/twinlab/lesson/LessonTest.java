package org.twinlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainingEvent;

/** Lesson files: the shipped lesson reads, phrases become actions, and every broken file gets one plain line. */
class LessonTest {

    @Test
    void theBuiltInLessonReadsAndCoversTheLecture() {
        Lesson l = Lesson.builtIn();
        assertTrue(l.steps().size() >= 6, "views, C at init, train, λ=0, redundancy only, batch and width");
        assertEquals("128", l.settings().get(Settings.BATCH_SIZE));
        LessonStep train = l.steps().get(2);
        assertEquals(List.of("heatmap", "loss"), train.panels());
        assertTrue(train.shows("heatmap") && !train.shows("probe"));
        LessonAction.Train t = assertInstanceOf(LessonAction.Train.class, train.actions().get(0));
        assertEquals(Gauge.MEAN_DIAGONAL, t.until().gauge());
        assertEquals("Train until the mean diagonal of C > 0.9", t.describe());
        LessonStep drop = l.steps().get(3);
        assertEquals(new LessonAction.Set(Settings.LAMBDA, "0"), drop.actions().get(0));
        assertEquals(List.of(Settings.LAMBDA), drop.settingControls());
        assertTrue(l.steps().stream().anyMatch(s -> "redundancy-only".equals(s.settings().get(Settings.OBJECTIVE))));
        // the race screen: Barlow Twins against only the invariance term, right after the redundancy term alone
        LessonStep race = l.steps().get(5);
        assertEquals("Only the redundancy term", l.steps().get(4).title());
        assertEquals("barlow-twins", race.settings().get(Settings.OBJECTIVE));
        assertEquals(new LessonAction.Race(java.util.Map.of(Settings.OBJECTIVE, "invariance-only")), race.actions().get(0));
        assertEquals(List.of("heatmap", "loss", "probe"), race.panels());
        assertEquals(org.twinlab.train.Preset.CLASSROOM, train.preset(), "screen 3's run is the classroom preset's");
        assertTrue(l.steps().stream().filter(s -> s != train).allMatch(s -> s.preset() == null));
    }

    @Test
    void aPresetIsNamedAndNeedsARunOfTheScreen() throws Exception {
        assertProblem("{ \"title\": \"x\", \"steps\": [ { \"title\": \"A\", \"text\": \"t\", \"preset\": \"fast\", "
                + "\"action\": \"train\" } ] }", "lesson.json: step 1 (\"A\"), \"preset\": ");
        assertProblem("{ \"title\": \"x\", \"steps\": [ { \"title\": \"A\", \"text\": \"t\", \"preset\": \"classroom\", "
                + "\"action\": \"views\" } ] }", "lesson.json: step 1 (\"A\"): a \"preset\" is for the screen's own run");
    }

    @Test
    void phrasesBecomeActions() {
        assertEquals(new LessonAction.Step(1), LessonAction.parse("step"));
        assertEquals(new LessonAction.Step(5), LessonAction.parse("step 5"));
        assertEquals(new LessonAction.Train(200, null), LessonAction.parse("train 200 steps"));
        assertEquals(new LessonAction.Train(0, null), LessonAction.parse(" train "));
        assertEquals(new LessonAction.Set(Settings.OBJECTIVE, "cosine"), LessonAction.parse("set objective cosine"));
        assertEquals(new LessonAction.Set(Settings.LAMBDA, "0.02"), LessonAction.parse("set lambda 0.020"));
        assertEquals("Set \u03bb to 0", LessonAction.parse("set lambda 0").describe());
        assertEquals(new LessonAction.Race(java.util.Map.of(Settings.LAMBDA, "0")), LessonAction.parse("race lambda 0"));
        LessonAction.Race two = (LessonAction.Race) LessonAction.parse("race objective invariance-only augmentRecipe crop-flip");
        assertEquals(List.of(Settings.OBJECTIVE, Settings.AUGMENT_RECIPE), List.copyOf(two.changes().keySet()));
        assertEquals("Race against objective invariance-only, augmentation recipe crop-flip", two.describe());
        LessonAction.Train u = (LessonAction.Train) LessonAction.parse("train until effectiveRank <= 2");
        assertEquals(new LessonAction.Until(Gauge.EFFECTIVE_RANK, "<=", 2), u.until());
    }

    @Test
    void aConditionIsCheckedAgainstTheEventThatCarriesItsGauge() {
        LessonAction.Until diag = new LessonAction.Until(Gauge.MEAN_DIAGONAL, ">", 0.9);
        TrainingEvent.Correlation low = correlation(0.5);
        TrainingEvent.Correlation high = correlation(0.95);
        assertFalse(diag.reached(low));
        assertTrue(diag.reached(high));
        TrainingEvent.Step step = new TrainingEvent.Step(40, 1, 3.5, new double[] {3, 0.5}, 0, 1e-3, 1, 1, 0, 0);
        assertFalse(diag.reached(step), "a step does not carry C's diagonal");
        assertTrue(new LessonAction.Until(Gauge.STEP, ">=", 40).reached(step));
        assertTrue(new LessonAction.Until(Gauge.LOSS, "<", 4).reached(step));
    }

    private static TrainingEvent.Correlation correlation(double meanDiagonal) {
        return new TrainingEvent.Correlation(10, 2, 2, 1, new float[4], 0, 0, 0, new float[0], meanDiagonal, 0.1,
                new int[0], new int[0], 1.5, 0.5);
    }

    @Test
    void aBrokenLessonGetsOnePlainLineNamingTheFileAndThePlace() throws Exception {
        assertProblem("{ \"title\": \"x\", \"steps\": [ ", "lesson.json: not a lesson file: the JSON breaks at line 1");
        assertProblem("{ \"title\": \"x\" }", "lesson.json: \"steps\" must be a list of at least one step");
        assertProblem("{ \"title\": \"x\", \"steps\": [ { \"title\": \"A\", \"text\": \"t\", \"action\": \"train until foo > 1\" } ] }",
                "lesson.json: step 1 (\"A\"), action \"train until foo > 1\": \"foo\" is not a gauge (gauges are step, epoch,");
        assertProblem("{ \"title\": \"x\", \"steps\": [ { \"title\": \"A\", \"text\": \"t\" }, "
                        + "{ \"title\": \"B\", \"text\": \"t\", \"settings\": { \"lambda\": -1 } } ] }",
                "lesson.json: step 2 (\"B\"), \"settings\": \"lambda\" (lambda) must be a number >= 0, not -1.0");
        assertProblem("{ \"title\": \"x\", \"steps\": [ { \"title\": \"A\", \"text\": \"t\", \"panels\": [\"heatmap\", \"chart\"] } ] }",
                "lesson.json: step 1 (\"A\"), \"panels\": \"chart\" is not a panel (panels are views, heatmap, loss, probe, embeddings)");
        assertProblem("{ \"title\": \"x\", \"steps\": [ { \"title\": \"A\", \"text\": \"t\", \"controls\": [\"lamda\"] } ] }",
                "lesson.json: step 1 (\"A\"), \"controls\": \"lamda\" is not a control");
        assertProblem("{ \"title\": \"x\", \"steps\": [ { \"title\": \"A\", \"txt\": \"t\" } ] }",
                "lesson.json: step 1 (\"A\"): \"txt\" is not a field here (fields are action, controls, formula, panels, preset, settings, text, title)");
        assertProblem("{ \"title\": \"x\", \"steps\": [ { \"title\": \"A\", \"text\": \"t\", \"action\": \"step zero\" } ] }",
                "lesson.json: step 1 (\"A\"), action \"step zero\": \"zero\" is not a number of steps");
        assertProblem("{ \"title\": \"x\", \"steps\": [ { \"title\": \"A\", \"text\": \"t\", \"action\": \"dance\" } ] }",
                "lesson.json: step 1 (\"A\"), action \"dance\": it is none of: views, start, train");
        assertProblem("{ \"title\": \"x\", \"steps\": [ { \"title\": \"A\", \"text\": \"t\", \"action\": \"set batchSize one\" } ] }",
                "lesson.json: step 1 (\"A\"), action \"set batchSize one\": batch size: 'one' is not a whole number");
        assertProblem("{ \"title\": \"x\", \"steps\": [ { \"title\": \"A\", \"text\": \"t\", \"action\": \"race lambda\" } ] }",
                "lesson.json: step 1 (\"A\"), action \"race lambda\": say \"race SETTING VALUE\" (more pairs may follow)");
        assertProblem("{ \"title\": \"x\", \"steps\": [ { \"title\": \"A\", \"text\": \"t\", \"action\": \"race lambda -1\" } ] }",
                "lesson.json: step 1 (\"A\"), action \"race lambda -1\": lambda");
    }

    @Test
    void aMissingFileIsNamed() {
        Path nowhere = Path.of("no-such-dir", "lesson.json");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lesson.read(nowhere));
        assertEquals(nowhere + ": no such lesson file", e.getMessage());
    }

    private static void assertProblem(String text, String start) throws Exception {
        Path f = Files.createTempDirectory("twinlab-lesson").resolve("lesson.json");
        Files.writeString(f, text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lesson.read(f));
        String m = e.getMessage().replace(f.toString(), "lesson.json");
        assertTrue(m.startsWith(start), m);
        assertFalse(m.contains("Exception") || m.contains("gson"), m);
    }
}
