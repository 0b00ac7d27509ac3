package org.twinlab.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.twinlab.augment.AugmentConfig;
import org.twinlab.augment.TwoViewAugmenter;
import org.twinlab.data.Dataset;
import org.twinlab.eval.Features;
import org.twinlab.eval.Pca2D;
import org.twinlab.model.EmbeddingDiagnostics;
import org.twinlab.train.DevicePreference;
import org.twinlab.train.Devices;

/**
 * An encoder from elsewhere (a TorchScript file, or an export) looked at as a run is: the cross-correlation matrix
 * C of its outputs for the official two views of a batch of a dataset's test images (each output standardised over
 * the batch, {@code C = A^T B / N}, as the Barlow Twins loss builds it), its gauges (mean diagonal, mean |off-diagonal|,
 * and the effective rank and spread of view A's outputs, as {@link EmbeddingDiagnostics} computes them in training)
 * and the PCA of the test features.
 *
 * @param projected whether C is of the projector's outputs (the file gives both) rather than the encoder's features
 * @param side the side of {@code cells}: C averaged over {@code stride x stride} blocks when it is larger than
 *             {@link #MAX_SIDE}
 */
public record EncoderInspection(Path encoder, String dataset, int batch, int dim, boolean projected, double meanDiagonal,
                                double meanAbsOffDiagonal, double effectiveRank, double spread, float[] cells, int side,
                                int stride, Pca2D.Projection pca) {
    public static final int MAX_SIDE = 256;

    /** What gives the outputs of N images given as pixel / 255 at the dataset's shape. */
    interface Source {
        TorchScriptEncoder.Output forward(float[] images01, int n);

        Features features(org.twinlab.data.Split split);
    }

    /** Loads {@code encoder} (a TorchScript file or an export folder) and inspects it on {@code batch} images. */
    public static EncoderInspection run(Path encoder, Dataset data, TorchScriptEncoder.Input input, int batch, long seed) {
        if (batch < 2 || batch > data.test().size()) {
            throw new IllegalArgumentException("--batch " + batch + ": must be 2 to the " + data.test().size()
                    + " test images of " + data.name());
        }
        if (TorchScriptEncoder.looksLike(encoder)) {
            try (TorchScriptEncoder enc = TorchScriptEncoder.load(encoder, data.shape(), input)) {
                return inspect(encoder, data, new Source() {
                    public TorchScriptEncoder.Output forward(float[] x, int n) {
                        return enc.forward(x, n);
                    }

                    public Features features(org.twinlab.data.Split s) {
                        return enc.features(s);
                    }
                }, batch, seed);
            }
        }
        try (ExportedEncoder enc = ExportedEncoder.load(encoder)) {
            enc.requireInput(data.shape(), data.name());
            float[] mean = enc.mean();
            float[] std = enc.std();
            return inspect(encoder, data, new Source() {
                public TorchScriptEncoder.Output forward(float[] x, int n) {
                    var s = data.shape();
                    float[] norm = x.clone();
                    for (int i = 0; i < n; i++) {
                        org.twinlab.augment.ImageOps.normalize(norm, i * s.size(), s, mean, std);
                    }
                    try (NDManager m = enc.manager().newSubManager()) {
                        NDArray in = m.create(norm, new Shape(n, s.channels(), s.height(), s.width()));
                        NDArray f = enc.network().features(in);
                        float[] z = enc.hasProjector() ? enc.project(in).toFloatArray() : null;
                        return new TorchScriptEncoder.Output(f.toFloatArray(), (int) f.getShape().get(1), z,
                                z == null ? 0 : z.length / n);
                    }
                }

                public Features features(org.twinlab.data.Split s) {
                    return enc.features(s);
                }
            }, batch, seed);
        }
    }

    static EncoderInspection inspect(Path encoder, Dataset data, Source source, int batch, long seed) {
        var shape = data.shape();
        TwoViewAugmenter views = new TwoViewAugmenter(AugmentConfig.official(shape), shape, data.mean(), data.std());
        int[] idx = IntStream.range(0, batch).toArray();
        float[] a = new float[batch * shape.size()];
        float[] b = new float[batch * shape.size()];
        views.views(data.test(), idx, seed, a, b, false);
        TorchScriptEncoder.Output oa = source.forward(a, batch);
        TorchScriptEncoder.Output ob = source.forward(b, batch);
        boolean projected = oa.projections() != null;
        float[] za = projected ? oa.projections() : oa.features();
        float[] zb = projected ? ob.projections() : ob.features();
        int d = projected ? oa.projectionDim() : oa.dim();
        double[] c = correlation(za, zb, batch, d);
        double diag = 0;
        double off = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                if (i == j) {
                    diag += c[i * d + j];
                } else {
                    off += Math.abs(c[i * d + j]);
                }
            }
        }
        diag /= d;
        off = d > 1 ? off / ((double) d * (d - 1)) : 0;
        EmbeddingDiagnostics g;
        try (NDManager m = NDManager.newBaseManager(Devices.select(DevicePreference.AUTO))) {
            g = EmbeddingDiagnostics.of(m.create(za, new Shape(batch, d)));
        }
        int stride = (d + MAX_SIDE - 1) / MAX_SIDE;
        int side = (d + stride - 1) / stride;
        float[] cells = new float[side * side];
        int[] count = new int[side * side];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                int k = (i / stride) * side + j / stride;
                cells[k] += (float) c[i * d + j];
                count[k]++;
            }
        }
        for (int k = 0; k < cells.length; k++) {
            cells[k] /= Math.max(1, count[k]);
        }
        Pca2D.Projection pca = Pca2D.project(source.features(data.test()), org.twinlab.eval.ProbeSuite.PCA_POINTS, seed);
        return new EncoderInspection(encoder, data.name(), batch, d, projected, diag, off, g.effectiveRank(), g.spread(),
                cells, side, stride, pca);
    }

    /** C of two N x D batches, each column standardised over the batch (a constant column gives zeros). */
    static double[] correlation(float[] a, float[] b, int n, int d) {
        double[] sa = standardise(a, n, d);
        double[] sb = standardise(b, n, d);
        double[] c = new double[d * d];
        IntStream.range(0, d).parallel().forEach(i -> {
            for (int r = 0; r < n; r++) {
                double x = sa[r * d + i];
                if (x == 0) {
                    continue;
                }
                int row = r * d;
                int out = i * d;
                for (int j = 0; j < d; j++) {
                    c[out + j] += x * sb[row + j];
                }
            }
            for (int j = 0; j < d; j++) {
                c[i * d + j] /= n;
            }
        });
        return c;
    }

    private static double[] standardise(float[] z, int n, int d) {
        double[] out = new double[n * d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int r = 0; r < n; r++) {
                mean += z[r * d + j];
            }
            mean /= n;
            double var = 0;
            for (int r = 0; r < n; r++) {
                double e = z[r * d + j] - mean;
                var += e * e;
            }
            double sd = Math.sqrt(var / n);
            for (int r = 0; r < n; r++) {
                out[r * d + j] = sd > 1e-12 ? (z[r * d + j] - mean) / sd : 0;
            }
        }
        return out;
    }
}
