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
