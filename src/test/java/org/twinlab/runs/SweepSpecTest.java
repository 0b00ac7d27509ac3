package org.twinlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.model.ObjectiveKind;
import org.twinlab.train.OptimizerKind;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;

/** Sweep definitions: expansion into runs, the sweep file, and the one-line messages for what is wrong. */
class SweepSpecTest {
    @TempDir
    Path dir;

    private static final TrainConfig BASE = TestRuns.small(4);

    @Test
    void aGridWithSeedsExpandsInAFixedOrderWithNamedFolders() {
        SweepSpec s = SweepSpec.grid(BASE, List.of(SweepAxis.parseSet("lambda=0.001,1e-2"),
                SweepAxis.parseSet("projectorWidth=32,64"))).withSeeds(2);
        List<SweepRun> runs = s.runs();
        assertEquals(8, runs.size());
        assertEquals(8, s.size());
        assertEquals("001-lambda=0.001-projectorWidth=32-seed=0", runs.get(0).name());
        assertEquals("002-lambda=0.001-projectorWidth=64-seed=0", runs.get(1).name());
        assertEquals("003-lambda=0.01-projectorWidth=32-seed=0", runs.get(2).name(), "values in the setting's spelling");
        assertEquals("005-lambda=0.001-projectorWidth=32-seed=1", runs.get(4).name(), "the first seed of every combination first");
        assertEquals(0.01, runs.get(2).config().lambda(), 0);
        assertEquals(64, runs.get(1).config().projectorWidth());
        assertEquals(1, runs.get(4).config().seed());
        assertEquals("test lambda=0.001 projectorWidth=32 seed=0", runs.get(0).config().name(), "the base's name, then the values");
        assertEquals(List.of("lambda", "projectorWidth", "seed"), s.sweptKeys());
        assertEquals(runs, s.runs(), "the same plan every time");
    }

    @Test
    void logRangesAreEvenInLogScaleAndWholeForWholeNumberSettings() {
        assertEquals(List.of("0.0001", "0.000398", "0.00158", "0.00631", "0.0251", "0.1"),
                SweepAxis.parseLogRange("lambda=1e-4:1e-1:6").grid());
        assertEquals(List.of("64", "128", "256", "512", "1024", "2048"),
                SweepAxis.parseLogRange("projectorWidth=64:2048:6").grid());
        assertEquals(List.of("16", "17", "18"), SweepAxis.parseLogRange("projectorWidth=16:18:5").grid(), "rounded, each once");
    }

    @Test
    void randomDrawsAreReproducibleAndLogUniformInsideTheRange() {
        SweepSpec s = SweepSpec.grid(BASE, List.of(SweepAxis.parseLogRange("lambda=1e-4:1e-1:2"),
                SweepAxis.parseSet("optimizer=adam,sgd"))).withRandom(40, 7);
        List<SweepRun> runs = s.runs();
        assertEquals(40, runs.size());
        assertEquals(runs, s.runs());
        int below1e2 = 0;
        for (SweepRun r : runs) {
            double l = r.config().lambda();
            assertTrue(l >= 1e-4 && l <= 0.1, "inside the range: " + l);
            below1e2 += l < 1e-2 ? 1 : 0;
            assertTrue(r.config().optimizer() == OptimizerKind.ADAM || r.config().optimizer() == OptimizerKind.SGD);
        }
        assertTrue(below1e2 > 15, "log-uniform: two thirds of the draws below 1e-2, not a tenth: " + below1e2);
        assertTrue(!runs.equals(s.withRandom(40, 8).runs()), "another draw seed, other draws");
    }

    @Test
    void followingDefaultsFollowTheSweptSetting() {
        TrainConfig lars = TestRuns.small(4).toBuilder().build();
        TrainConfig.Builder b = lars.toBuilder();
        b.optimizer = OptimizerKind.LARS;
        b.learningRate = OptimizerKind.LARS.defaultLearningRate(b.batchSize);
        SweepSpec s = SweepSpec.grid(b.build(), List.of(SweepAxis.parseSet("batchSize=64,128")));
        assertEquals(2 * s.runs().get(0).config().learningRate(), s.runs().get(1).config().learningRate(), 1e-12,
                "LARS's rate follows the batch");
    }

