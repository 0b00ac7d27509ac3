package org.twinlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.tracker.ParameterTracker;

/**
 * The optimizers a run can use, each reading its learning rate from a tracker the loop sets every
 * step (so a schedule and a live change both act at the next step), with their state held where a
 * checkpoint can save it. SGD calls the engine's fused update as DJL's own optimizer does; Adam and AdamW
 * compute DJL's same update with fewer temporaries; LARS is {@link Lars}. None rescales or clips gradients.
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

    /**
     * Adam (or AdamW, decoupled decay), bias-corrected as DJL's fused update and to the same values
     * ({@code OptimizerTest} compares the two): {@code g += wd w} (AdamW: {@code w -= lr wd w});
     * {@code m = b1 m + (1 - b1) g}; {@code v = b2 v + (1 - b2) g^2};
     * {@code w -= lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)}.
     *
     * <p>Written as in-place steps with one temporary alive at a time, because DJL's fused update clones the
     * gradient and keeps four more temporaries of the weight's size until it ends: at D = 8192 that is
     * 1.3 GB in flight and five fresh 256 MB blocks per projector layer every step, which glibc maps and the
     * kernel zeroes anew each time.
     */
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
            float wd = getWeightDecay();
            NDArray[] s = slots(parameterId, weight);
            NDArray mean = s[0];
            NDArray variance = s[1];
            if (wd != 0f) {
                if (decoupled) {
                    weight.muli(1f - lr * wd);
                } else {
                    try (NDArray decay = weight.mul(wd)) {
                        grad.addi(decay); // the gradient is cleared before the next backward
                    }
                }
            }
            // m = b1 (m - g) + g, exactly b1 m + (1 - b1) g, with no temporary
            mean.subi(grad).muli(BETA1).addi(grad);
            try (NDArray square = grad.square()) {
                variance.muli(BETA2).addi(square.muli(1f - BETA2));
            }
            try (NDArray step = variance.sqrt()) {
                // corrected * m / (sqrt(v) + eps), in place on the one temporary
                step.addi(EPSILON).powi(-1f).muli(mean).muli(corrected);
                weight.subi(step);
            }
            Gradients.clear(weight, grad); // as DJL's update does: PyTorch accumulates gradients
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
