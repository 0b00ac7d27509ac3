package org.twinlab.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.twinlab.data.ImageShape;
import org.twinlab.data.Split;
import org.twinlab.eval.FeatureExtractor;
import org.twinlab.eval.Features;
import org.twinlab.model.Projector;
import org.twinlab.model.TwinNetwork;
import org.twinlab.train.DevicePreference;
import org.twinlab.train.Devices;

/**
 * An exported encoder loaded back: the manifest verified (every file present with its SHA-256, a
 * known architecture), the weights read from {@code encoder.safetensors} into a {@link TwinNetwork}
 * of that architecture. Use {@link #network()} wherever Twinlab takes a network (probes, features),
 * with this encoder's own normalisation ({@link #mean()}, {@link #std()}).
 *
 * <pre>{@code
 * try (ExportedEncoder enc = ExportedEncoder.load(Path.of("export"))) {
 *     enc.requireInput(dataset.shape(), dataset.name());
 *     Features f = enc.features(dataset.test());
 * }
 * }</pre>
 */
public final class ExportedEncoder implements AutoCloseable {
    private final Path dir;
    private final Manifest manifest;
    private final NDManager manager;
    private final TwinNetwork net;

    private ExportedEncoder(Path dir, Manifest manifest, NDManager manager, TwinNetwork net) {
        this.dir = dir;
        this.manifest = manifest;
        this.manager = manager;
        this.net = net;
    }

    /** Verifies and loads the export in {@code dir} through its safetensors file. */
    public static ExportedEncoder load(Path dir) {
        return open(dir, false);
    }

    /** The same, but the weights come through DJL's own files in {@code djl/} (for the round-trip check). */
    public static ExportedEncoder loadDjl(Path dir) {
        return open(dir, true);
    }

    private static ExportedEncoder open(Path dir, boolean throughDjl) {
        Manifest m = Manifest.verify(dir);
        PyTorchArchitecture arch = PyTorchArchitecture.of(m.architecture(), dir.resolve(Manifest.FILE).toString());
        Manifest.Projector p = m.projector();
        var spec = p == null ? arch.modelSpec(Projector.MIN_WIDTH, 1, false) : arch.modelSpec(p.width(), p.depth(), p.batchNorm());
        NDManager manager = NDManager.newBaseManager(Devices.select(DevicePreference.AUTO));
        TwinNetwork net = null;
        try {
            net = new TwinNetwork(manager, spec, m.input());
            if (throughDjl) {
                EncoderWeights.loadDjl(dir.resolve(EncoderWeights.DJL_DIR), net, arch.key());
            } else {
                Path weights = dir.resolve(Manifest.WEIGHTS);
                EncoderWeights.load(weights, Safetensors.read(weights), net, p != null, arch.key());
            }
            return new ExportedEncoder(dir, m, manager, net);
        } catch (RuntimeException e) {
            if (net != null) {
                net.close();
            }
            manager.close();
            throw e;
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    public Path dir() {
        return dir;
    }

    public String architecture() {
        return manifest.architecture();
    }

    public ImageShape inputShape() {
        return manifest.input();
    }

    public int featureDim() {
        return net.featureDim();
    }

    public float[] mean() {
        return manifest.mean().clone();
    }

    public float[] std() {
        return manifest.std().clone();
    }

    public boolean hasProjector() {
        return manifest.projector() != null;
    }

    /** The network holding the encoder (and the projector when exported; otherwise a small untrained one). */
    public TwinNetwork network() {
        return net;
    }

    /** The manager the network's parameters live under; feature batches go in sub-managers of it. */
    public NDManager manager() {
        return manager;
    }

    /** Refuses images of another shape than the encoder was trained on, in one line. */
    public void requireInput(ImageShape shape, String what) {
        if (!shape.equals(manifest.input())) {
            throw new ExportException(dir + ": the encoder takes " + manifest.input() + " images (channels x height x width), "
                    + what + " has " + shape);
        }
    }

    /** Features of a split's images, with this encoder's own normalisation. */
    public Features features(Split split) {
        requireInput(split.shape(), "the data");
        return FeatureExtractor.encoder(net, split, manifest.mean(), manifest.std(), manager);
    }

    /** The projector's output for a batch of already normalised images N x C x H x W (needs an export with the projector). */
    public NDArray project(NDArray images) {
        if (!hasProjector()) {
            throw new ExportException(dir + ": this export holds no projector (export again with --with-projector)");
        }
        return net.embed(images, false);
    }

    /** Copies the encoder's weights into another network of the same architecture, e.g. to start a new run from them. */
    public void copyEncoderInto(TwinNetwork target) {
        var from = TensorNames.of(net.encoderBlock(), EncoderWeights.ENCODER_PREFIX);
        var to = TensorNames.of(target.encoderBlock(), EncoderWeights.ENCODER_PREFIX);
        if (from.size() != to.size()) {
            throw new ExportException(dir + ": the target network is not a " + architecture());
        }
        for (int i = 0; i < from.size(); i++) {
            if (from.get(i).isBatchCounter()) {
                continue;
            }
            NDArray src = from.get(i).parameter().getArray();
            NDArray dst = to.get(i).parameter().getArray();
            if (!src.getShape().equals(dst.getShape())) {
                throw new ExportException(dir + ": the target network's " + to.get(i).name() + " is " + dst.getShape()
                        + ", the export's is " + src.getShape());
            }
            EncoderWeights.assign(dst, src);
        }
    }

    @Override
    public void close() {
        net.close();
        manager.close();
    }
}
