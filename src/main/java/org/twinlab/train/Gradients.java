package org.twinlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/** Resets a parameter's gradient after its update: PyTorch accumulates gradients across backward passes. */
final class Gradients {
    private Gradients() {
    }

    static void clear(NDArray weight, NDArray grad) {
        if (weight instanceof PtNDArray pt) {
            JniUtils.zeroGrad(pt);
        } else {
            grad.subi(grad);
        }
    }
}
