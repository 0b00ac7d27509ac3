package org.twinlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.train.Setting;
import org.twinlab.train.SettingType;
import org.twinlab.train.Settings;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;
import picocli.CommandLine;

/** Every setting of the table has a flag on train, and the flag sets exactly what the table says. */
@org.twinlab.Slow
class SettingFlagsTest {
    @TempDir
    Path dir;

    @Test
    void everyFlagSetsItsSetting() {
        for (Setting<?> s : Settings.all()) {
            if (s.flag() == null) {
                assertEquals(Settings.AUGMENT, s, "only the whole augmentation has no flag (--augment and --crop-min set it)");
                continue;
            }
            String value = TestRuns.OTHER_VALUES.get(s.key());
            String[] args = s.type().kind() == SettingType.Kind.BOOLEAN
                    ? new String[] {"train", Boolean.parseBoolean(value) ? s.flag() : s.flag().replace("--", "--no-")}
                    : new String[] {"train", s.flag(), value};
            CommandLine cl = TwinlabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            cl.parseArgs(args);
            var typed = SettingFlags.typed(cl.getSubcommands().get("train").getCommandSpec());
            assertEquals(Map.of(s, value), typed, String.join(" ", args));
            assertEquals(Settings.apply(TrainConfig.defaults(), Map.of(s, value)),
                    Settings.apply(TrainConfig.defaults(), typed), String.join(" ", args));
        }
    }

    @Test
    void helpListsEveryFlagWithItsDefault() {
        StringWriter out = new StringWriter();
        TwinlabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter())).execute("train", "--help");
        for (Setting<?> s : Settings.all()) {
            if (s.flag() != null) {
                String shown = s.type().kind() == SettingType.Kind.BOOLEAN ? s.flag().replace("--", "--[no-]") : s.flag();
                assertTrue(out.toString().contains(shown), shown + " in --help");
            }
        }
        assertTrue(out.toString().contains("(default 0.0051)"), out.toString());
    }

    @Test
    void aPresetIsAStartingPointThatFlagsChange() throws Exception {
        CommandLineTest.Outcome o = CommandLineTest.run("train", "--preset", "fashion-mnist-89", "--dataset",
                "fashion-mnist-sample", "--steps", "2", "--batch", "64", "--probe-every", "0", "--no-baselines",
                "--run-dir", dir.toString(), "--json");
        assertEquals(0, o.code(), o.err());
        Path folder = Path.of(org.twinlab.runs.Json.GSON.fromJson(o.out().strip(), com.google.gson.JsonObject.class)
                .get("runFolder").getAsString());
        TrainConfig c = org.twinlab.runs.Json.readConfig(folder.resolve("config.json"));
        assertEquals(org.twinlab.model.Encoder.SMALL_CNN_4, c.encoder(), "from the preset");
        assertEquals(64, c.batchSize(), "from the flag");
        CommandLineTest.Outcome bad = CommandLineTest.run("train", "--preset", "fast", "--run-dir", dir.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().strip().startsWith("twinlab: preset: 'fast' is not one of fashion-mnist-89"), bad.err());
    }

    @Test
    void aGpuThatCannotBeUsedIsOneLineBeforeAnyWork() {
        CommandLineTest.Outcome o = CommandLineTest.run("train", "--device", "gpu", "--run-dir", dir.toString());
        assertEquals(2, o.code());
        String line = o.err().strip();
        assertTrue(line.startsWith("twinlab: device: gpu was asked for but "), line);
        assertFalse(line.contains("\n") || line.contains("Exception"), line);
        assertFalse(Files.exists(dir) && dir.toFile().list().length > 0, "no run folder");
    }
}
