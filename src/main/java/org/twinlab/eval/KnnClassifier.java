package org.twinlab.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Weighted k-nearest-neighbour classification on cosine similarity, as self-supervised papers monitor
 * it (Wu et al. 2018): each of the k nearest train features votes for its class with weight
 * exp(similarity / T), T = 0.07. Test rows go in chunks, each in its own sub-manager.
 */
public final class KnnClassifier {
    public static final int DEFAULT_K = 20;
    public static final float TEMPERATURE = 0.07f;
    private static final int CHUNK = 256;

    private KnnClassifier() {
    }

    /** Test top-1 accuracy in [0, 1]. */
    public static double evaluate(Features train, Features test, int classes, int k, NDManager parent) {
        try (NDManager m = parent.newSubManager()) {
            NDArray xtr = unit(m.create(train.data(), new Shape(train.n(), train.dim())));
            NDArray xte = unit(m.create(test.data(), new Shape(test.n(), test.dim())));
            NDArray ytr = m.create(train.labels()).toType(DataType.INT64, false);
            int kk = Math.min(k, train.n());
            int[] labels = test.labels();
            int correct = 0;
            for (int start = 0; start < test.n(); start += CHUNK) {
                int end = Math.min(test.n(), start + CHUNK);
                try (NDManager c = m.newSubManager()) {
                    NDArray q = xte.get(new NDIndex("{}:{}", start, end));
                    q.attach(c);
                    NDArray sim = q.matMul(xtr.transpose());
                    NDList top = sim.topK(kk, 1);
                    float[] sims = top.get(0).toFloatArray();
                    long[] neighbourLabels = ytr.get(top.get(1).flatten().toType(DataType.INT64, false)).toLongArray();
                    for (int r = 0; r < end - start; r++) {
                        double[] votes = new double[classes];
                        for (int j = 0; j < kk; j++) {
                            votes[(int) neighbourLabels[r * kk + j]] += Math.exp(sims[r * kk + j] / TEMPERATURE);
                        }
                        int best = 0;
                        for (int cl = 1; cl < classes; cl++) {
                            if (votes[cl] > votes[best]) {
                                best = cl;
                            }
                        }
                        if (best == labels[start + r]) {
                            correct++;
                        }
                    }
                }
            }
            return (double) correct / test.n();
        }
    }

    private static NDArray unit(NDArray x) {
        return x.div(x.square().sum(new int[] {1}, true).sqrt().add(1e-12f));
    }
}
