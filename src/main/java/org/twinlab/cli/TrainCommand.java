package org.twinlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.twinlab.augment.AugmentConfig;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.runs.Json;
import org.twinlab.runs.RunFolder;
import org.twinlab.runs.RunRecorder;
import org.twinlab.runs.RunSummary;
import org.twinlab.train.RunControl;
import org.twinlab.train.RunState;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "train", description = "Train an encoder with the Barlow Twins loss; every setting has a flag.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", description = "start from this config.json (flags override it)")
    Path config;
    @Option(names = "--resume", description = "continue the stopped run in this folder from its last checkpoint")
    Path resume;
    @Option(names = "--name", description = "run name, part of the folder name")
    String name;
    @Option(names = "--dataset", description = "built-in name or folder (default fashion-mnist-sample)")
    String dataset;
    @Option(names = "--epochs", description = "epochs to train (default 10)")
    Double epochs;
    @Option(names = "--steps", description = "steps to train (overrides --epochs)")
    Integer steps;
    @Option(names = "--batch", description = "batch size (default 256)")
    Integer batch;
    @Option(names = "--lambda", description = "weight of the redundancy term (default 0.0051)")
    Double lambda;
    @Option(names = "--width", description = "projector width (default 512)")
    Integer width;
    @Option(names = "--depth", description = "projector depth, 1-3 (default 3)")
    Integer depth;
    @Option(names = "--no-projector-bn", description = "projector without BatchNorm (the ablation)")
    boolean noProjectorBn;
    @Option(names = "--encoder", description = "small-cnn, resnet18 or mlp (default small-cnn)")
    String encoder;
    @Option(names = "--optimizer", description = "adam, adamw, sgd or lars (default adam)")
    String optimizer;
    @Option(names = "--lr", description = "base learning rate (default 1e-2 for Adam, 0.05 for SGD, 0.2 x batch/256 for LARS)")
    Double lr;
    @Option(names = "--weight-decay", description = "weight decay (default 1e-6)")
    Double weightDecay;
    @Option(names = "--schedule", description = "constant or cosine (default cosine)")
    String schedule;
    @Option(names = "--warmup-epochs", description = "linear warm-up epochs (default 1)")
    Double warmupEpochs;
    @Option(names = "--augment", description = "official (the paper's recipe, adapted to small images) or crop-flip")
    String augment;
    @Option(names = "--seed", description = "random seed (default 0)")
    Long seed;
    @Option(names = "--probe-every", description = "linear probe and kNN every N epochs, 0 = only at the end (default 1)")
    Double probeEvery;
    @Option(names = "--snapshot-every", description = "correlation snapshot every N steps (default 5)")
    Integer snapshotEvery;
    @Option(names = "--run-dir", description = "where run folders go (default ~/.twinlab/runs)")
    Path runDir;
    @Option(names = "--device", description = "auto, cpu or gpu (default auto)")
    String device;
    @Option(names = "--no-baselines", description = "skip the random-encoder and raw-pixel probes")
    boolean noBaselines;
    @Option(names = "--json", description = "print one JSON line with the results at the end")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        RunFolder folder;
        TrainConfig cfg;
        OptionalInt resumeStep = OptionalInt.empty();
        if (resume != null) {
            folder = RunFolder.open(resume);
            cfg = folder.config();
            resumeStep = folder.checkpointStep();
            if (resumeStep.isEmpty()) {
                throw new IllegalArgumentException(resume + ": has no checkpoint to resume from");
            }
        } else {
            cfg = overrides(config != null ? Json.readConfig(config) : TrainConfig.defaults()).validated();
            folder = null;
        }
        Dataset data = DatasetCatalog.open(cfg.dataset());
        var problems = cfg.problems(data);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems)); // before a run folder exists
        }
        RunControl control = new RunControl();
        // Ctrl+C: ask the loop to stop and give it time to save its checkpoint and summary
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.stop();
            try {
                ended.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        if (folder == null) {
            folder = RunFolder.create(runDir != null ? runDir : RunFolder.defaultRoot(), cfg);
        } else {
            folder.truncateMetricsAfter(resumeStep.getAsInt());
        }
        Trainer trainer = new Trainer(cfg, data, control).baselines(!noBaselines);
        RunRecorder recorder = folder.record(trainer);
        if (resumeStep.isPresent()) {
            RunFolder f = folder;
            trainer.resumeFrom(resumeStep.getAsInt(), f::openCheckpoint);
        }
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), !json);
        trainer.listener(progress);
        RunState state;
        try {
            state = trainer.run();
        } finally {
            ended.countDown();
        }
        RunSummary s = recorder.summary();
        if (json) {
            out.println(Json.toLine(s));
        } else {
            progress.printSummary(out, s);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // already exiting: the hook is running and has seen the run end
        }
        return state == RunState.FAILED ? 1 : 0;
    }

    private TrainConfig overrides(TrainConfig base) {
        TrainConfig.Builder b = base.toBuilder();
        if (name != null) {
            b.name = name;
        }
        if (dataset != null) {
            b.dataset = dataset;
        }
        if (epochs != null) {
            b.epochs = epochs;
            b.steps = 0;
        }
        if (steps != null) {
            b.steps = steps;
        }
        if (batch != null) {
            b.batchSize = batch;
        }
        if (lambda != null) {
            b.lambda = lambda;
        }
        if (width != null) {
            b.projectorWidth = width;
        }
        if (depth != null) {
            b.projectorDepth = depth;
        }
        if (noProjectorBn) {
            b.projectorBatchNorm = false;
        }
        if (encoder != null) {
            b.encoder = encoder;
        }
        if (optimizer != null) {
            b.optimizer = optimizer;
            if (lr == null) {
                b.learningRate = TrainConfig.defaultLearningRate(optimizer, batch != null ? batch : b.batchSize);
            }
        }
        if (lr != null) {
            b.learningRate = lr;
        }
        if (weightDecay != null) {
            b.weightDecay = weightDecay;
        }
        if (schedule != null) {
            b.schedule = schedule;
        }
        if (warmupEpochs != null) {
            b.warmupEpochs = warmupEpochs;
        }
        if (seed != null) {
            b.seed = seed;
        }
        if (probeEvery != null) {
            b.probeEvery = probeEvery;
        }
        if (snapshotEvery != null) {
            b.snapshotEvery = snapshotEvery;
        }
        if (device != null) {
            b.device = device;
        }
        if (augment != null) {
            b.augment = switch (augment) {
                case "official" -> null;
                case "crop-flip" -> AugmentConfig.cropFlip(DatasetCatalog.open(b.dataset).shape());
                default -> throw new IllegalArgumentException("--augment: '" + augment + "' is not official or crop-flip");
            };
        }
        return b.build();
    }
}
