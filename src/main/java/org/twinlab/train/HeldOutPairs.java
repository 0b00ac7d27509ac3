package org.twinlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.twinlab.augment.TwoViewAugmenter;
import org.twinlab.data.Dataset;
import org.twinlab.data.ImageShape;
import org.twinlab.data.Split;
import org.twinlab.model.BarlowTwinsLoss;
import org.twinlab.model.EmbeddingDiagnostics;
import org.twinlab.model.TwinNetwork;

/**
 * A fixed set of M held-out pairs on which the displayed C is computed ({@code snapshotPairs} > 0): M distinct
 * images of the test split, chosen by the run's seed, and their two views drawn once with the run's augmentation
 * and a seed no training step uses. They are kept on the host and are the same at every snapshot, and the same
 * again when the run is resumed (they depend on the seed, the dataset and the augmentation alone), so the picture
 * changes only because the network does; the batch's own C also moves with which images the batch drew, about
 * 0.8/sqrt(N) in |C_ij| (0.05 at N 256, 0.025 at M 1024).
 *
 * <p>Forward only, with BatchNorm normalising each chunk of {@link #CHUNK} pairs on its own statistics, as the training
 * step normalises its batch, and the running statistics restored afterwards, so the snapshot changes nothing of the
 * run ({@link TwinNetwork#embedWithBatchStatistics}). Inference mode (the running statistics, as the probes use)
 * pictured a young network as collapsed: with momentum 0.99 the running statistics lag the network for hundreds of
 * steps, and the effective rank read "collapsed" for the first ~40 steps of the classroom preset. The projector's
 * output is then normalised over the M pairs by C's definition ({@link BarlowTwinsLoss#crossCorrelation}: each
 * feature to mean 0 and standard deviation 1 over the pairs). Whatever the objective, this is the standard
 * cross-correlation matrix. The effective rank and spread are those of view A's M embeddings.
 */
public final class HeldOutPairs {
    public static final int MIN = 16;
    public static final int MAX = 8192;
    /** Images per forward: keeps the activations of a snapshot as small as a training batch's. */
    static final int CHUNK = 256;
    private final ImageShape shape;
    private final int count;
    private final int[] indices;
    private final float[] viewA;
    private final float[] viewB;

    private HeldOutPairs(ImageShape shape, int[] indices, float[] viewA, float[] viewB) {
        this.shape = shape;
        this.count = indices.length;
        this.indices = indices;
        this.viewA = viewA;
        this.viewB = viewB;
    }

    /**
     * The {@code m} pairs of a run with this seed: {@code m} distinct test images (a seeded shuffle's first m), both
     * views augmented with the seed of "step -1" (steps use {@code seed * 1000003 + step}, step >= 0).
     */
    public static HeldOutPairs draw(Dataset dataset, TwoViewAugmenter augmenter, int m, long seed) {
        Split test = dataset.test();
        if (m < 1 || m > test.size()) {
            throw new IllegalArgumentException("held-out pairs for C: " + m + " asked, the test split of "
                    + dataset.name() + " has " + test.size() + " images");
        }
        int n = test.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed * 31 + 0x4e1d);
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] idx = java.util.Arrays.copyOf(order, m);
        int size = dataset.shape().size() * m;
        float[] a = new float[size];
        float[] b = new float[size];
        augmenter.views(test, idx, seed * 1_000_003L - 1, a, b, true);
        return new HeldOutPairs(dataset.shape(), idx, a, b);
    }

    public int count() {
        return count;
    }

    /** Which test images the pairs are (a copy). */
    public int[] indices() {
        return indices.clone();
    }

    /** View A's (k = 0) or view B's (k = 1) images, normalised, M x C x H x W flattened (a copy; tests compare them). */
    public float[] views(int k) {
        return (k == 0 ? viewA : viewB).clone();
    }

    /**
     * The two views' embeddings, M x D each, in {@code manager} (batch statistics, in chunks of {@link #CHUNK}); the
     * caller's scope frees them and every temporary.
     */
    public NDArray[] embed(NDManager manager, TwinNetwork net) {
        return new NDArray[] {embed(manager, net, viewA), embed(manager, net, viewB)};
    }

    private NDArray embed(NDManager manager, TwinNetwork net, float[] images) {
        int per = shape.size();
        NDList parts = new NDList();
        for (int from = 0; from < count; from += CHUNK) {
            int k = Math.min(CHUNK, count - from);
            float[] chunk = new float[k * per];
            System.arraycopy(images, from * per, chunk, 0, k * per);
            NDArray x = manager.create(chunk, new Shape(k, shape.channels(), shape.height(), shape.width()));
            parts.add(net.embedWithBatchStatistics(x).stopGradient());
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
    }

    /** The snapshot of C on these pairs after {@code step} steps, in its own sub-scope of {@code parent}. */
    public TrainingEvent.Correlation snapshot(NDManager parent, TwinNetwork net, int step, int regionRow, int regionCol) {
        try (NDManager sm = parent.newSubManager()) {
            NDArray[] z = embed(sm, net);
            NDArray c = BarlowTwinsLoss.crossCorrelation(z[0], z[1]);
            EmbeddingDiagnostics d = EmbeddingDiagnostics.of(z[0]);
            return CorrelationSnapshots.of(c, step, regionRow, regionCol, d.effectiveRank(), d.spread()).onPairs(count);
        }
    }
}
