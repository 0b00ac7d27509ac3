package org.twinlab.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.twinlab.augment.AugmentConfig;
import org.twinlab.augment.TwoViewAugmenter;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.runs.Json;
import org.twinlab.train.RunControl;
import org.twinlab.train.RunState;
import org.twinlab.train.StepTimer;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.Trainer;
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
    @Option(names = "--json", description = "one JSON line")
    boolean json;

    /** The measured figures. */
    record Result(String dataset, int batch, int projectorWidth, String encoder, int threads, double augmentPairsPerSecond,
                  double trainPairsPerSecond, int timedSteps, String device) {
    }

    @Override
    public Integer call() {
        if (warmup < 0 || steps < 1 || augmentBatches < 1) {
            throw new IllegalArgumentException("--warmup must be >= 0 and --steps, --augment-batches >= 1");
        }
        Dataset data = DatasetCatalog.open(dataset);
        TrainConfig.Builder b = TrainConfig.reference().toBuilder();
        b.dataset = dataset;
        b.batchSize = batch;
        b.projectorWidth = width;
        b.encoder = encoder;
        b.steps = warmup + steps;
        b.probeEvery = 0;
        b.snapshotEvery = 1_000_000;
        b.name = "bench";
        TrainConfig cfg = b.build().validated();

        double augRate = augmentation(data, cfg);
        double trainRate = Double.NaN;
        String device = "";
        if (!skipTraining) {
            StepTimer timer = new StepTimer(warmup, warmup + steps);
            String[] dev = new String[1];
            Trainer trainer = new Trainer(cfg, data, new RunControl()).probes(false).listener(timer).listener(e -> {
                if (e instanceof TrainingEvent.Started s) {
                    dev[0] = s.device();
                }
            });
            if (trainer.run() != RunState.FINISHED) {
                throw new IllegalStateException("the benchmark run did not finish");
            }
            trainRate = timer.pairsPerSecond(batch);
            device = dev[0];
        }
        Result r = new Result(data.name(), batch, width, encoder, Runtime.getRuntime().availableProcessors(), augRate,
                trainRate, steps, device);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.toLine(r));
        } else {
            out.printf(Locale.ROOT, "augmentation: %.0f pairs/s (both views, batch %d, %s, official recipe)%n", augRate, batch, data.name());
            if (!skipTraining) {
                out.printf(Locale.ROOT, "training:     %.0f pairs/s (%s, projector %d-%d-%d, %d timed steps after %d warm-up, %s)%n",
                        trainRate, encoder, width, width, width, steps, warmup, device);
            }
        }
        return 0;
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
