package org.twinlab.model;

import ai.djl.nn.Block;
import org.twinlab.util.Choice;

/** The encoders f a run can train: image batch N x C x H x W to features N x {@link #featureDim()}. */
public enum Encoder implements Choice {
    SMALL_CNN("small-cnn", 128),
    /** The small CNN with a fourth block (32-64-128-256): the Fashion-MNIST 89% recipe's, 1.2x the small CNN's time. */
    SMALL_CNN_4("small-cnn-4", 256),
    RESNET18("resnet18", 512),
    MLP("mlp", 256);

    private final String key;
    private final int featureDim;

    Encoder(String key, int featureDim) {
        this.key = key;
        this.featureDim = featureDim;
    }

    @Override
    public String key() {
        return key;
    }

    /** Width of the features the encoder produces. */
    public int featureDim() {
        return featureDim;
    }

    /** A fresh, uninitialised block of this architecture. */
    public Block build() {
        return Encoders.build(this);
    }

    public static Encoder parse(String text) {
        return Choice.parse(Encoder.class, text, "encoder");
    }
}
