package org.twinlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.twinlab.runs.Json;

/** The settings table: every key round-trips through config.json and through its flag's text, and follows its rules. */
class SettingsTest {
    static final Map<String, String> OTHER = TestRuns.OTHER_VALUES;

    @Test
    void everySettingHasATestValue() {
        for (Setting<?> s : Settings.all()) {
            if (s != Settings.AUGMENT) {
                assertTrue(OTHER.containsKey(s.key()), "no test value for " + s.key());
            }
        }
    }

    @Test
    void stepsPerRunComeFromTheConfigAndTheData() {
        org.twinlab.data.Dataset data = TestRuns.sampleSubset(300, 50);
        TrainConfig.Builder b = TrainConfig.defaults().toBuilder();
        b.batchSize = 64;
        b.steps = 0;
        b.epochs = 2.5;
        TrainConfig byEpochs = b.build();
        assertEquals(4, byEpochs.stepsPerEpoch(data), "300 images in batches of 64: the partial fifth is dropped");
        assertEquals(10, byEpochs.totalSteps(data));
        b.epochs = 0.01;
        assertEquals(1, b.build().totalSteps(data), "at least one step");
        b.steps = 7;
        assertEquals(7, b.build().totalSteps(data), "steps, when given, win over epochs");
    }

    @Test
    void everyKeyRoundTripsThroughConfigJsonAndItsText() {
        for (Setting<?> s : Settings.all()) {
            if (!OTHER.containsKey(s.key())) {
                continue;
            }
            TrainConfig c = Settings.apply(TrainConfig.defaults(), Map.of(s, OTHER.get(s.key())));
            assertNotEquals(TrainConfig.defaults(), c, s.key() + " changes the configuration");
            assertTrue(c.problems().isEmpty(), s.key() + ": " + c.problems());
            assertEquals(c, Json.parseConfig(Json.configText(c), "test"), s.key() + " through config.json");
            if (s.inFile()) {
                assertEquals(OTHER.get(s.key()), s.formatOf(c), s.key() + " formats back to its text");
            }
        }
    }

    @Test
    void theLearningRateFollowsTheOptimizerAndBatchUnlessTyped() {
        TrainConfig lars = Settings.apply(TrainConfig.defaults(), Map.of(Settings.OPTIMIZER, "lars"));
        assertEquals(0.2, lars.learningRate(), 1e-12, "LARS: 0.2 per 256 images");
        TrainConfig bigger = Settings.apply(lars, Map.of(Settings.BATCH_SIZE, "512"));
        assertEquals(0.4, bigger.learningRate(), 1e-12, "and it follows the batch");
        TrainConfig typed = Settings.apply(TrainConfig.defaults(), Map.of(Settings.OPTIMIZER, "lars",
                Settings.BATCH_SIZE, "512", Settings.LEARNING_RATE, "0.3"));
        assertEquals(0.3, typed.learningRate(), 1e-12, "a typed rate wins");
        TrainConfig custom = Settings.apply(Settings.apply(lars, Map.of(Settings.LEARNING_RATE, "0.25")),
                Map.of(Settings.BATCH_SIZE, "1024"));
        assertEquals(0.25, custom.learningRate(), 1e-12, "a rate chosen earlier stays");
        TrainConfig back = Settings.apply(lars, Map.of(Settings.OPTIMIZER, "adam"));
        assertEquals(OptimizerKind.ADAM_LEARNING_RATE, back.learningRate(), 1e-12);
        assertEquals(1e-2, Settings.with(TrainConfig.defaults(), Settings.BATCH_SIZE, 64, Set.of()).learningRate(), 1e-12,
                "Adam's default does not follow the batch");
    }

    @Test
    void everyPresetIsAValidConfigurationInTheCurrentFormat() throws Exception {
        for (Preset p : Preset.values()) {
            TrainConfig c = p.config();
            assertTrue(c.problems().isEmpty(), p.key());
            try (var in = Preset.class.getResourceAsStream("/presets/" + p.key() + ".json")) {
                assertEquals(Json.configText(c), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                        p.key() + " is stored exactly as config.json is written, every setting present");
            }
        }
        assertEquals(org.twinlab.model.Encoder.SMALL_CNN_4, Preset.FASHION_MNIST_89.config().encoder());
        assertEquals(128, Preset.FASHION_MNIST_89.config().batchSize());
    }