    @Test
    void badKeysAndValuesAreOneLineNamingThem() {
        String[][] cases = {
            {"lamda=0.1", "'lamda' is not a setting"},
            {"lambda=abc", "lambda: 'abc' is not a number"},
            {"lambda=-1", "lambda: must be a number >= 0"},
            {"batchSize=1", "batch size: must be at least 2"},
            {"objective=barlow", "'barlow' is not one of"},
            {"lambda", "expected KEY=V1,V2"},
            {"lambda=0.1,,0.2", "an empty value"},
            {"name=a,b", "name is not swept"},
            {"augment=x", "augment is set in a settings file"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepAxis.parseSet(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
            assertTrue(e.getMessage().startsWith("--set " + c[0]), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
        String[][] ranges = {
            {"lambda=1e-4:1e-1", "expected KEY=LO:HI:N"},
            {"lambda=0:1:3", "0 < LO < HI"},
            {"lambda=1:0.1:3", "0 < LO < HI"},
            {"lambda=1e-4:1e-1:1", "2-1000 values"},
            {"objective=1:2:3", "needs a numeric setting"},
            {"projectorWidth=8:20000:3", "projector width: must be"},
        };
        for (String[] c : ranges) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepAxis.parseLogRange(c[0]));
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
        }
        IllegalArgumentException imax = assertThrows(IllegalArgumentException.class, () -> SweepSpec.grid(BASE,
                List.of(SweepAxis.parseSet("objective=barlow-twins,imax"), SweepAxis.parseSet("projectorWidth=32,128")))
                .runs());
        assertTrue(imax.getMessage().startsWith("the run objective=imax projectorWidth=128 is not a valid run: projector "
                + "width: IMAX needs fewer features"), imax.getMessage());
        org.twinlab.train.SettingError nothing = assertThrows(org.twinlab.train.SettingError.class,
                () -> SweepSpec.grid(BASE, List.of()));
        assertEquals("axes", nothing.problems().get(0).key());
        org.twinlab.train.SettingError both = assertThrows(org.twinlab.train.SettingError.class,
                () -> SweepSpec.grid(BASE, List.of(SweepAxis.parseSet("seed=1,2"))).withSeeds(2));
        assertEquals("seeds", both.problems().get(0).key(), "the window marks the repeats with it");
        assertEquals("repeats: repeat over seeds or sweep the seed, not both", both.getMessage(),
                "the window shows it: no command-line flag");
    }

    @Test
    void theSweepFileReadsBackAndADamagedOneIsOneLine() throws Exception {
        SweepSpec s = SweepSpec.grid(BASE, List.of(SweepAxis.parseSet("objective=barlow-twins,infonce"),
                SweepAxis.parseLogRange("lambda=1e-3:1e-1:3"))).withSeeds(2).withStudy("objectives");
        Path f = dir.resolve("sweep.json");
        Files.writeString(f, s.toJson());
        SweepSpec back = SweepSpec.read(f);
        assertEquals(s, back);
        assertEquals(s.runs(), back.runs());
        assertEquals(ObjectiveKind.INFONCE, back.runs().get(3).config().objective());

        String good = s.toJson();
        String[][] cases = {
            {good.substring(0, good.length() / 2), "not a sweep file: the JSON breaks at line"},
            {"", "is empty"},
            {"[1, 2]", "not one JSON object"},
            {good.replace("\"lambda\",\n      \"logRange\"", "\"lamda\",\n      \"logRange\""), "axes[1]: 'lamda' is not a setting"},
            {good.replace("\"infonce\"", "\"infonse\""), "axes[0]: objective: 'infonse' is not one of"},
            {good.replace("\"seeds\": 2", "\"seeds\": \"two\""), "\"seeds\" must be a number, not \"two\""},
            {good.replace("\"axes\"", "\"axis\""), "\"axis\" is not part of a sweep"},
            {good.replace("\"batchSize\": 64", "\"batchSize\": 1"), "\"base\": \"batchSize\" (batch size) must be at least 2"},
        };
        for (String[] c : cases) {
            Files.writeString(f, c[0]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepSpec.read(f), c[1]);
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
            assertTrue(e.getMessage().contains(c[1]), c[1] + " -> " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
