package org.twinlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every objective's value against the lecture's formula computed by hand in double precision. */
class ObjectivesTest {
    private static final int N = 8;
    private static final int D = 5;
    private NDManager m;
    private double[][] a;
    private double[][] b;

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager();
        a = random(N, D, 11);
        b = random(N, D, 12);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < D; j++) {
                b[i][j] = 0.7 * a[i][j] + 0.3 * b[i][j]; // correlated twins, as after some training
            }
        }
    }

    @AfterEach
    void close() {
        m.close();
    }

    private Objective.Loss loss(ObjectiveKind k, double lambda, double tau) {
        return k.create().compute(array(a), array(b), new Objective.Context(lambda, tau, z -> z.mul(2f)));
    }

    private static void assertTermsSumToTotal(Objective.Loss l) {
        double sum = 0;
        for (NDArray t : l.terms()) {
            sum += t.getFloat();
        }
        assertEquals(l.total().getFloat(), sum, 1e-4 * Math.max(1, Math.abs(sum)));
    }

    @Test
    void theBarlowTwinsAblationsNormaliseAndWeighAsTheLectureSays() {
        double lambda = 0.3;
        double[][] batch = BarlowTwinsLossTest.byHand(a, b);
        double[][] feature = product(rows(a), rows(b));
        double[][] none = product(a, b);
        Object[][] cases = {
            {ObjectiveKind.BARLOW_TWINS, batch, true, true},
            {ObjectiveKind.NO_PROJECTOR_BN, batch, true, true},
            {ObjectiveKind.INVARIANCE_ONLY, batch, true, false},
            {ObjectiveKind.REDUNDANCY_ONLY, batch, false, true},
            {ObjectiveKind.FEATURE_NORM, feature, true, true},
            {ObjectiveKind.NO_BN_NO_NORM, none, true, true},
        };
        for (Object[] c : cases) {
            ObjectiveKind k = (ObjectiveKind) c[0];
            double[][] cm = (double[][]) c[1];
            double inv = 0;
            double red = 0;
            for (int i = 0; i < D; i++) {
                for (int j = 0; j < D; j++) {
                    if (i == j) {
                        inv += (1 - cm[i][i]) * (1 - cm[i][i]);
                    } else {
                        red += cm[i][j] * cm[i][j];
                    }
                }
            }
            double expected = ((boolean) c[2] ? inv : 0) + ((boolean) c[3] ? lambda * red : 0);
            Objective.Loss l = loss(k, lambda, 0.1);
            assertEquals(expected, l.total().getFloat(), 1e-4 * Math.max(1, expected), k.key());
            assertEquals(((boolean) c[2] ? 1 : 0) + ((boolean) c[3] ? 1 : 0), l.terms().size(), k.key());
            assertTermsSumToTotal(l);
            assertEquals(cm[1][3], l.matrix().toFloatArray()[D + 3], 1e-5, k.key() + ": the heatmap shows the loss's own C");
        }
    }

    @Test
    void crossEntropyWithTemperature() {
        double lambda = 0.5;
        double tau = 0.2;
        double[][] c = BarlowTwinsLossTest.byHand(a, b);
        double on = 0;
        double off = 0;
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                if (i == j) {
                    on += Math.exp(c[i][i] / tau);
                } else {
                    off += Math.exp(Math.max(c[i][j], 0) / tau);
                }
            }
        }
        double expected = -Math.log(on) + lambda * Math.log(off);
        Objective.Loss l = loss(ObjectiveKind.CROSS_ENTROPY, lambda, tau);
        assertEquals(expected, l.total().getFloat(), 1e-4);
        assertTermsSumToTotal(l);
    }

    @Test
    void infoNceAsEquationThree() {
        double tau = 0.5;
        double sim = 0;
        double contrast = 0;
        for (int i = 0; i < N; i++) {
            sim += cos(a[i], b[i]) / tau;
            double s = 0;
            for (int j = 0; j < N; j++) {
                if (j != i) {
                    s += Math.exp(cos(a[i], b[j]) / tau);
                }
            }
            contrast += Math.log(s);
        }
        Objective.Loss l = loss(ObjectiveKind.INFONCE, 0, tau);
        assertEquals(-sim, l.terms().get(0).getFloat(), 1e-4);
        assertEquals(contrast, l.terms().get(1).getFloat(), 1e-4);
        assertEquals(-sim + contrast, l.total().getFloat(), 1e-4);
    }

    @Test
    void cosineAsEquationFourWithAndWithoutTheAsymmetry() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            sum += cos(a[i], b[i]);
        }
        assertEquals(-sum, loss(ObjectiveKind.COSINE, 0, 0.1).total().getFloat(), 1e-4);
        // the predictor here doubles its input, which leaves cosines unchanged: -1/2 (s(pa, b) + s(pb, a)) = -sum
        assertEquals(-sum, loss(ObjectiveKind.COSINE_PREDICTOR, 0, 0.1).total().getFloat(), 1e-4);
    }

    @Test
    void theStopGradientKeepsGradientsOffTheTargetBranch() {
        NDArray za = array(a);
        NDArray zb = array(b);
        za.setRequiresGradient(true);
        zb.setRequiresGradient(true);
        // a predictor that ignores its input: only the stop-gradient branch could then reach the embeddings
        Objective.Context ctx = new Objective.Context(0, 0.1, z -> z.mul(0f).add(m.ones(new Shape(N, D))));
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(ObjectiveKind.COSINE_PREDICTOR.create().compute(za, zb, ctx).total());
        }
        assertEquals(0f, za.getGradient().abs().sum().getFloat(), 0f);
        assertEquals(0f, zb.getGradient().abs().sum().getFloat(), 0f);
    }

    @Test
    void imaxIsTheLogDeterminantDifferenceWithItsExactGradient() {
        double expected = logDet(cov(minus(a, b, -1))) - logDet(cov(minus(a, b, 1)));
        Objective.Loss l = loss(ObjectiveKind.IMAX, 0, 0.1);
        assertEquals(expected, l.total().getFloat(), 1e-3);
        assertTermsSumToTotal(l);
        // the gradient (through the surrogate) against central finite differences of the hand formula
        NDArray za = array(a);
        za.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(ObjectiveKind.IMAX.create().compute(za, array(b), Objective.Context.of(0)).total());
        }
        float[] grad = za.getGradient().toFloatArray();
        double h = 1e-5;
        for (int[] at : new int[][] {{0, 0}, {3, 2}, {7, 4}}) {
            double keep = a[at[0]][at[1]];
            a[at[0]][at[1]] = keep + h;
            double up = logDet(cov(minus(a, b, -1))) - logDet(cov(minus(a, b, 1)));
            a[at[0]][at[1]] = keep - h;
            double down = logDet(cov(minus(a, b, -1))) - logDet(cov(minus(a, b, 1)));
            a[at[0]][at[1]] = keep;
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, grad[at[0] * D + at[1]], 1e-2 * Math.max(1, Math.abs(numeric)), "d/dza" + at[0] + at[1]);
        }
    }

    @Test
    void effectiveRankAndSpreadSeeACollapse() {
        double[][] iso = random(2000, 8, 5);
        EmbeddingDiagnostics healthy = EmbeddingDiagnostics.of(array(iso));
        assertEquals(8, healthy.effectiveRank(), 0.5, "isotropic: every direction counts");
        assertEquals(1, healthy.spread(), 0.15);
        double[][] line = new double[200][8];
        double[][] point = new double[200][8];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            double t = r.nextGaussian();
            for (int j = 0; j < 8; j++) {
                line[i][j] = (j + 1) * t + 1e-3 * r.nextGaussian();
                point[i][j] = j - 3.5 + 1e-3 * r.nextGaussian();
            }
        }
        assertEquals(1, EmbeddingDiagnostics.of(array(line)).effectiveRank(), 0.05, "everything on one line");
        double collapsed = EmbeddingDiagnostics.of(array(point)).spread();
        assertTrue(collapsed < 0.01, "every input on one point: no spread left, " + collapsed);
    }

    @Test
    void everyObjectiveNamesItsTermsAndRunsBackward() {
        for (ObjectiveKind k : ObjectiveKind.values()) {
            NDArray za = array(a);
            NDArray zb = array(b);
            za.setRequiresGradient(true);
            zb.setRequiresGradient(true);
            Objective o = k.create();
            Objective.Loss l;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                l = o.compute(za, zb, new Objective.Context(0.0051, 0.1, z -> z.mul(2f)));
                gc.backward(l.total());
            }
            assertEquals(o.terms().size(), l.terms().size(), k.key());
            assertTrue(Float.isFinite(l.total().getFloat()), k.key());
            List<String> keys = o.terms().stream().map(Objective.Term::key).toList();
            assertTrue(keys.stream().allMatch(t -> t.matches("[a-z_]+")), "CSV-safe term keys: " + keys);
        }
    }

    // by hand, in double

    private static double cos(double[] u, double[] v) {
        double uv = 0;
        double uu = 0;
        double vv = 0;
        for (int i = 0; i < u.length; i++) {
            uv += u[i] * v[i];
            uu += u[i] * u[i];
            vv += v[i] * v[i];
        }
        return uv / Math.sqrt(uu) / Math.sqrt(vv);
    }

    /** Each row to mean 0 and biased std 1 over its features (eps 1e-5). */
    private static double[][] rows(double[][] z) {
        double[][] out = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            double mean = 0;
            for (double v : z[i]) {
                mean += v / z[i].length;
            }
            double var = 0;
            for (double v : z[i]) {
                var += (v - mean) * (v - mean) / z[i].length;
            }
            out[i] = new double[z[i].length];
            for (int j = 0; j < z[i].length; j++) {
                out[i][j] = (z[i][j] - mean) / Math.sqrt(var + 1e-5);
            }
        }
        return out;
    }

    /** x^T y / N. */
    private static double[][] product(double[][] x, double[][] y) {
        double[][] c = new double[D][D];
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                for (int k = 0; k < x.length; k++) {
                    c[i][j] += x[k][i] * y[k][j] / x.length;
                }
            }
        }
        return c;
    }

    private static double[][] minus(double[][] x, double[][] y, int sign) {
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                out[i][j] = x[i][j] + sign * y[i][j];
            }
        }
        return out;
    }

    /** The biased covariance plus the objective's ridge. */
    private static double[][] cov(double[][] x) {
        double[] mean = new double[D];
        for (double[] r : x) {
            for (int j = 0; j < D; j++) {
                mean[j] += r[j] / x.length;
            }
        }
        double[][] c = new double[D][D];
        for (double[] r : x) {
            for (int i = 0; i < D; i++) {
                for (int j = 0; j < D; j++) {
                    c[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]) / x.length;
                }
            }
        }
        for (int i = 0; i < D; i++) {
            c[i][i] += ImaxLoss.RIDGE;
        }
        return c;
    }

    /** log|S| by Gaussian elimination with partial pivoting (not the Cholesky the code uses). */
    private static double logDet(double[][] s) {
        int n = s.length;
        double[][] u = new double[n][];
        for (int i = 0; i < n; i++) {
            u[i] = s[i].clone();
        }
        double log = 0;
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(u[i][k]) > Math.abs(u[p][k])) {
                    p = i;
                }
            }
            double[] t = u[k];
            u[k] = u[p];
            u[p] = t;
            log += Math.log(Math.abs(u[k][k]));
            for (int i = k + 1; i < n; i++) {
                double f = u[i][k] / u[k][k];
                for (int j = k; j < n; j++) {
                    u[i][j] -= f * u[k][j];
                }
            }
        }
        return log;
    }

    private static double[][] random(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = r.nextGaussian();
            }
        }
        return z;
    }

    private NDArray array(double[][] z) {
        float[] f = new float[z.length * z[0].length];
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z[0].length; j++) {
                f[i * z[0].length + j] = (float) z[i][j];
            }
        }
        return m.create(f, new Shape(z.length, z[0].length));
    }
}
