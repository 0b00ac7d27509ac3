package org.twinlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.tracker.ParameterTracker;

/**
 * The optimizers a run can use, each reading its learning rate from a tracker the loop sets every
 * step (so a schedule and a live change both act at the next step). Adam, AdamW and SGD call the
 * engine's fused updates as DJL's own optimizers do, with their state held where a checkpoint can save
 * it; LARS is {@link Lars}.
 */
public final class Optimizers {
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-8f;
    static final float MOMENTUM = 0.9f;

    private Optimizers() {
    }

    public static StatefulOptimizer create(OptimizerKind kind, ParameterTracker lr, double weightDecay) {
        float wd = (float) weightDecay;
        return switch (kind) {
            case ADAM -> new Adam(lr, wd, false);
            case ADAMW -> new Adam(lr, wd, true);
            case SGD -> new Sgd(lr, wd);
            case LARS -> Lars.builder().learningRate(lr).optWeightDecays(wd).build();
        };
    }

    /** Adam (or AdamW, decoupled decay), bias-corrected as DJL's: the same fused engine update. */
    static final class Adam extends StatefulOptimizer {
        private final boolean decoupled;

        Adam(ParameterTracker lr, float wd, boolean decoupled) {
            super(new Builder().optWeightDecays(wd), lr);
            this.decoupled = decoupled;
        }

        @Override
        protected int slotCount() {
            return 2;
        }

        @Override
        public void update(String parameterId, NDArray weight, NDArray grad) {
            int t = nextCount(parameterId);
            float lr = rate(parameterId, t);
            double c1 = 1 - Math.pow(BETA1, t);
            double c2 = 1 - Math.pow(BETA2, t);
            float corrected = (float) (lr * Math.sqrt(c2) / c1);
            NDArray[] s = slots(parameterId, weight);
            weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, s[0], s[1]), new NDList(weight), lr,
                    corrected, getWeightDecay(), rescaleGrad, clipGrad, BETA1, BETA2, EPSILON, true, decoupled);
        }
    }

    /** SGD with heavy-ball momentum 0.9, the engine's fused update. */
    static final class Sgd extends StatefulOptimizer {
        Sgd(ParameterTracker lr, float wd) {
            super(new Builder().optWeightDecays(wd), lr);
        }

        @Override
        protected int slotCount() {
            return 1;
        }

        @Override
        public void update(String parameterId, NDArray weight, NDArray grad) {
            int t = nextCount(parameterId);
            NDArray[] s = slots(parameterId, weight);
            weight.getNDArrayInternal().sgdUpdate(new NDList(weight, grad, s[0]), new NDList(weight),
                    rate(parameterId, t), getWeightDecay(), rescaleGrad, clipGrad, MOMENTUM, true);
        }
    }

    /** DJL's builder carries weight decay, rescaling and clipping for every optimizer. */
    static final class Builder extends ai.djl.training.optimizer.Optimizer.OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
