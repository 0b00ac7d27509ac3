package org.twinlab.augment;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.twinlab.data.Dataset;
import org.twinlab.data.ImageShape;
import org.twinlab.data.Split;

/**
 * Makes the two augmented views of a batch, in parallel over images. Each image's random choices come
 * from a generator seeded by (seed, position in batch, view) alone, so the same seed and batch give
 * the same views whatever the number of threads.
 */
public final class TwoViewAugmenter {
    private final ViewPipeline a;
    private final ViewPipeline b;
    private final ImageShape shape;
    private final float[] mean;
    private final float[] std;
    private final ThreadLocal<float[][]> scratch;

    public TwoViewAugmenter(AugmentConfig config, ImageShape shape, float[] mean, float[] std) {
        this.a = new ViewPipeline(config.viewA(), shape);
        this.b = new ViewPipeline(config.viewB(), shape);
        this.shape = shape;
        this.mean = mean.clone();
        this.std = std.clone();
        this.scratch = ThreadLocal.withInitial(() -> new float[][] {new float[shape.size()], new float[shape.size()]});
    }

    public static TwoViewAugmenter forDataset(Dataset dataset, AugmentConfig config) {
        return new TwoViewAugmenter(config, dataset.shape(), dataset.mean(), dataset.std());
    }

    public ImageShape shape() {
        return shape;
    }

    /**
     * Writes view A and view B of the images at {@code indices} into {@code outA} and {@code outB}
     * (each indices.length x C x H x W), normalised with the dataset's mean and std when asked.
     */
    public void views(Split split, int[] indices, long seed, float[] outA, float[] outB, boolean normalize) {
        int n = shape.size();
        IntStream.range(0, indices.length).parallel().forEach(i -> {
            float[][] s = scratch.get();
            float[] original = s[0];
            split.copyImage(indices[i], original, 0);
            apply(a, original, outA, i * n, generator(seed, i, 0), s[1], normalize);
            apply(b, original, outB, i * n, generator(seed, i, 1), s[1], normalize);
        });
    }

    private void apply(ViewPipeline p, float[] original, float[] out, int off, SplittableRandom rnd, float[] tmp, boolean normalize) {
        p.apply(original, 0, out, off, rnd, tmp);
        if (normalize) {
            ImageOps.normalize(out, off, shape, mean, std);
        }
    }

    /** A generator for one image of one view: a function of its arguments only. */
    static SplittableRandom generator(long seed, int position, int view) {
        long h = seed * 0x9E3779B97F4A7C15L + position * 0xC2B2AE3D27D4EB4FL + view * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return new SplittableRandom(h);
    }
}
