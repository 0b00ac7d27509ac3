package org.twinlab.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/**
 * The projector g as the official code builds it: depth Linear layers of the given width, each but the
 * last followed by BatchNorm (optional, for the ablation) and ReLU; no biases; the last Linear plain.
 */
public final class Projector {
    public static final int MIN_WIDTH = 16;
    public static final int MAX_WIDTH = 8192;

    private Projector() {
    }

    public static Block build(int width, int depth, boolean batchNorm) {
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw new IllegalArgumentException("projector width must be " + MIN_WIDTH + "-" + MAX_WIDTH + ", not " + width);
        }
        if (depth < 1 || depth > 3) {
            throw new IllegalArgumentException("projector depth must be 1-3, not " + depth);
        }
        SequentialBlock b = new SequentialBlock();
        for (int i = 0; i < depth - 1; i++) {
            b.add(Linear.builder().setUnits(width).optBias(false).build());
            if (batchNorm) {
                b.add(BatchNorm.builder().build());
            }
            b.add(Activation.reluBlock());
        }
        b.add(Linear.builder().setUnits(width).optBias(false).build());
        return b;
    }

    /**
     * SimSiam's predictor: a bottleneck MLP D -> D/4 (BatchNorm, ReLU) -> D, the last Linear with a bias.
     * It sits on one branch of the asymmetric cosine objective; the stop-gradient sits on the other.
     */
    public static Block predictor(int width) {
        int hidden = Math.max(MIN_WIDTH, width / 4);
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).optBias(false).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(width).build());
    }
}
