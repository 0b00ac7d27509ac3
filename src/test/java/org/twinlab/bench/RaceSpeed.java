package org.twinlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.model.ObjectiveKind;
import org.twinlab.runs.RunRace;
import org.twinlab.runs.RunSession;
import org.twinlab.runs.RunSummary;
import org.twinlab.train.TrainConfig;

/**
 * How fast each run of a race trains against the same run alone: Barlow Twins and invariance only on the sample,
 * alone, raced, alone again (alternated, so a change of the machine's load shows). Not a test: a benchmark, run
 * by hand with {@code nice -n -15 java -cp target/test-classes:target/classes:$(cat target/classpath.txt)
 * org.twinlab.bench.RaceSpeed STEPS ROUNDS [race-only]}.
 */
public final class RaceSpeed {
    private RaceSpeed() {
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Dataset data = DatasetCatalog.open(DatasetCatalog.SAMPLE);
        TrainConfig.Builder b = TrainConfig.defaults().toBuilder();
        b.steps = steps;
        b.batchSize = 128;
        b.projectorWidth = 256;
        b.probeEvery = 0;
        b.warmupEpochs = 0;
        b.name = "barlow";
        TrainConfig barlow = b.build();
        b.objective = ObjectiveKind.INVARIANCE_ONLY;
        b.name = "invariance";
        TrainConfig invariance = b.build();
        Path root = Files.createTempDirectory("race-speed");
        for (int r = 0; r < rounds; r++) {
            for (TrainConfig c : args.length > 2 ? List.<TrainConfig>of() : List.of(barlow, invariance)) {
                RunSummary s = RunSession.create(root, c, data, "bench").probes(false).baselines(false).run();
                System.out.printf(Locale.ROOT, "round %d alone  %-10s %7.1f pairs/s  %6.1f s%n", r + 1, c.name(),
                        s.pairsPerSecond(), s.trainSeconds());
            }
            List<RunSummary> raced = RunRace.create(root, barlow, invariance, data, "bench").probes(false)
                    .baselines(false).run();
            for (int k = 0; k < 2; k++) {
                System.out.printf(Locale.ROOT, "round %d raced  %-10s %7.1f pairs/s  %6.1f s  (%s%s)%n", r + 1,
                        k == 0 ? "barlow" : "invariance", raced.get(k).pairsPerSecond(), raced.get(k).trainSeconds(),
                        raced.get(k).state(), raced.get(k).message() == null ? "" : ": " + raced.get(k).message());
            }
        }
    }
}
