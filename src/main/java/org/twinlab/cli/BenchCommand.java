package org.twinlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twinlab.augment.AugmentConfig;
import org.twinlab.train.ResidentMemory;
import org.twinlab.util.NativeMemory;
import org.twinlab.augment.TwoViewAugmenter;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.runs.Json;
import org.twinlab.runs.RunSession;
import org.twinlab.runs.RunSummary;
import org.twinlab.train.Devices;
import org.twinlab.train.RunState;
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
    @Option(names = "--profile", description = "instead: seconds per step of each phase (augment, forward, loss, "
            + "backward, optimizer, ...), the loss alone, and the engine's matrix-multiply GFLOP/s")
    boolean profile;
    @Option(names = "--peak", description = "instead: the engine's float32 2048 x 2048 matrix-multiply GFLOP/s")
    boolean peak;
    @Option(names = "--memory-steps", description = "instead: resident memory over a long run of this many steps "
            + "(batch 64, projector 256, no probes), read every 250 steps")
    Integer memorySteps;

    /** The measured figures. */
    record Result(String dataset, int batch, int projectorWidth, String encoder, int threads, double augmentPairsPerSecond,
                  double trainPairsPerSecond, int timedSteps, String device, String mallocArenaMax,
                  double stepsPeakResidentMb) {
    }

    @Override
    public Integer call() throws IOException {
        if (warmup < 0 || steps < 1 || augmentBatches < 1) {
            throw new IllegalArgumentException("--warmup must be >= 0 and --steps, --augment-batches >= 1");
        }
        Dataset data = DatasetCatalog.open(dataset);
        if (peak) {
            double g;
            try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager(ai.djl.Device.cpu())) {
                g = org.twinlab.bench.StepProfile.matmulGflops(m, 2048);
            }
            spec.commandLine().getOut().println(json ? Json.toLine(java.util.Map.of("matmulGflops", g))
                    : String.format(Locale.ROOT, "matmul_gflops %.1f", g));
            return 0;
        }
        if (memorySteps != null) {
            return memory(data);
        }
        TrainConfig.Builder b = TrainConfig.reference().toBuilder();
        b.dataset = dataset;
        b.batchSize = batch;
        b.projectorWidth = width;
        b.encoder = Settings.ENCODER.parse(encoder);
        b.device = Settings.DEVICE.parse(device);
        b.steps = warmup + steps;
        b.checkpointEvery = b.steps; // the steps alone are timed (the reference writes none); the run's last one stays
        b.probeEvery = 0;
        b.snapshotEvery = 1_000_000;
        b.name = "bench";
        TrainConfig cfg = b.build().validated();
        ai.djl.Device selected = Devices.select(cfg.device()); // a GPU that cannot be used is one line before any work
        if (profile) {
            if (selected.isGpu()) {
                throw new IllegalArgumentException("--profile times the CPU engine, whose ops finish before they "
                        + "return: add --device cpu");
            }
            var phases = org.twinlab.bench.StepProfile.run(cfg, data, warmup, steps);
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.toLine(java.util.Map.of("batch", batch, "width", width, "encoder", encoder, "steps", steps,
                        "seconds", phases)));
            } else {
                phases.forEach((k, v) -> out.printf(Locale.ROOT, "%-26s %9.4f%n", k, v));
            }
            return 0;
        }

        double augRate = augmentation(data, cfg);
        double trainRate = Double.NaN;
        String usedDevice = "";
        double[] stepsPeak = {Double.NaN};
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
                            } else if (e instanceof TrainingEvent.Step s && s.step() == warmup + steps) {
                                // the steps' own peak, before the final checkpoint is written (the reference writes none)
                                stepsPeak[0] = ResidentMemory.peakMegabytes();
                            }
                        });
                RunSummary s = session.run();
                if (s.state() != RunState.FINISHED) {
                    throw new IllegalArgumentException("the benchmark run did not finish: " + s.message());
                }
            } finally {
                org.twinlab.runs.Folders.deleteTree(scratch);
            }
            trainRate = timer.pairsPerSecond(batch);
            usedDevice = dev[0];
        }
        Result r = new Result(data.name(), batch, width, encoder, Runtime.getRuntime().availableProcessors(), augRate,
                trainRate, steps, usedDevice, System.getenv().getOrDefault(NativeMemory.ARENA_ENV, "unset"),
                stepsPeak[0]);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.toLine(r));
        } else {
            out.printf(Locale.ROOT, "augmentation: %.0f pairs/s (both views, batch %d, %s, official recipe)%n", augRate, batch, data.name());
            if (!skipTraining) {
                out.printf(Locale.ROOT, "training:     %.0f pairs/s (%s, projector %d-%d-%d, %d timed steps after %d warm-up, %s)%n",
                        trainRate, encoder, width, width, width, steps, warmup, usedDevice);
                if (Double.isFinite(stepsPeak[0])) {
                    out.printf(Locale.ROOT, "memory:       %.0f MB resident at most by the last timed step%n", stepsPeak[0]);
                }
            }
        }
        return 0;
    }

    /** Resident memory over a long run: a run that grows shows it here, where a timed test could not. */
    private int memory(Dataset data) throws IOException {
        if (memorySteps < 1000) {
            throw new IllegalArgumentException("--memory-steps: at least 1000, not " + memorySteps);
        }
        TrainConfig.Builder b = TrainConfig.defaults().toBuilder();
        b.dataset = dataset;
        b.batchSize = 64;
        b.projectorWidth = 256;
        b.steps = memorySteps;
        b.probeEvery = 0;
        b.name = "bench-memory";
        b.device = Settings.DEVICE.parse(device);
        TrainConfig cfg = b.build().validated();
        java.util.List<double[]> samples = new java.util.ArrayList<>();
        Path scratch = Files.createTempDirectory("twinlab-bench");
        try {
            RunSession.create(scratch, cfg, data, "twinlab bench").probes(false).listener(e -> {
                if (e instanceof TrainingEvent.Step s && (s.step() % 250 == 0 || s.step() == 1)) {
                    samples.add(new double[] {s.step(), s.residentMegabytes(), s.liveArrays()});
                }
            }).run();
        } finally {
            org.twinlab.runs.Folders.deleteTree(scratch);
        }
        var out = spec.commandLine().getOut();
        double at1000 = samples.stream().filter(x -> x[0] == 1000).findFirst().orElseThrow()[1];
        double end = samples.get(samples.size() - 1)[1];
        double max = samples.stream().filter(x -> x[0] >= 1000).mapToDouble(x -> x[1]).max().orElse(end);
        if (json) {
            out.println(Json.toLine(java.util.Map.of("steps", memorySteps, "residentAt1000", at1000, "residentAtEnd", end,
                    "residentMaxAfter1000", max, "samples", samples)));
        } else {
            for (double[] x : samples) {
                out.printf(Locale.ROOT, "step %5.0f  resident %6.0f MB  live arrays %.0f%n", x[0], x[1], x[2]);
            }
            out.printf(Locale.ROOT, "resident memory from step 1000 to %d: %.0f -> %.0f MB (%+.1f%%), highest %.0f MB%n",
                    memorySteps, at1000, end, 100 * (end - at1000) / at1000, max);
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
