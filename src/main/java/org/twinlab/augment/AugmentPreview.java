package org.twinlab.augment;

import org.twinlab.data.ArgbImage;
import org.twinlab.data.Dataset;
import org.twinlab.data.ImageShape;
import org.twinlab.data.Split;

/**
 * A grid of chosen images and their two views: the originals in the top row, view A in the middle
 * and view B at the bottom, each cell scaled up by whole pixels so nothing is smoothed away.
 */
public final class AugmentPreview {
    public static final int GAP = 2;
    private static final int BACKGROUND = 0xFF202329;

    private AugmentPreview() {
    }

    /** The train images at {@code indices} with their two views drawn with {@code seed}. */
    public static ArgbImage render(Dataset dataset, AugmentConfig config, int[] indices, long seed, int scale) {
        ImageShape s = dataset.shape();
        Split split = dataset.train();
        int n = indices.length;
        float[] originals = new float[n * s.size()];
        for (int i = 0; i < n; i++) {
            split.copyImage(indices[i], originals, i * s.size());
        }
        float[] va = new float[n * s.size()];
        float[] vb = new float[n * s.size()];
        TwoViewAugmenter.forDataset(dataset, config).views(split, indices, seed, va, vb, false);
        int cw = s.width() * scale;
        int ch = s.height() * scale;
        int width = n * cw + (n + 1) * GAP;
        int height = 3 * ch + 4 * GAP;
        int[] px = new int[width * height];
        java.util.Arrays.fill(px, BACKGROUND);
        float[][] rows = {originals, va, vb};
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < n; i++) {
                draw(rows[r], i * s.size(), s, scale, px, width, GAP + i * (cw + GAP), GAP + r * (ch + GAP));
            }
        }
        return new ArgbImage(width, height, px);
    }

    /** One row of train images, unaugmented: the dataset's thumbnails. */
    public static ArgbImage originals(Dataset dataset, int[] indices, int scale) {
        ImageShape s = dataset.shape();
        int n = indices.length;
        float[] img = new float[n * s.size()];
        for (int i = 0; i < n; i++) {
            dataset.train().copyImage(indices[i], img, i * s.size());
        }
        int cw = s.width() * scale;
        int width = n * cw + (n + 1) * GAP;
        int height = s.height() * scale + 2 * GAP;
        int[] px = new int[width * height];
        java.util.Arrays.fill(px, BACKGROUND);
        for (int i = 0; i < n; i++) {
            draw(img, i * s.size(), s, scale, px, width, GAP + i * (cw + GAP), GAP);
        }
        return new ArgbImage(width, height, px);
    }

    /** A spread of train images, one of each class first, chosen by the seed. */
    public static int[] pickIndices(Dataset dataset, int count, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int[] out = new int[count];
        int size = dataset.train().size();
        for (int i = 0; i < count; i++) {
            int want = i % dataset.classCount();
            int idx = rnd.nextInt(size);
            for (int tries = 0; tries < 200 && dataset.train().label(idx) != want; tries++) {
                idx = rnd.nextInt(size);
            }
            out[i] = idx;
        }
        return out;
    }

    private static void draw(float[] img, int off, ImageShape s, int scale, int[] px, int width, int x0, int y0) {
        int plane = s.plane();
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                int k = off + y * s.width() + x;
                int r = toByte(img[k]);
                int g = s.channels() == 3 ? toByte(img[k + plane]) : r;
                int b = s.channels() == 3 ? toByte(img[k + 2 * plane]) : r;
                int argb = 0xFF000000 | r << 16 | g << 8 | b;
                for (int dy = 0; dy < scale; dy++) {
                    int row = (y0 + y * scale + dy) * width + x0 + x * scale;
                    java.util.Arrays.fill(px, row, row + scale, argb);
                }
            }
        }
    }

    private static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }
}
