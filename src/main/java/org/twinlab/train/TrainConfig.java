package org.twinlab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinlab.augment.AugmentConfig;
import org.twinlab.data.Dataset;
import org.twinlab.model.Encoders;
import org.twinlab.model.ModelSpec;
import org.twinlab.model.Projector;

/**
 * Every setting of a run: written to the run's config.json, read back by the window, the command line
 * and a resumed run alike. {@code augment} null means the official recipe for the dataset's image size;
 * {@code steps} 0 means "epochs x steps per epoch".
 */
public record TrainConfig(
        String name,
        String dataset,
        AugmentConfig augment,
        String encoder,
        int projectorWidth,
        int projectorDepth,
        boolean projectorBatchNorm,
        double lambda,
        int batchSize,
        String optimizer,
        double learningRate,
        double weightDecay,
        String schedule,
        double warmupEpochs,
        double epochs,
        int steps,
        long seed,
        double probeEvery,
        int snapshotEvery,
        String device) {

    public static final List<String> OPTIMIZERS = List.of("adam", "adamw", "sgd", "lars");
    public static final List<String> SCHEDULES = List.of("constant", "cosine");

    /** Adam's default rate: with a 1-epoch warm-up it learned better features than 1e-3 (README, "Measured"). */
    public static final double ADAM_LEARNING_RATE = 1e-2;

    /**
     * The default run: the small CNN, projector 512-512-512, batch 256, lambda 0.0051, Adam at
     * {@link #ADAM_LEARNING_RATE} after a 1-epoch linear warm-up, cosine decay, the official augmentations.
     */
    public static TrainConfig defaults() {
        return new TrainConfig("run", "fashion-mnist-sample", null, Encoders.SMALL_CNN, 512, 3, true, 0.0051, 256,
                "adam", ADAM_LEARNING_RATE, 1e-6, "cosine", 1, 10, 0, 0, 1, 5, "auto");
    }

    /**
     * The configuration of the PyTorch reference ({@code shared/bench/reference_bt.py}): the default
     * with Adam 1e-3 and no warm-up. {@code bench} times this one, so the two measure the same work.
     */
    public static TrainConfig reference() {
        Builder b = defaults().toBuilder();
        b.learningRate = 1e-3;
        b.warmupEpochs = 0;
        return b.build();
    }

    /** The learning rate a user starts from for each optimizer (LARS: the official 0.2 per 256 images). */
    public static double defaultLearningRate(String optimizer, int batchSize) {
        return switch (optimizer) {
            case "lars" -> 0.2 * batchSize / 256.0;
            case "sgd" -> 0.05;
            default -> ADAM_LEARNING_RATE;
        };
    }

    public ModelSpec model() {
        return new ModelSpec(encoder, projectorWidth, projectorDepth, projectorBatchNorm);
    }

    /** What is wrong with these settings, each naming the setting and the value; empty when valid. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (dataset == null || dataset.isBlank()) {
            out.add("dataset: none given");
        }
        if (encoder == null || !Encoders.NAMES.contains(encoder)) {
            out.add("encoder: '" + encoder + "' is not one of " + String.join(", ", Encoders.NAMES));
        }
        if (projectorWidth < Projector.MIN_WIDTH || projectorWidth > Projector.MAX_WIDTH) {
            out.add("projector width: must be " + Projector.MIN_WIDTH + "-" + Projector.MAX_WIDTH + ", not " + projectorWidth);
        }
        if (projectorDepth < 1 || projectorDepth > 3) {
            out.add("projector depth: must be 1-3, not " + projectorDepth);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            out.add("lambda: must be a number >= 0, not " + lambda);
        }
        if (batchSize < 2) {
            out.add("batch size: must be at least 2 (the loss normalises over the batch), not " + batchSize);
        }
        if (batchSize > 8192) {
            out.add("batch size: at most 8192, not " + batchSize);
        }
        if (optimizer == null || !OPTIMIZERS.contains(optimizer.toLowerCase(Locale.ROOT))) {
            out.add("optimizer: '" + optimizer + "' is not one of " + String.join(", ", OPTIMIZERS));
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            out.add("learning rate: must be a positive number, not " + learningRate);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            out.add("weight decay: must be a number >= 0, not " + weightDecay);
        }
        if (schedule == null || !SCHEDULES.contains(schedule)) {
            out.add("schedule: '" + schedule + "' is not one of " + String.join(", ", SCHEDULES));
        }
        if (!(warmupEpochs >= 0)) {
            out.add("warm-up epochs: must be >= 0, not " + warmupEpochs);
        }
        if (steps < 0) {
            out.add("steps: must be >= 0, not " + steps);
        }
        if (steps == 0 && !(epochs > 0)) {
            out.add("epochs: must be positive (or give a number of steps), not " + epochs);
        }
        if (!(probeEvery >= 0)) {
            out.add("probe interval: must be >= 0 epochs (0 probes only at the end), not " + probeEvery);
        }
        if (snapshotEvery < 1) {
            out.add("snapshot interval: must be at least 1 step, not " + snapshotEvery);
        }
        if (device == null || !List.of("auto", "cpu", "gpu").contains(device)) {
            out.add("device: '" + device + "' is not one of auto, cpu, gpu");
        }
        if (augment != null) {
            out.addAll(augment.problems());
        }
        return out;
    }

    /** {@link #problems()} and those that depend on the data: a batch larger than the train split. */
    public List<String> problems(Dataset data) {
        List<String> out = problems();
        if (data != null && batchSize > data.train().size()) {
            out.add("batch size: " + batchSize + " is more than the " + data.train().size() + " training images of "
                    + data.name());
        }
        return out;
    }

    /** Throws with every problem on one line when the settings are not valid. */
    public TrainConfig validated() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", p));
        }
        return this;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes a few settings of an existing configuration. */
    public static final class Builder {
        public String name;
        public String dataset;
        public AugmentConfig augment;
        public String encoder;
        public int projectorWidth;
        public int projectorDepth;
        public boolean projectorBatchNorm;
        public double lambda;
        public int batchSize;
        public String optimizer;
        public double learningRate;
        public double weightDecay;
        public String schedule;
        public double warmupEpochs;
        public double epochs;
        public int steps;
        public long seed;
        public double probeEvery;
        public int snapshotEvery;
        public String device;

        private Builder(TrainConfig c) {
            name = c.name;
            dataset = c.dataset;
            augment = c.augment;
            encoder = c.encoder;
            projectorWidth = c.projectorWidth;
            projectorDepth = c.projectorDepth;
            projectorBatchNorm = c.projectorBatchNorm;
            lambda = c.lambda;
            batchSize = c.batchSize;
            optimizer = c.optimizer;
            learningRate = c.learningRate;
            weightDecay = c.weightDecay;
            schedule = c.schedule;
            warmupEpochs = c.warmupEpochs;
            epochs = c.epochs;
            steps = c.steps;
            seed = c.seed;
            probeEvery = c.probeEvery;
            snapshotEvery = c.snapshotEvery;
            device = c.device;
        }

        public TrainConfig build() {
            return new TrainConfig(name, dataset, augment, encoder, projectorWidth, projectorDepth, projectorBatchNorm,
                    lambda, batchSize, optimizer == null ? null : optimizer.toLowerCase(Locale.ROOT), learningRate,
                    weightDecay, schedule, warmupEpochs, epochs, steps, seed, probeEvery, snapshotEvery, device);
        }
    }
}
