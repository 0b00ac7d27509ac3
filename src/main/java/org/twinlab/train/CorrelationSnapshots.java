package org.twinlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Turns the D x D matrix C of a step into a {@link TrainingEvent.Correlation}: every cell for
 * D <= 1024, else a block-averaged view plus an exact 256 x 256 window, with the summary statistics.
 */
public final class CorrelationSnapshots {
    public static final int MAX_EXACT = 1024;
    public static final int REGION = 256;

    private CorrelationSnapshots() {
    }

    public static TrainingEvent.Correlation of(NDArray c, int step, int regionRow, int regionCol) {
        return of(c, step, regionRow, regionCol, Double.NaN, Double.NaN);
    }

    /** The snapshot with the collapse gauges of the same batch ({@link org.twinlab.model.EmbeddingDiagnostics}). */
    public static TrainingEvent.Correlation of(NDArray c, int step, int regionRow, int regionCol, double effectiveRank,
                                               double spread) {
        int d = (int) c.getShape().get(0);
        int bins = TrainingEvent.Correlation.HISTOGRAM_BINS;
        if (d <= MAX_EXACT) {
            float[] all = c.toFloatArray();
            int[] diagHist = new int[bins];
            int[] offHist = new int[bins];
            double diagSum = 0;
            double offAbs = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    float v = all[i * d + j];
                    if (i == j) {
                        diagSum += v;
                        diagHist[bin(v, bins)]++;
                    } else {
                        offAbs += Math.abs(v);
                        offHist[bin(v, bins)]++;
                    }
                }
            }
            double meanOff = d > 1 ? offAbs / ((double) d * d - d) : 0;
            return new TrainingEvent.Correlation(step, d, d, 1, all, 0, 0, d, all, diagSum / d, meanOff, diagHist, offHist,
                    effectiveRank, spread);
        }
        int stride = (d + MAX_EXACT - 1) / MAX_EXACT;
        int side = d / stride;
        int used = side * stride;
        float[] diag = c.diagonal().toFloatArray();
        float[] pooled = c.get(new NDIndex("0:{}, 0:{}", used, used)).reshape(side, stride, side, stride)
                .mean(new int[] {3}).mean(new int[] {1}).toFloatArray(); // PyTorch engine: one axis per mean
        int[] diagHist = new int[bins];
        double diagSum = 0;
        double diagAbs = 0;
        for (float v : diag) {
            diagSum += v;
            diagAbs += Math.abs(v);
            diagHist[bin(v, bins)]++;
        }
        for (int k = 0; k < side; k++) {
            double s = 0;
            for (int i = k * stride; i < (k + 1) * stride; i++) {
                s += diag[i];
            }
            pooled[k * side + k] = (float) (s / stride);
        }
        double meanOff = (c.abs().sum().getFloat() - diagAbs) / ((double) d * d - d);
        int r0 = Math.min(Math.max(0, regionRow), d - REGION);
        int c0 = Math.min(Math.max(0, regionCol), d - REGION);
        float[] region = c.get(new NDIndex("{}:{}, {}:{}", r0, r0 + REGION, c0, c0 + REGION)).toFloatArray();
        int[] offHist = new int[bins];
        for (int i = 0; i < REGION; i++) {
            for (int j = 0; j < REGION; j++) {
                if (r0 + i != c0 + j) {
                    offHist[bin(region[i * REGION + j], bins)]++;
                }
            }
        }
        return new TrainingEvent.Correlation(step, d, side, stride, pooled, r0, c0, REGION, region, diagSum / d,
                meanOff, diagHist, offHist, effectiveRank, spread);
    }

    static int bin(float v, int bins) {
        int b = (int) Math.floor((v + 1f) / 2f * bins);
        return Math.max(0, Math.min(bins - 1, b));
    }
}
