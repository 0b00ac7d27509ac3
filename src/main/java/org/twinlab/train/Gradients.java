package org.twinlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The engine's gradient bookkeeping around a step: gradients recorded only inside the step's collector, and reset
 * after each update (PyTorch accumulates gradients across backward passes).
 */
final class Gradients {
    private Gradients() {
    }

    /**
     * Records no gradient on this thread outside a collector. libtorch starts every thread recording (its grad mode
     * is per thread, on by default) and DJL turns it off only on the thread that loads the engine; its collector
     * then restores "on" when it closes. On any other thread (the window's training thread, a test after a window
     * test) LARS's in-place update of a weight failed at step 1 ("a leaf Variable that requires grad is being used
     * in an in-place operation"), and every forward outside the step (probes, pictures of C) built a graph.
     */
    static void recordOnlyInCollector() {
        if ("PyTorch".equals(ai.djl.engine.Engine.getInstance().getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }

    static void clear(NDArray weight, NDArray grad) {
        if (weight instanceof PtNDArray pt) {
            JniUtils.zeroGrad(pt);
        } else {
            grad.subi(grad);
        }
    }
}
