package org.twinlab.train;

import org.twinlab.util.Choice;

/** The optimizers a run can use. */
public enum OptimizerKind implements Choice {
    ADAM("adam", "Adam"),
    ADAMW("adamw", "AdamW"),
    SGD("sgd", "SGD, momentum 0.9"),
    LARS("lars", "LARS (the official recipe)");

    /** Adam's default rate: with a 1-epoch warm-up it learned better features than 1e-3 (README, "Measured"). */
    public static final double ADAM_LEARNING_RATE = 1e-2;

    private final String key;
    private final String label;

    OptimizerKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String label() {
        return label;
    }

    /** The learning rate a user starts from (LARS: the official 0.2 per 256 images, so it follows the batch). */
    public double defaultLearningRate(int batchSize) {
        return switch (this) {
            case LARS -> 0.2 * batchSize / 256.0;
            case SGD -> 0.05;
            case ADAM, ADAMW -> ADAM_LEARNING_RATE;
        };
    }

    public static OptimizerKind parse(String text) {
        return Choice.parse(OptimizerKind.class, text, "optimizer");
    }
}