    @Test
    void epochsClearStepsAndStepsOverrideEpochs() {
        TrainConfig steps = Settings.apply(TrainConfig.defaults(), Map.of(Settings.STEPS, "50"));
        assertEquals(50, steps.steps());
        TrainConfig epochs = Settings.apply(steps, Map.of(Settings.EPOCHS, "3"));
        assertEquals(0, epochs.steps());
        assertEquals(3, epochs.epochs(), 0);
        TrainConfig both = Settings.apply(TrainConfig.defaults(), Map.of(Settings.EPOCHS, "3", Settings.STEPS, "9"));
        assertEquals(9, both.steps(), "--steps overrides --epochs");
    }

    @Test
    void badValuesNameTheSettingInPlainWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.BATCH_SIZE.parse("abc"));
        assertEquals("batch size: 'abc' is not a whole number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Settings.OBJECTIVE.parse("simclr"));
        assertTrue(e.getMessage().startsWith("objective: 'simclr' is not one of barlow-twins, invariance-only"), e.getMessage());
        TrainConfig bad = Settings.apply(TrainConfig.defaults(), Map.of(Settings.BATCH_SIZE, "1", Settings.LAMBDA, "-1"));
        assertEquals(java.util.List.of("lambda", "batchSize"), bad.problems().stream().map(SettingProblem::key).toList());
        assertTrue(bad.problems().get(1).message().startsWith("batch size: must be at least 2"));
        TrainConfig imax = Settings.apply(TrainConfig.defaults(), Map.of(Settings.OBJECTIVE, "imax"));
        assertEquals("projectorWidth", imax.problems().get(0).key(), "IMAX needs fewer features than images per batch");
    }

    @Test
    void settingsFilesAreReadWithMessagesThatSayWhereTheyAreWrong() {
        String[][] cases = {
            {"root:x:0:0:root:/root:/bin/bash\n", "not a settings file: the JSON breaks at line 1, column"},
            {"{ \"batchSize\": 64,\n  \"lambda\": }", "not a settings file: the JSON breaks at line 2, column"},
            {"[1, 2]", "it holds a list, not one JSON object"},
            {"", "is empty"},
            {"{\"batchSise\": 64}", "\"batchSise\" is not a setting"},
            {"{\"batchSize\": \"abc\"}", "\"batchSize\" (batch size) must be a number, not \"abc\""},
            {"{\"batchSize\": 64.5}", "\"batchSize\" (batch size) must be a whole number, not 64.5"},
            {"{\"optimizer\": \"rmsprop\"}", "\"optimizer\" (optimizer) 'rmsprop' is not one of adam, adamw, sgd, lars"},
            {"{\"batchSize\": 1}", "\"batchSize\" (batch size) must be at least 2"},
            {"{\"augment\": {\"viewA\": 3}}", "\"augment\" (augmentation) viewA must be an object with crop, flipP, jitter, grayscaleP, blur, solarize, not 3"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parseConfig(c[0], "f.json"));
            assertTrue(e.getMessage().startsWith("f.json: "), e.getMessage());
            assertTrue(e.getMessage().contains(c[1]), c[1] + " in: " + e.getMessage());
            assertFalse(e.getMessage().matches(".*(Exception|gson|java\\.|\\bcom\\.).*"), "plain words: " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        }
        // a file of the first version (no objective, temperature or checkpoint interval) still reads, with defaults
        TrainConfig old = Json.parseConfig("{\"name\": \"run\", \"batchSize\": 128, \"optimizer\": \"adam\", "
                + "\"encoder\": \"small-cnn\", \"device\": \"auto\", \"schedule\": \"cosine\", \"augment\": null}", "old.json");
        assertEquals(128, old.batchSize());
        assertEquals(org.twinlab.model.ObjectiveKind.BARLOW_TWINS, old.objective());
    }
}
