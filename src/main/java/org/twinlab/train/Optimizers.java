package org.twinlab.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;

/**
 * The optimizers a run can use, each reading its learning rate from a tracker the loop sets every
 * step (so a schedule and a live change both act at the next step). Adam, AdamW and SGD are DJL's
 * own fused updates; LARS is {@link Lars}.
 */
public final class Optimizers {
    private Optimizers() {
    }

    public static Optimizer create(String name, ParameterTracker lr, double weightDecay) {
        float wd = (float) weightDecay;
        return switch (name) {
            case "adam" -> Optimizer.adam().optLearningRateTracker(lr).optWeightDecays(wd).build();
            case "adamw" -> Optimizer.adamW().optLearningRateTracker(lr).optWeightDecays(wd).build();
            case "sgd" -> Optimizer.sgd().setLearningRateTracker(lr).optMomentum(0.9f).optWeightDecays(wd).build();
            case "lars" -> Lars.builder().learningRate(lr).optWeightDecays(wd).build();
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "': choose one of "
                    + String.join(", ", TrainConfig.OPTIMIZERS));
        };
    }
}
