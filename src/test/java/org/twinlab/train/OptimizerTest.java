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
