package org.twinlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.data.Dataset;
import org.twinlab.model.ObjectiveKind;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;

/**
 * Barlow Twins raced against invariance only: both trained at once in one process reach their last step, pause
 * together and step together, and each run's metrics are those of the same run trained alone with the same seed.
 */
class RunRaceTest {
    private static final Dataset DATA = TestRuns.sampleSubset(640, 200);
    /** The columns a run computes (not its timing and memory, which depend on the machine's load). */
    private static final List<String> TIMING = List.of("pairs_per_second", "elapsed_seconds", "resident_mb");
    @TempDir
    Path root;

    @Test
    void bothRunsTrainAtOnceAsEachWouldAloneAndPauseAndStepTogether() throws Exception {
        TrainConfig.Builder b = TestRuns.small(16).toBuilder();
        b.dataset = DATA.name();
        b.projectorWidth = 32;
        b.name = "barlow";
        TrainConfig barlow = b.build();
        b.objective = ObjectiveKind.INVARIANCE_ONLY;
        b.name = "invariance";
        TrainConfig invariance = b.build();

        // probed at the end (probeEvery 0), baselines off: a raced run's probe accuracies are those of the run alone
        RunRace race = RunRace.create(root.resolve("race"), barlow, invariance, DATA, "test").probes(true).baselines(false);
        assertEquals(List.of("objective"), race.differing());
        AtomicInteger[] steps = {new AtomicInteger(), new AtomicInteger()};
        for (int k = 0; k < 2; k++) {
            int run = k;
            race.listener(k, e -> {
                if (e instanceof TrainingEvent.Step s) {
                    steps[run].set(s.step());
                }
            });
        }
        Thread t = new Thread(() -> {
            try {
                race.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        waitUntil("both runs are training", () -> steps[0].get() >= 2 && steps[1].get() >= 2);
        race.pause();
        waitUntil("both to pause", () -> race.sessions().get(0).control().isPaused()
                && race.sessions().get(1).control().isPaused());
        Thread.sleep(1500); // a step under way ends first
        int[] held = {steps[0].get(), steps[1].get()};
        Thread.sleep(1500);
        assertEquals(held[0], steps[0].get(), "the first run is paused");
        assertEquals(held[1], steps[1].get(), "and the second");
        assertTrue(held[0] < 16 && held[1] < 16, "both paused mid-run: " + held[0] + ", " + held[1]);
        race.step();
        waitUntil("one step of each", () -> steps[0].get() > held[0] && steps[1].get() > held[1]);
        Thread.sleep(1500);
        assertEquals(held[0] + 1, steps[0].get(), "Step: one more step of the first");
        assertEquals(held[1] + 1, steps[1].get(), "and of the second");
        race.resume();
        t.join(TimeUnit.SECONDS.toMillis(300));
        assertEquals(16, steps[0].get());
        assertEquals(16, steps[1].get());

        for (int k = 0; k < 2; k++) {
            RunSession s = race.sessions().get(k);
            RunRace.Link link = RunRace.link(s.folder().dir());
            assertEquals(2, link.runs().size());
            assertEquals(List.of("objective"), link.differing());
            assertEquals(RunRace.link(race.sessions().get(0).folder().dir()).id(), link.id(), "one race");
            TrainConfig c = s.config();
            Path alone = Path.of(RunSession.create(root.resolve("alone-" + k), c, DATA, "test").probes(true)
                    .baselines(false).run().runFolder());
            CsvFile raced = CsvFile.read(s.folder().file(RunFolder.METRICS));
            CsvFile single = CsvFile.read(alone.resolve(RunFolder.METRICS));
            assertEquals(16, raced.size());
            assertEquals(single.header(), raced.header());
            for (int i = 0; i < 16; i++) {
                for (String col : single.header().stream().filter(h -> !TIMING.contains(h)).toList()) {
                    double want = single.number(i, col);
                    assertEquals(want, raced.number(i, col), 1e-5 * Math.max(1, Math.abs(want)),
                            c.name() + " " + col + " at row " + i);
                }
            }
            CsvFile racedProbe = CsvFile.read(s.folder().file(RunFolder.PROBE));
            CsvFile aloneProbe = CsvFile.read(alone.resolve(RunFolder.PROBE));
            assertEquals(1, racedProbe.size(), "one probe, at the end");
            assertEquals(aloneProbe.header(), racedProbe.header());
            for (String col : aloneProbe.header().stream().filter(h -> h.contains("top") || h.contains("acc")).toList()) {
                assertEquals(aloneProbe.number(0, col), racedProbe.number(0, col), 1e-9, c.name() + " probe " + col);
            }
            assertTrue(aloneProbe.header().stream().anyMatch(h -> h.contains("top") || h.contains("acc")),
                    "probe columns: " + aloneProbe.header());
        }
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 300 s for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void theSecondRunIsTheFirstWithTheTypedValuesByTheFormsRules() {
        TrainConfig a = TestRuns.small(4);
        TrainConfig b = RunRace.second(a, java.util.Map.of(org.twinlab.train.Settings.LAMBDA, "0"));
        assertEquals(0, b.lambda());
        assertEquals("test (\u03bb = 0)", b.name());
        assertEquals(List.of("\u03bb = 0.0051", "\u03bb = 0"), RunRace.labels(a, b));
        assertEquals("race: lambda: 'minus' is not a number", assertThrows(IllegalArgumentException.class,
                () -> RunRace.second(a, java.util.Map.of(org.twinlab.train.Settings.LAMBDA, "minus"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunRace.second(a, java.util.Map.of(
                org.twinlab.train.Settings.BATCH_SIZE, "0"))).getMessage().startsWith("race: batch size"));
        assertEquals("race: the two runs have the same settings; change one for the second",
                assertThrows(IllegalArgumentException.class, () -> RunRace.second(a, java.util.Map.of(
                        org.twinlab.train.Settings.LAMBDA, "0.0051"))).getMessage());
        assertEquals("race: choose a setting the second run differs in",
                assertThrows(IllegalArgumentException.class, () -> RunRace.second(a, java.util.Map.of())).getMessage());
    }

    @Test
    void aRaceOfTwoEqualRunsOrOnOtherDataIsOneLine() {
        TrainConfig a = TestRuns.small(4);
        assertEquals("race: the two runs have the same settings; change one for the second",
                assertThrows(IllegalArgumentException.class, () -> RunRace.create(root, a, a, DATA, "test")).getMessage());
        TrainConfig.Builder b = a.toBuilder();
        b.seed = 7;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunRace.create(root, a, b.build(), DATA, "test"))
                .getMessage().startsWith("race: both runs train on the same data with the same seed"));
        assertEquals(0, root.toFile().list().length, "nothing made");
    }
}
