package org.twinlab.model;

/** What network to build: the encoder by name and the projector's width, depth and BatchNorm. */
public record ModelSpec(String encoder, int projectorWidth, int projectorDepth, boolean projectorBatchNorm) {
}
