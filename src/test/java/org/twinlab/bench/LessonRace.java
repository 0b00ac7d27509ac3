package org.twinlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.lesson.Lesson;
import org.twinlab.lesson.LessonAction;
import org.twinlab.lesson.LessonStep;
import org.twinlab.runs.CsvFile;
import org.twinlab.runs.RunFolder;
import org.twinlab.runs.RunRace;
import org.twinlab.runs.RunSession;
import org.twinlab.train.Setting;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;

/**
 * What the built-in lesson's race screen shows at the lesson's own settings (not the tests' scaled-down ones): the
 * race its action starts, trained for STEPS steps without probes, and each run's C gauges at its snapshots, so the
 * screen's text ("watch its effective rank fall") is checked against a real run. Not a test: run by hand with
 * {@code java -cp target/test-classes:target/classes:$(cat target/classpath.txt) org.twinlab.bench.LessonRace STEPS}.
 */
public final class LessonRace {
    private LessonRace() {
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        Lesson lesson = Lesson.builtIn();
        int screen = -1;
        for (int i = 0; i < lesson.steps().size(); i++) {
            if (lesson.steps().get(i).actions().get(0) instanceof LessonAction.Race) {
                screen = i;
            }
        }
        LessonStep s = lesson.steps().get(screen);
        Map<Setting<?>, String> settings = new LinkedHashMap<>(lesson.settings());
        for (int k = 0; k <= screen; k++) {
            settings.putAll(lesson.steps().get(k).settings());
        }
        TrainConfig.Builder b = Settings.apply(TrainConfig.defaults(), settings).toBuilder();
        b.steps = steps;
        b.name = "lesson race";
        TrainConfig first = b.build();
        TrainConfig second = RunRace.second(first, ((LessonAction.Race) s.actions().get(0)).changes());
        Dataset data = DatasetCatalog.open(first.dataset());
        Path root = Files.createTempDirectory("twinlab-lesson-race");
        RunRace race = RunRace.create(root, first, second, data, "benchmark").probes(false);
        long t0 = System.nanoTime();
        race.run();
        System.out.printf(Locale.ROOT, "screen %d \"%s\": %d steps raced in %.1f s%n", screen + 1, s.title(), steps,
                (System.nanoTime() - t0) / 1e9);
        List<String> labels = RunRace.labels(first, second);
        for (int k = 0; k < 2; k++) {
            RunSession run = race.sessions().get(k);
            CsvFile d = CsvFile.read(run.folder().file(RunFolder.DIAGNOSTICS));
            System.out.printf(Locale.ROOT, "%s (D %d, batch %d): step, mean diagonal, mean |off-diagonal|, effective rank%n",
                    labels.get(k), run.config().projectorWidth(), run.config().batchSize());
            for (int i = 0; i < d.size(); i += Math.max(1, d.size() / 6)) {
                print(d, i);
            }
            print(d, d.size() - 1);
        }
    }

    private static void print(CsvFile d, int i) {
        System.out.printf(Locale.ROOT, "  %4.0f  %.3f  %.3f  %.2f%n", d.number(i, "step"), d.number(i, "mean_diagonal"),
                d.number(i, "mean_abs_off_diagonal"), d.number(i, "effective_rank"));
    }
}
