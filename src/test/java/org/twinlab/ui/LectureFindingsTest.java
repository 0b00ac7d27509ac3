package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.junit.jupiter.api.Test;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.lesson.Lesson;
import org.twinlab.lesson.LessonStep;
import org.twinlab.model.ObjectiveKind;
import org.twinlab.runs.SweepAxis;
import org.twinlab.runs.SweepResults;
import org.twinlab.runs.SweepSpec;
import org.twinlab.train.Preset;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;

/** The smaller findings of the lecture-hall walk that need no window: each fails if its fix goes. */
class LectureFindingsTest {
    /** An executor that keeps the work until the test finishes it, in the order the test chooses. */
    static final class HeldTasks implements TaskExecutor {
        record Held<T>(Callable<T> work, Consumer<T> done) {
            void finish() throws Exception {
                done.accept(work.call());
            }
        }

        final List<Held<?>> held = new ArrayList<>();

        @Override
        public <T> Task<T> submit(String name, Callable<T> work, Consumer<T> done, Consumer<String> failed) {
            held.add(new Held<>(work, done));
            return null;
        }

        @Override
        public void shutdown() {
        }
    }

    @Test
    void timeLeftReadsAsASpanNotAClock() {
        assertEquals("16 min 19 s left", StatusBarModel.timeLeft(979));
        assertEquals("42 s left", StatusBarModel.timeLeft(42));
        assertEquals("1 h 5 min left", StatusBarModel.timeLeft(3900));
    }

    @Test
    void everyBadFieldIsMarkedNotOnlyTheFirst() {
        SettingsForm form = new SettingsForm(new HeldTasks(), null);
        form.field(Settings.LAMBDA).set("abc");
        form.field(Settings.BATCH_SIZE).set("0");
        assertNotNull(form.problemFor(Settings.LAMBDA.key()), "λ is marked");
        assertNotNull(form.problemFor(Settings.BATCH_SIZE.key()), "and the batch as well");
    }

    @Test
    void aDatasetLoadThatANewerOneReplacedNeverWins() throws Exception {
        HeldTasks tasks = new HeldTasks();
        SettingsForm form = new SettingsForm(tasks, null);
        form.loadDataset(DatasetCatalog.SAMPLE);
        form.loadDataset(DatasetCatalog.SHAPES);
        tasks.held.get(1).finish(); // the newer ends first ...
        tasks.held.get(0).finish(); // ... and the older, slower one after it
        Dataset d = form.datasetProperty().get();
        assertEquals(DatasetCatalog.SHAPES, d.name(), "the dataset asked for last is the one loaded");
        assertEquals(DatasetCatalog.SHAPES, form.datasetName.get());
        assertFalse(form.loadingProperty().get());
    }

    @Test
    void enteringALessonScreenSendsNothingToTheRun() {
        SettingsForm form = new SettingsForm(new HeldTasks(), null);
        List<String> sent = new ArrayList<>();
        form.onLiveChange((s, text) -> sent.add(s.key() + "=" + text));
        form.setQuietly(Settings.LAMBDA, "0.0051");
        assertTrue(sent.isEmpty(), "a screen's settings are for its own run");
        form.field(Settings.LAMBDA).set("0");
        assertEquals(List.of("lambda=0"), sent, "a λ typed (or set by an action) reaches the run");
    }

    @Test
    void lessonAndPanelFormulasUseRealSubscripts() {
        for (LessonStep s : Lesson.builtIn().steps()) {
            if (s.formula() != null) {
                assertFalse(s.formula().contains("_"), s.title() + ": " + s.formula());
            }
        }
        for (ObjectiveKind k : ObjectiveKind.values()) {
            assertFalse(ObjectiveHelp.formula(k).contains("_"), k + ": " + ObjectiveHelp.formula(k));
        }
    }

    @Test
    void sweepingStepsKeepsOneStepsColumn() {
        SweepSpec spec = SweepSpec.grid(TrainConfig.defaults(), List.of(new SweepAxis.Values("steps", List.of("10", "20"))));
        var table = SweepResults.of(spec, spec.runs(), Map.of());
        assertEquals(1, table.columnNames().stream().filter("steps"::equals).count(), table.columnNames().toString());
    }

    @Test
    void theClassroomPresetIsAValidRunOnTheSample() {
        TrainConfig c = Preset.CLASSROOM.config();
        assertEquals(DatasetCatalog.SAMPLE, c.dataset());
        assertNotNull(c.augment(), "crop-and-flip views, not the full recipe");
        assertSame(Preset.CLASSROOM, Preset.parse("classroom"));
        assertTrue(c.problems().isEmpty(), c.problems().toString());
    }

    @Test
    void aFolderGivenAsTheDatasetSaysWhatItHolds() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("twinlab-survey");
        for (String c : List.of("boots", "shirts")) {
            java.nio.file.Path d = java.nio.file.Files.createDirectories(dir.resolve(c));
            for (int i = 0; i < (c.equals("boots") ? 3 : 2); i++) {
                javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                        "png", d.resolve(i + ".png").toFile());
            }
        }
        java.nio.file.Files.writeString(dir.resolve("shirts/notes.txt"), "x");
        java.nio.file.Files.writeString(dir.resolve("stray.log"), "x");
        java.nio.file.Files.createDirectories(dir.resolve("cache"));
        var s = org.twinlab.data.ImageFolderReader.survey(dir);
        assertEquals("an image folder of 2 classes (boots 3, shirts 2 images); left out: 2 files that are not images, "
                + "1 folder without images", s.describe());
    }
}
