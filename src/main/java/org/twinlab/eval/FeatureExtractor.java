package org.twinlab.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.twinlab.augment.ImageOps;
import org.twinlab.data.ImageShape;
import org.twinlab.data.Split;
import org.twinlab.model.TwinNetwork;

/** Frozen features of a split: un-augmented, normalised images through the encoder in inference mode. */
public final class FeatureExtractor {
    private static final int BATCH = 500;

    private FeatureExtractor() {
    }

    public static Features encoder(TwinNetwork net, Split split, float[] mean, float[] std, NDManager parent) {
        ImageShape s = split.shape();
        int n = split.size();
        int dim = net.featureDim();
        float[] out = new float[n * dim];
        float[] batch = new float[BATCH * s.size()];
        for (int start = 0; start < n; start += BATCH) {
            int b = Math.min(BATCH, n - start);
            fill(split, start, b, mean, std, batch);
            try (NDManager m = parent.newSubManager()) {
                NDArray x = m.create(batch, new Shape(BATCH, s.channels(), s.height(), s.width()))
                        .get("0:" + b);
                float[] f = net.features(x).toFloatArray();
                System.arraycopy(f, 0, out, start * dim, b * dim);
            }
        }
        return new Features(out, n, dim, split.labels());
    }

    /** The normalised pixels themselves: the raw-pixel baseline. */
    public static Features pixels(Split split, float[] mean, float[] std) {
        ImageShape s = split.shape();
        float[] out = new float[split.size() * s.size()];
        fill(split, 0, split.size(), mean, std, out);
        return new Features(out, split.size(), s.size(), split.labels());
    }

    private static void fill(Split split, int start, int count, float[] mean, float[] std, float[] dst) {
        ImageShape s = split.shape();
        for (int i = 0; i < count; i++) {
            split.copyImage(start + i, dst, i * s.size());
            ImageOps.normalize(dst, i * s.size(), s, mean, std);
        }
    }
}
