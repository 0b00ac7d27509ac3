package org.twinlab.eval;

import java.util.SplittableRandom;

/**
 * The first two principal components of a set of features, by power iteration on the covariance with
 * deflation: enough for a scatter plot, and plain Java so it runs beside training without a device.
 */
public final class Pca2D {
    /** Coordinates of each point on the two components, with its label. */
    public record Projection(float[] x, float[] y, int[] labels) {
    }

    private Pca2D() {
    }

    public static Projection project(Features f, int maxPoints, long seed) {
        int n = Math.min(f.n(), maxPoints);
        int d = f.dim();
        int[] pick = new int[n];
        // an even spread over the test set rather than its first rows
        for (int i = 0; i < n; i++) {
            pick[i] = (int) ((long) i * f.n() / n);
        }
        double[] mean = new double[d];
        for (int i : pick) {
            for (int j = 0; j < d; j++) {
                mean[j] += f.data()[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] cov = new double[d][d];
        double[] row = new double[d];
        for (int i : pick) {
            for (int j = 0; j < d; j++) {
                row[j] = f.data()[i * d + j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double ra = row[a];
                if (ra == 0) {
                    continue;
                }
                double[] ca = cov[a];
                for (int b = a; b < d; b++) {
                    ca[b] += ra * row[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v1 = powerIteration(cov, null, rnd);
        double[] v2 = powerIteration(cov, v1, rnd);
        float[] x = new float[n];
        float[] y = new float[n];
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            int i = pick[k];
            double px = 0;
            double py = 0;
            for (int j = 0; j < d; j++) {
                double c = f.data()[i * d + j] - mean[j];
                px += c * v1[j];
                py += c * v2[j];
            }
            x[k] = (float) px;
            y[k] = (float) py;
            labels[k] = f.labels()[i];
        }
        return new Projection(x, y, labels);
    }

    private static double[] powerIteration(double[][] cov, double[] orthogonalTo, SplittableRandom rnd) {
        int d = cov.length;
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = rnd.nextDouble() - 0.5;
        }
        double[] next = new double[d];
        for (int it = 0; it < 200; it++) {
            if (orthogonalTo != null) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += v[j] * orthogonalTo[j];
                }
                for (int j = 0; j < d; j++) {
                    v[j] -= dot * orthogonalTo[j];
                }
            }
            double norm = 0;
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int b = 0; b < d; b++) {
                    s += cov[a][b] * v[b];
                }
                next[a] = s;
                norm += s * s;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                break;
            }
            for (int j = 0; j < d; j++) {
                v[j] = next[j] / norm;
            }
        }
        return v;
    }
}
