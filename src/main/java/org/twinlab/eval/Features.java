package org.twinlab.eval;

/** n feature vectors of one dimension, row after row, with their labels. */
public record Features(float[] data, int n, int dim, int[] labels) {
    public Features {
        if (data.length != (long) n * dim || labels.length != n) {
            throw new IllegalArgumentException("features: " + data.length + " values and " + labels.length
                    + " labels for " + n + " x " + dim);
        }
    }
}
