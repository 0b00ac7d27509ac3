package org.twinlab.eval;

/**
 * How well frozen features classify: a linear probe's top-1 and top-5 and weighted kNN top-1 on the
 * test split. {@code encoder} says whose features: "trained", or the baselines "random" (the same
 * architecture, untrained) and "pixels" (the normalised raw pixels).
 */
public record ProbeResult(String encoder, int step, double epoch, double linearTop1, double linearTop5,
                          double knnTop1, double seconds) {
    public static final String TRAINED = "trained";
    public static final String RANDOM = "random";
    public static final String PIXELS = "pixels";
    /** The encoder a run started from when it was given one (instead of the random initialisation). */
    public static final String INITIAL = "initial";
}
