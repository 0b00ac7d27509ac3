package org.twinlab.model;

/**
 * What network to build: the encoder, the projector's width, depth and BatchNorm, and whether a
 * predictor head sits on top of the projector (the asymmetric cosine objective).
 */
public record ModelSpec(Encoder encoder, int projectorWidth, int projectorDepth, boolean projectorBatchNorm,
                        boolean predictor) {
    public ModelSpec(Encoder encoder, int projectorWidth, int projectorDepth, boolean projectorBatchNorm) {
        this(encoder, projectorWidth, projectorDepth, projectorBatchNorm, false);
    }
}
