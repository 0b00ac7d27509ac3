package org.twinlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class OptimizerTest {
    @Test
    void larsScalesMatricesByTheTrustRatioAndLeavesVectorsAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {3, 4, 0, 0}, new Shape(2, 2));
            NDArray bias = m.create(new float[] {1, 2});
            w.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // d/dw of sum(w * [1, 0, 0, 0]) * 10 is 10 at w[0][0]; of sum(bias) is 1 each
                NDArray loss = w.mul(m.create(new float[] {10, 0, 0, 0}, new Shape(2, 2))).sum().add(bias.sum());
                gc.backward(loss);
            }
            Lars lars = Lars.builder().learningRate((id, n) -> 0.5f).optWeightDecays(0.1f).build();
            lars.update("w", w, w.getGradient());
            lars.update("b", bias, bias.getGradient());
            // matrix: g = [10,0,0,0] + 0.1 * [3,4,0,0] = [10.3, 0.4, 0, 0]; |w| = 5, |g| = sqrt(10.3^2 + 0.4^2)
            double gn = Math.sqrt(10.3 * 10.3 + 0.4 * 0.4);
            double q = 0.001 * 5 / gn;
            float[] expected = {(float) (3 - 0.5 * q * 10.3), (float) (4 - 0.5 * q * 0.4), 0, 0};
            assertArrayEquals(expected, w.toFloatArray(), 1e-6f);
            // vector: no decay, no trust ratio, bias learning rate = 0.5 * 0.0048 / 0.2
            float lrb = 0.5f * Lars.OFFICIAL_BIAS_RATIO;
            assertArrayEquals(new float[] {1 - lrb, 2 - lrb}, bias.toFloatArray(), 1e-6f);
            assertEquals(0f, w.getGradient().abs().sum().getFloat(), "the gradient is cleared after the update");
        }
    }

    /**
     * Twinlab's Adam takes the steps DJL's fused engine update takes (the update it replaced): weights and both
     * moments, coupled and decoupled decay, a matrix and a vector, over several steps with changing gradients.
     */
    @Test
    void adamTakesTheStepsOfDjlsFusedUpdate() {
        for (boolean decoupled : new boolean[] {false, true}) {
            for (float wd : new float[] {0f, 1e-6f, 0.05f}) {
                try (NDManager m = NDManager.newBaseManager()) {
                    ai.djl.engine.Engine.getInstance().setRandomSeed(11);
                    for (Shape shape : new Shape[] {new Shape(48, 20), new Shape(20)}) {
                        NDArray w = m.randomNormal(shape);
                        NDArray ref = w.duplicate();
                        NDArray refMean = w.zerosLike();
                        NDArray refVar = w.zerosLike();
                        w.setRequiresGradient(true);
                        ai.djl.nn.Parameter p = ai.djl.nn.Parameter.builder().setName("w").setType(
                                ai.djl.nn.Parameter.Type.WEIGHT).optArray(w).build();
                        StatefulOptimizer adam = Optimizers.create(decoupled ? OptimizerKind.ADAMW : OptimizerKind.ADAM,
                                (id, n) -> 0.01f / n, wd);
                        for (int t = 1; t <= 6; t++) {
                            NDArray g = m.randomNormal(shape).mul(t % 2 == 0 ? 3f : 0.2f);
                            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                                gc.backward(w.mul(g).sum());
                            }
                            float lr = 0.01f / t;
                            float corrected = (float) (lr * Math.sqrt(1 - Math.pow(Optimizers.BETA2, t))
                                    / (1 - Math.pow(Optimizers.BETA1, t)));
                            ref.getNDArrayInternal().adamUpdate(new ai.djl.ndarray.NDList(ref, g, refMean, refVar),
                                    new ai.djl.ndarray.NDList(ref), lr, corrected, wd, 1f, -1f, Optimizers.BETA1,
                                    Optimizers.BETA2, Optimizers.EPSILON, true, decoupled);
                            adam.update(p.getId(), w, w.getGradient());
                            assertEquals(0f, w.getGradient().abs().sum().getFloat(), "the gradient is cleared");
                        }
                        String what = (decoupled ? "AdamW" : "Adam") + " wd " + wd + " " + shape;
                        assertClose(ref.toFloatArray(), w.toFloatArray(), 2e-6f, what + ": weights");
                        ai.djl.ndarray.NDList saved = adam.saveState(java.util.List.of(p));
                        assertClose(refMean.toFloatArray(), saved.get(0).toFloatArray(), 1e-6f, what + ": first moment");
                        assertClose(refVar.toFloatArray(), saved.get(1).toFloatArray(), 1e-6f, what + ": second moment");
                    }
                }
            }
        }
    }

    /**
     * A run on a thread of its own (as the window trains): libtorch starts each thread recording gradients, and
     * LARS's in-place update of a weight failed at step 1 wherever the engine had been loaded on another thread.
     */
    @Test
    void larsTrainsOnAFreshThread() throws Exception {
        org.twinlab.data.Dataset data = org.twinlab.data.DatasetCatalog.open(org.twinlab.data.DatasetCatalog.SAMPLE);
        TrainConfig.Builder b = TrainConfig.defaults().toBuilder();
        b.dataset = data.name();
        b.optimizer = OptimizerKind.LARS;
        b.batchSize = 32;
        b.projectorWidth = 32;
        b.steps = 3;
        b.snapshotEvery = 1;
        TrainConfig cfg = b.build();
        Engine.getInstance(); // loaded here, on this thread: the run's thread starts recording
        java.util.concurrent.atomic.AtomicReference<RunState> end = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.List<String> why = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread t = new Thread(() -> end.set(new TrainingLoop(cfg, data, new RunControl()).probes(false).listener(e -> {
            if (e instanceof TrainingEvent.State s && s.message() != null) {
                why.add(s.message());
            }
        }).run()), "fresh-training-thread");
        t.start();
        t.join(120_000);
        assertEquals(RunState.FINISHED, end.get(), "LARS on a fresh thread: " + why);
    }

    private static void assertClose(float[] expected, float[] actual, float tolerance, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            float bound = tolerance * Math.max(1f, Math.abs(expected[i]));
            if (Math.abs(expected[i] - actual[i]) > bound) {
                throw new AssertionError(what + " [" + i + "]: expected " + expected[i] + ", was " + actual[i]);
            }
        }
    }

    @Test
    void scheduleWarmsUpLinearlyThenDecaysByCosineToAThousandth() {
        LearningRateSchedule s = new LearningRateSchedule(Schedule.COSINE, 10, 110);
        assertEquals(0.1, s.factor(0), 1e-12);
        assertEquals(1.0, s.factor(9), 1e-12);
        assertEquals(1.0, s.factor(10), 1e-12);
        assertEquals(0.5 + 0.5 * 0.001, s.factor(60), 1e-9);
        assertEquals(0.001, s.factor(110), 1e-9);
        assertEquals(1.0, new LearningRateSchedule(Schedule.CONSTANT, 0, 100).factor(99), 0);
    }
}
