package org.twinlab.eval;

import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.twinlab.data.Dataset;
import org.twinlab.model.TwinNetwork;

/**
 * The evaluations a run makes of an encoder: frozen features of both splits, linear probe (top-1,
 * top-5), kNN top-1, and a 2-D PCA of the test features. The raw-pixel baseline depends only on the
 * dataset and is computed once per dataset.
 */
public final class ProbeSuite {
    public static final int PROBE_EPOCHS = 10;
    public static final int PCA_POINTS = 2000;
    private static final Map<String, ProbeResult> PIXEL_CACHE = new ConcurrentHashMap<>();

    /** A probe result with the PCA projection of the same test features. */
    public record Outcome(ProbeResult result, Pca2D.Projection embedding) {
    }

    private ProbeSuite() {
    }

    public static Outcome encoder(String label, TwinNetwork net, Dataset ds, NDManager parent, int step, double epoch, long seed) {
        return encoder(label, net, ds, ds.mean(), ds.std(), parent, step, epoch, seed);
    }

    /** The same with a given normalisation: an exported encoder probed on another dataset keeps its own. */
    public static Outcome encoder(String label, TwinNetwork net, Dataset ds, float[] mean, float[] std, NDManager parent,
                                  int step, double epoch, long seed) {
        long t0 = System.nanoTime();
        Features train = FeatureExtractor.encoder(net, ds.train(), mean, std, parent);
        Features test = FeatureExtractor.encoder(net, ds.test(), mean, std, parent);
        return features(label, train, test, ds.classCount(), parent, step, epoch, seed, t0);
    }

    /** The same probes on features computed elsewhere (a TorchScript encoder); {@code t0} is when their work began. */
    public static Outcome features(String label, Features train, Features test, int classCount, NDManager parent, int step,
                                   double epoch, long seed, long t0) {
        LinearProbe.Accuracy lin = LinearProbe.evaluate(train, test, classCount, parent, PROBE_EPOCHS, seed);
        double knn = KnnClassifier.evaluate(train, test, classCount, KnnClassifier.DEFAULT_K, parent);
        Pca2D.Projection pca = Pca2D.project(test, PCA_POINTS, seed);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Outcome(new ProbeResult(label, step, epoch, lin.top1(), lin.top5(), knn, seconds), pca);
    }

    /** The raw-pixel baseline: the same probes on the normalised pixels. */
    public static ProbeResult pixels(Dataset ds, NDManager parent, long seed) {
        String key = ds.name() + "@" + ds.source() + "#" + seed;
        return PIXEL_CACHE.computeIfAbsent(key, k -> {
            long t0 = System.nanoTime();
            Features train = FeatureExtractor.pixels(ds.train(), ds.mean(), ds.std());
            Features test = FeatureExtractor.pixels(ds.test(), ds.mean(), ds.std());
            LinearProbe.Accuracy lin = LinearProbe.evaluate(train, test, ds.classCount(), parent, PROBE_EPOCHS, seed);
            double knn = KnnClassifier.evaluate(train, test, ds.classCount(), KnnClassifier.DEFAULT_K, parent);
            return new ProbeResult(ProbeResult.PIXELS, 0, 0, lin.top1(), lin.top5(), knn, (System.nanoTime() - t0) / 1e9);
        });
    }
}
