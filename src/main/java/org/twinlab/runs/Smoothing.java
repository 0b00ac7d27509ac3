package org.twinlab.runs;

/**
 * TensorBoard's smoothing of a noisy curve: an exponential moving average with its start-up bias removed,
 * {@code last = last * w + (1 - w) * x; shown = last / (1 - w^n)}, so the first points are not pulled
 * towards zero. Values that are not finite stay gaps and do not count.
 */
public final class Smoothing {
    /** TensorBoard's default weight. */
    public static final double DEFAULT = 0.6;

    private Smoothing() {
    }

    /** The smoothed curve; weight 0 returns the values as they are. */
    public static double[] ema(double[] v, double weight) {
        double[] out = new double[v.length];
        double last = 0;
        double debias = 1;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                out[i] = Double.NaN;
                continue;
            }
            if (weight <= 0) {
                out[i] = v[i];
                continue;
            }
            last = last * weight + (1 - weight) * v[i];
            debias *= weight;
            out[i] = last / (1 - debias);
        }
        return out;
    }
}
