package org.twinlab.train;

import java.util.ArrayList;
import java.util.List;
import org.twinlab.augment.AugmentConfig;
import org.twinlab.data.Dataset;
import org.twinlab.model.Encoder;
import org.twinlab.model.ModelSpec;
import org.twinlab.model.ObjectiveKind;

/**
 * Every setting of a run: written to the run's config.json, read back by the window, the command line
 * and a resumed run alike. What each field means, its range, its flag and its label live in one table,
 * {@link Settings}. {@code augment} null means the official recipe for the dataset's image size;
 * {@code steps} 0 means "epochs x steps per epoch"; {@code checkpointEvery} 0 means once per epoch;
 * {@code initEncoder} empty means a random initialisation, else an exported encoder folder to start from;
 * {@code snapshotPairs} 0 means C is shown for the step's own batch, else for that many fixed held-out pairs
 * of the test split ({@link HeldOutPairs}).
 */
public record TrainConfig(
        String name,
        String dataset,
        AugmentConfig augment,
        Encoder encoder,
        String initEncoder,
        int projectorWidth,
        int projectorDepth,
        boolean projectorBatchNorm,
        ObjectiveKind objective,
        double lambda,
        double temperature,
        int batchSize,
        OptimizerKind optimizer,
        double learningRate,
        double weightDecay,
        Schedule schedule,
        double warmupEpochs,
        double epochs,
        int steps,
        long seed,
        double probeEvery,
        int snapshotEvery,
        int snapshotPairs,
        int checkpointEvery,
        DevicePreference device) {

    /**
     * The default run: the small CNN, projector 512-512-512, Barlow Twins with lambda 0.0051, batch 256,
     * Adam at {@link OptimizerKind#ADAM_LEARNING_RATE} after a 1-epoch linear warm-up, cosine decay, the
     * official augmentations.
     */
    public static TrainConfig defaults() {
        return new TrainConfig("", "fashion-mnist-sample", null, Encoder.SMALL_CNN, "", 512, 3, true,
                ObjectiveKind.BARLOW_TWINS, 0.0051, 0.1, 256, OptimizerKind.ADAM, OptimizerKind.ADAM_LEARNING_RATE,
                1e-6, Schedule.COSINE, 1, 10, 0, 0, 1, 5, 0, 0, DevicePreference.AUTO);
    }

    /**
     * The configuration of the PyTorch reference script the README's "Measured" figures compare against (it is
     * not in this repository): the default
     * with Adam 1e-3 and no warm-up. {@code bench} times this one, so the two measure the same work.
     */
    public static TrainConfig reference() {
        Builder b = defaults().toBuilder();
        b.learningRate = 1e-3;
        b.warmupEpochs = 0;
        return b.build();
    }

    /** The network this configuration trains: the objective may drop the projector's BatchNorm or add a predictor. */
    public ModelSpec model() {
        return new ModelSpec(encoder, projectorWidth, projectorDepth, objective.projectorBatchNorm(projectorBatchNorm),
                objective.needsPredictor());
    }

    /** Batches in one epoch of {@code data}'s train split (a last, partial batch is dropped). */
    public int stepsPerEpoch(Dataset data) {
        return data.train().size() / batchSize;
    }

    /** The steps this run takes on {@code data}: {@code steps} when given, else its epochs' worth (at least one). */
    public int totalSteps(Dataset data) {
        return steps > 0 ? steps : (int) Math.max(1, Math.round(epochs * stepsPerEpoch(data)));
    }

    /** What is wrong with these settings, each naming the setting and the value; empty when valid. */
    public List<SettingProblem> problems() {
        List<SettingProblem> out = new ArrayList<>(Settings.problems(this));
        if (steps == 0 && !(epochs > 0) && out.stream().noneMatch(p -> p.key().equals("epochs"))) {
            out.add(new SettingProblem("epochs", "epochs", "must be positive (or give a number of steps), not " + epochs));
        }
        if (objective == ObjectiveKind.IMAX && projectorWidth >= batchSize) {
            out.add(new SettingProblem("projectorWidth", "projector width", "IMAX needs fewer features than the batch has "
                    + "images (its covariance matrices must be full rank), not " + projectorWidth + " for a batch of "
                    + batchSize));
        }
        return out;
    }

    /** {@link #problems()} and those that depend on the data: a batch larger than the train split. */
    public List<SettingProblem> problems(Dataset data) {
        List<SettingProblem> out = problems();
        if (data != null && batchSize > data.train().size()) {
            out.add(new SettingProblem("batchSize", "batch size", batchSize + " is more than the "
                    + data.train().size() + " training images of " + data.name()));
        }
        if (data != null && snapshotPairs > data.test().size()) {
            out.add(new SettingProblem("snapshotPairs", "held-out pairs for C", snapshotPairs + " is more than the "
                    + data.test().size() + " test images of " + data.name() + " (0: C of the step's batch)"));
        }
        return out;
    }

    /** Throws with every problem on one line when the settings are not valid. */
    public TrainConfig validated() {
        SettingProblem.throwIfAny(problems());
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
        public Encoder encoder;
        public String initEncoder;
        public int projectorWidth;
        public int projectorDepth;
        public boolean projectorBatchNorm;
        public ObjectiveKind objective;
        public double lambda;
        public double temperature;
        public int batchSize;
        public OptimizerKind optimizer;
        public double learningRate;
        public double weightDecay;
        public Schedule schedule;
        public double warmupEpochs;
        public double epochs;
        public int steps;
        public long seed;
        public double probeEvery;
        public int snapshotEvery;
        public int snapshotPairs;
        public int checkpointEvery;
        public DevicePreference device;

        private Builder(TrainConfig c) {
            name = c.name;
            dataset = c.dataset;
            augment = c.augment;
            encoder = c.encoder;
            initEncoder = c.initEncoder;
            projectorWidth = c.projectorWidth;
            projectorDepth = c.projectorDepth;
            projectorBatchNorm = c.projectorBatchNorm;
            objective = c.objective;
            lambda = c.lambda;
            temperature = c.temperature;
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
            snapshotPairs = c.snapshotPairs;
            checkpointEvery = c.checkpointEvery;
            device = c.device;
        }

        public TrainConfig build() {
            return new TrainConfig(name, dataset, augment, encoder, initEncoder, projectorWidth, projectorDepth, projectorBatchNorm,
                    objective, lambda, temperature, batchSize, optimizer, learningRate, weightDecay, schedule,
                    warmupEpochs, epochs, steps, seed, probeEvery, snapshotEvery, snapshotPairs, checkpointEvery, device);
        }
    }
}
