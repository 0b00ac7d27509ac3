package org.twinlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twinlab.augment.AugmentConfig;
import org.twinlab.augment.TwoViewAugmenter;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.runs.Json;
import org.twinlab.runs.RunSession;
import org.twinlab.runs.RunSummary;
import org.twinlab.train.Devices;
import org.twinlab.train.Settings;
import org.twinlab.train.StepTimer;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Speed on the PyTorch reference's configuration ({@link TrainConfig#reference()}) with fixed seeds, after a warm-up: augmented pairs per second
 * (both views) and full training pairs per second (augmentation, forward, backward, update).
 */
@Command(name = "bench", description = "Measure augmentation and training pairs per second on the configuration of the PyTorch reference (the default with Adam 1e-3, no warm-up).")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--dataset", defaultValue = DatasetCatalog.SAMPLE)
    String dataset;
    @Option(names = "--batch", defaultValue = "256")
    int batch;
    @Option(names = "--width", defaultValue = "512")
    int width;
    @Option(names = "--encoder", defaultValue = "small-cnn")
    String encoder;
    @Option(names = "--warmup", defaultValue = "10", description = "untimed steps first (default: ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--steps", defaultValue = "100", description = "timed training steps (default: ${DEFAULT-VALUE})")
    int steps;
    @Option(names = "--augment-batches", defaultValue = "200", description = "timed augmentation batches")
    int augmentBatches;
    @Option(names = "--skip-training", description = "measure augmentation only")
    boolean skipTraining;
    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE})")
    String device;
    @Option(names = "--json", description = "one JSON line")
    boolean json;

    /** The measured figures. */
    record Result(String dataset, int batch, int projectorWidth, String encoder, int threads, double augmentPairsPerSecond,
                  double trainPairsPerSecond, int timedSteps, String device) {
    }

    @Override
    public Integer call() throws IOException {
        if (warmup < 0 || steps < 1 || augmentBatches < 1) {
            throw new IllegalArgumentException("--warmup must be >= 0 and --steps, --augment-batches >= 1");
        }
        Dataset data = DatasetCatalog.open(dataset);
        TrainConfig.Builder b = TrainConfig.reference().toBuilder();
        b.dataset = dataset;
        b.batchSize = batch;
        b.projectorWidth = width;
        b.encoder = Settings.ENCODER.parse(encoder);
        b.device = Settings.DEVICE.parse(device);
        b.steps = warmup + steps;
        b.probeEvery = 0;
        b.snapshotEvery = 1_000_000;
        b.name = "bench";
        TrainConfig cfg = b.build().validated();
        Devices.select(cfg.device()); // a GPU that cannot be used is one line before any work

        double augRate = augmentation(data, cfg);
        double trainRate = Double.NaN;
        String usedDevice = "";
        if (!skipTraining) {
            StepTimer timer = new StepTimer(warmup, warmup + steps);
            String[] dev = new String[1];
            // the same work as a real run, run folder included, in a folder removed afterwards
            Path scratch = Files.createTempDirectory("twinlab-bench");
            try {
                RunSession session = RunSession.create(scratch, cfg, data, "twinlab bench").probes(false)
                        .listener(timer).listener(e -> {
                            if (e instanceof TrainingEvent.Started s) {
                                dev[0] = s.device();
                            }
                        });
                RunSummary s = session.run();
                if (!"finished".equals(s.state())) {
                    throw new IllegalArgumentException("the benchmark run did not finish: " + s.message());
                }
            } finally {
                deleteTree(scratch);
            }
            trainRate = timer.pairsPerSecond(batch);
            usedDevice = dev[0];
        }
        Result r = new Result(data.name(), batch, width, encoder, Runtime.getRuntime().availableProcessors(), augRate,
                trainRate, steps, usedDevice);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.toLine(r));
        } else {
            out.printf(Locale.ROOT, "augmentation: %.0f pairs/s (both views, batch %d, %s, official recipe)%n", augRate, batch, data.name());
            if (!skipTraining) {
                out.printf(Locale.ROOT, "training:     %.0f pairs/s (%s, projector %d-%d-%d, %d timed steps after %d warm-up, %s)%n",
                        trainRate, encoder, width, width, width, steps, warmup, usedDevice);
            }
        }
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private double augmentation(Dataset data, TrainConfig cfg) {
        TwoViewAugmenter aug = TwoViewAugmenter.forDataset(data, AugmentConfig.official(data.shape()));
        int n = data.shape().size() * batch;
        float[] a = new float[n];
        float[] v = new float[n];
        int[] idx = new int[batch];
        for (int i = 0; i < batch; i++) {
            idx[i] = i % data.train().size();
        }
        for (int i = 0; i < 20; i++) {
            aug.views(data.train(), idx, i, a, v, true);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < augmentBatches; i++) {
            aug.views(data.train(), idx, cfg.seed() + i, a, v, true);
        }
        return (double) augmentBatches * batch / ((System.nanoTime() - t0) / 1e9);
    }
}
