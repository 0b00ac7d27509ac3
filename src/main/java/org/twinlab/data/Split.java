package org.twinlab.data;

/**
 * One split of a dataset: images as unsigned bytes, channels first, one after the other, and their
 * labels. Held as raw bytes (a quarter of floats) so the full Fashion-MNIST fits in 55 MB.
 */
public final class Split {
    private final ImageShape shape;
    private final byte[] pixels;
    private final int[] labels;

    public Split(ImageShape shape, byte[] pixels, int[] labels) {
        if ((long) labels.length * shape.size() != pixels.length) {
            throw new IllegalArgumentException(
                    "pixel count " + pixels.length + " is not " + labels.length + " images of " + shape);
        }
        this.shape = shape;
        this.pixels = pixels;
        this.labels = labels;
    }

    public ImageShape shape() {
        return shape;
    }

    public int size() {
        return labels.length;
    }

    public int label(int index) {
        return labels[index];
    }

    public int[] labels() {
        return labels.clone();
    }

    /** The pixel value (0-255) of image {@code index}, channel {@code c}, row {@code y}, column {@code x}. */
    public int pixel(int index, int c, int y, int x) {
        return pixels[index * shape.size() + (c * shape.height() + y) * shape.width() + x] & 0xff;
    }

    /** Copies image {@code index} into {@code dst} at {@code offset} as floats in [0, 1]. */
    public void copyImage(int index, float[] dst, int offset) {
        int n = shape.size();
        int base = index * n;
        for (int k = 0; k < n; k++) {
            dst[offset + k] = (pixels[base + k] & 0xff) * (1f / 255f);
        }
    }

    /** Feeds the pixels and labels to {@code md}: what a cache of results on this split is keyed by. */
    public void digest(java.security.MessageDigest md) {
        md.update(pixels);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * labels.length);
        b.asIntBuffer().put(labels);
        md.update(b.array());
    }

    /** A split holding only the given images, in that order. */
    public Split subset(int[] indices) {
        int n = shape.size();
        byte[] px = new byte[indices.length * n];
        int[] lb = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * n, px, i * n, n);
            lb[i] = labels[indices[i]];
        }
        return new Split(shape, px, lb);
    }

    /** Per-channel mean and (population) standard deviation of the pixel values in [0, 1]. */
    double[][] channelStats() {
        int c = shape.channels();
        int plane = shape.plane();
        double[] sum = new double[c];
        double[] sq = new double[c];
        for (int i = 0; i < labels.length; i++) {
            for (int ch = 0; ch < c; ch++) {
                int base = i * shape.size() + ch * plane;
                long s = 0;
                long s2 = 0;
                for (int k = 0; k < plane; k++) {
                    int v = pixels[base + k] & 0xff;
                    s += v;
                    s2 += (long) v * v;
                }
                sum[ch] += s;
                sq[ch] += s2;
            }
        }
        double count = (double) labels.length * plane;
        double[] mean = new double[c];
        double[] std = new double[c];
        for (int ch = 0; ch < c; ch++) {
            double m = sum[ch] / count;
            mean[ch] = m / 255.0;
            std[ch] = Math.sqrt(Math.max(sq[ch] / count - m * m, 1e-12)) / 255.0;
        }
        return new double[][] {mean, std};
    }
}
