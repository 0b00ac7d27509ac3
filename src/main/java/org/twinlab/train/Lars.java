package org.twinlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.training.tracker.ParameterTracker;

/**
 * LARS as the official Barlow Twins code has it: for parameters of more than one dimension,
 * {@code g += wd * w; g *= eta * |w| / |g|} (trust ratio, 1 where a norm is 0); one-dimensional
 * parameters (biases, BatchNorm) are excluded from both and take the bias learning rate
 * ({@code biasRatio} times the weights' rate, 0.0048 / 0.2 officially); then heavy-ball momentum
 * {@code mu = m * mu + g; w -= lr * mu}.
 */
public final class Lars extends StatefulOptimizer {
    public static final float OFFICIAL_BIAS_RATIO = 0.0048f / 0.2f;

    private final float momentum;
    private final float eta;
    private final float biasRatio;

    private Lars(Builder b) {
        super(b, b.learningRate);
        this.momentum = b.momentum;
        this.eta = b.eta;
        this.biasRatio = b.biasRatio;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected int slotCount() {
        return 1;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = nextCount(parameterId);
        boolean oneDim = weight.getShape().dimension() <= 1;
        float lr = rate(parameterId, t) * (oneDim ? biasRatio : 1f);
        NDArray mu = slots(parameterId, weight)[0];
        try (NDManager scratch = weight.getManager().newSubManager()) {
            NDArray g = grad.duplicate();
            g.attach(scratch);
            if (!oneDim) {
                g = g.add(weight.mul(getWeightDecay()));
                NDArray wNorm = weight.norm();
                NDArray gNorm = g.norm();
                NDArray ok = wNorm.gt(0f).logicalAnd(gNorm.gt(0f));
                NDArray ratio = NDArrays.where(ok, wNorm.mul(eta).div(gNorm.add(1e-30f)), wNorm.onesLike());
                g = g.mul(ratio);
            }
            mu.muli(momentum).addi(g);
            weight.subi(mu.mul(lr));
        }
        Gradients.clear(weight, grad);
    }

    /** Builds LARS; defaults are the official momentum 0.9 and eta 0.001. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private ParameterTracker learningRate;
        private float momentum = 0.9f;
        private float eta = 0.001f;
        private float biasRatio = OFFICIAL_BIAS_RATIO;

        public Builder learningRate(ParameterTracker tracker) {
            this.learningRate = tracker;
            return this;
        }

        public Builder momentum(float m) {
            this.momentum = m;
            return this;
        }

        public Builder eta(float e) {
            this.eta = e;
            return this;
        }

        public Builder biasRatio(float r) {
            this.biasRatio = r;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Lars build() {
            return new Lars(this);
        }
    }
}
