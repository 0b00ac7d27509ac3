package org.twinlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BarlowTwinsLossTest {
    private NDManager m;

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void matchesTheDefinitionComputedByHand() {
        int n = 7;
        int d = 5;
        double[][] a = random(n, d, 1);
        double[][] b = random(n, d, 2);
        double lambda = 0.0051;
        double[][] c = byHand(a, b);
        double inv = 0;
        double red = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                if (i == j) {
                    inv += (1 - c[i][i]) * (1 - c[i][i]);
                } else {
                    red += c[i][j] * c[i][j];
                }
            }
        }
        BarlowTwinsLoss.Terms t = BarlowTwinsLoss.compute(array(a), array(b), lambda);
        float[] cm = t.correlation().toFloatArray();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(c[i][j], cm[i * d + j], 1e-5);
            }
        }
        assertEquals(inv, t.invariance().getFloat(), 1e-4);
        assertEquals(red, t.redundancy().getFloat(), 1e-4);
        assertEquals(inv + lambda * red, t.total().getFloat(), 1e-4);
    }

    /** The loss reads C's diagonal and off-diagonal through views; the values are those of the mask formulation. */
    @Test
    void atLargeDTheViewsGiveTheValuesOfTheIdentityMaskFormulation() {
        int d = 2048;
        NDArray za = m.randomNormal(new Shape(64, d));
        NDArray zb = za.mul(0.8f).add(m.randomNormal(new Shape(64, d)).mul(0.6f));
        BarlowTwinsLoss.Terms t = BarlowTwinsLoss.compute(za, zb, 0.0051);
        NDArray c = t.correlation();
        NDArray eye = m.eye(d);
        double inv = c.mul(eye).sum(new int[] {1}).sub(1f).square().sum().getFloat();
        double red = c.square().mul(eye.neg().add(1f)).sum().getFloat();
        assertEquals(inv, t.invariance().getFloat(), 1e-5 * inv);
        assertEquals(red, t.redundancy().getFloat(), 1e-5 * red);
        assertEquals(d * (d - 1), BarlowTwinsLoss.offDiagonal(c).size());
    }

    /**
     * The gradient is written out rather than taken by autograd through C: it must be autograd's of the
     * identity-mask formulation, for every normalisation and every choice of terms, and the values too.
     */
    @Test
    void theWrittenOutGradientIsAutogradsOfTheMaskFormulation() {
        int n = 16;
        int d = 48;
        double lambda = 0.05;
        for (BarlowTwinsLoss.Normalisation norm : BarlowTwinsLoss.Normalisation.values()) {
            for (boolean[] on : new boolean[][] {{true, true}, {true, false}, {false, true}}) {
                String what = norm + " invariance " + on[0] + " redundancy " + on[1];
                NDArray za = m.randomNormal(new Shape(n, d));
                NDArray zb = za.mul(0.7f).add(m.randomNormal(new Shape(n, d)).mul(0.5f));
                float[][] ours = gradients(za, zb, (x, y) -> new BarlowTwinsLoss(norm, on[0], on[1])
                        .compute(x, y, Objective.Context.of(lambda)).total());
                float[][] masked = gradients(za, zb, (x, y) -> masked(x, y, norm, on[0], on[1], lambda));
                assertEquals(masked[2][0], ours[2][0], 1e-5 * Math.abs(masked[2][0]) + 1e-6, what + ": value");
                for (int k = 0; k < 2; k++) {
                    double scale = 0;
                    for (float v : masked[k]) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                    for (int i = 0; i < masked[k].length; i++) {
                        assertEquals(masked[k][i], ours[k][i], 1e-4 * scale, what + ": gradient " + k + "[" + i + "]");
                    }
                }
            }
        }
    }

    private static float[][] gradients(NDArray za, NDArray zb, java.util.function.BinaryOperator<NDArray> loss) {
        try (NDManager sm = za.getManager().newSubManager()) {
            NDArray x = za.duplicate();
            NDArray y = zb.duplicate();
            x.attach(sm);
            y.attach(sm);
            x.setRequiresGradient(true);
            y.setRequiresGradient(true);
            float value;
            try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray l = loss.apply(x, y);
                value = l.getFloat();
                gc.backward(l);
            }
            return new float[][] {x.getGradient().toFloatArray(), y.getGradient().toFloatArray(), {value}};
        }
    }

    /** The textbook form, through autograd: C / N, an identity mask for the diagonal, its complement for the rest. */
    private static NDArray masked(NDArray za, NDArray zb, BarlowTwinsLoss.Normalisation norm, boolean inv, boolean red,
                                  double lambda) {
        NDArray a = switch (norm) {
            case BATCH -> BarlowTwinsLoss.normalizeColumns(za);
            case FEATURE -> BarlowTwinsLoss.normalizeRows(za);
            case NONE -> za;
        };
        NDArray b = switch (norm) {
            case BATCH -> BarlowTwinsLoss.normalizeColumns(zb);
            case FEATURE -> BarlowTwinsLoss.normalizeRows(zb);
            case NONE -> zb;
        };
        NDArray c = a.transpose().matMul(b).div(za.getShape().get(0));
        NDArray eye = za.getManager().eye((int) c.getShape().get(0));
        NDArray total = za.getManager().create(0f);
        if (inv) {
            total = total.add(c.mul(eye).sum(new int[] {1}).sub(1f).square().sum());
        }
        if (red) {
            total = total.add(c.square().mul(eye.neg().add(1f)).sum().mul((float) lambda));
        }
        return total;
    }

    @Test
    void oneDimensionHasNoRedundancy() {
        double[][] a = random(6, 1, 3);
        double[][] b = random(6, 1, 4);
        double c = byHand(a, b)[0][0];
        BarlowTwinsLoss.Terms t = BarlowTwinsLoss.compute(array(a), array(b), 1.0);
        assertEquals(0, t.redundancy().getFloat(), 0);
        assertEquals((1 - c) * (1 - c), t.total().getFloat(), 1e-5);
    }

    @Test
    void theOrderOfTheBatchDoesNotMatter() {
        double[][] a = random(9, 4, 5);
        double[][] b = random(9, 4, 6);
        double[][] pa = new double[9][];
        double[][] pb = new double[9][];
        int[] perm = {3, 8, 0, 1, 7, 2, 6, 5, 4};
        for (int i = 0; i < 9; i++) {
            pa[i] = a[perm[i]];
            pb[i] = b[perm[i]];
        }
        float l1 = BarlowTwinsLoss.compute(array(a), array(b), 0.0051).total().getFloat();
        float l2 = BarlowTwinsLoss.compute(array(pa), array(pb), 0.0051).total().getFloat();
        assertEquals(l1, l2, 1e-4);
    }

    @Test
    void identicalWhitenedInputsGiveTheIdentity() {
        // four points whose two columns have mean 0, variance 1 and no correlation
        double[][] z = {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}};
        BarlowTwinsLoss.Terms t = BarlowTwinsLoss.compute(array(z), array(z), 0.0051);
        float[] c = t.correlation().toFloatArray();
        assertEquals(1, c[0], 1e-4);
        assertEquals(0, c[1], 1e-6);
        assertEquals(0, c[2], 1e-6);
        assertEquals(1, c[3], 1e-4);
        assertEquals(0, t.total().getFloat(), 1e-6);
    }

    @Test
    void rejectsMismatchedShapesAndBatchesOfOne() {
        assertThrows(IllegalArgumentException.class,
                () -> BarlowTwinsLoss.compute(array(random(4, 3, 1)), array(random(4, 2, 1)), 1));
        assertThrows(IllegalArgumentException.class,
                () -> BarlowTwinsLoss.compute(array(random(1, 3, 1)), array(random(1, 3, 1)), 1));
    }

    /** C from the definition: columns to mean 0 and biased std 1 (eps 1e-5), then A^T B / N. */
    static double[][] byHand(double[][] a, double[][] b) {
        int n = a.length;
        int d = a[0].length;
        double[][] na = normalise(a);
        double[][] nb = normalise(b);
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += na[k][i] * nb[k][j];
                }
                c[i][j] = s / n;
            }
        }
        return c;
    }

    private static double[][] normalise(double[][] z) {
        int n = z.length;
        int d = z[0].length;
        double[][] out = new double[n][d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] row : z) {
                mean += row[j];
            }
            mean /= n;
            double var = 0;
            for (double[] row : z) {
                var += (row[j] - mean) * (row[j] - mean);
            }
            var /= n;
            for (int i = 0; i < n; i++) {
                out[i][j] = (z[i][j] - mean) / Math.sqrt(var + 1e-5);
            }
        }
        return out;
    }

    private static double[][] random(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] out = new double[n][d];
        for (double[] row : out) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextDouble() * 4 - 2;
            }
        }
        return out;
    }

    private NDArray array(double[][] z) {
        float[] flat = new float[z.length * z[0].length];
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z[0].length; j++) {
                flat[i * z[0].length + j] = (float) z[i][j];
            }
        }
        return m.create(flat, new Shape(z.length, z[0].length));
    }
}
