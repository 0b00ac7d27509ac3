package org.twinlab.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.twinlab.data.ImageShape;

/**
 * The shared network of both branches: encoder f and projector g, their parameters in one NDManager
 * that lives as long as the network. Activations go to the manager of the input, so a caller that
 * feeds arrays from a per-step sub-manager frees every temporary when it closes that sub-manager.
 */
public final class TwinNetwork implements AutoCloseable {
    private final NDManager manager;
    private final Block encoder;
    private final Block projector;
    /** SimSiam's predictor head (bottleneck D -> D/4 -> D), or null when the objective has none. */
    private final Block predictor;
    private ParameterStore store;
    private final int featureDim;

    public TwinNetwork(NDManager parent, ModelSpec spec, ImageShape shape) {
        this.manager = parent.newSubManager();
        this.encoder = spec.encoder().build();
        this.projector = Projector.build(spec.projectorWidth(), spec.projectorDepth(), spec.projectorBatchNorm());
        this.predictor = spec.predictor() ? Projector.predictor(spec.projectorWidth()) : null;
        this.featureDim = spec.encoder().featureDim();
        encoder.initialize(manager, DataType.FLOAT32, new Shape(2, shape.channels(), shape.height(), shape.width()));
        projector.initialize(manager, DataType.FLOAT32, new Shape(2, featureDim));
        if (predictor != null) {
            predictor.initialize(manager, DataType.FLOAT32, new Shape(2, spec.projectorWidth()));
        }
        this.store = new ParameterStore(manager, false);
    }

    public int featureDim() {
        return featureDim;
    }

    /** The encoder f's block, for exporters that walk its parameters (the arrays stay owned by this network). */
    public Block encoderBlock() {
        return encoder;
    }

    /** The projector g's block, likewise. */
    public Block projectorBlock() {
        return projector;
    }

    /** Projector output Z for a batch; training mode uses batch statistics in BatchNorm and updates running ones. */
    public NDArray embed(NDArray images, boolean training) {
        NDList h = encoder.forward(store, new NDList(images), training);
        return projector.forward(store, h, training).singletonOrThrow();
    }

    /**
     * Projector output Z normalised as in training (BatchNorm on this batch's own statistics) while the running
     * statistics stay exactly as they were: what the training step's C sees, for pictures of C on other images,
     * without the lag of the running statistics (momentum 0.99: after 40 steps they still hold 67% of their
     * initial values, and a network pictured with them looks collapsed). The caller records no gradient.
     */
    public NDArray embedWithBatchStatistics(NDArray images) {
        List<Parameter> running = new ArrayList<>();
        for (Block b : List.of(encoder, projector)) {
            for (Pair<String, Parameter> p : b.getParameters()) {
                Parameter.Type t = p.getValue().getType();
                if (t == Parameter.Type.RUNNING_MEAN || t == Parameter.Type.RUNNING_VAR) {
                    running.add(p.getValue());
                }
            }
        }
        List<NDArray> saved = new ArrayList<>();
        for (Parameter p : running) {
            saved.add(p.getArray().duplicate());
        }
        NDArray z = embed(images, true);
        for (int i = 0; i < running.size(); i++) {
            saved.get(i).copyTo(running.get(i).getArray());
            saved.get(i).close();
        }
        return z;
    }

    /** The predictor head on projector outputs (training mode), or null when this network has none. */
    public java.util.function.UnaryOperator<NDArray> predictor() {
        return predictor == null ? null : z -> predictor.forward(store, new NDList(z), true).singletonOrThrow();
    }

    /** Encoder features in inference mode (BatchNorm running statistics): what probes and exports use. */
    public NDArray features(NDArray images) {
        return encoder.forward(store, new NDList(images), false).singletonOrThrow();
    }

    /** The blocks in their fixed order: encoder, projector, then the predictor where there is one. */
    private List<Block> blocks() {
        return predictor == null ? List.of(encoder, projector) : List.of(encoder, projector, predictor);
    }

    /** Every parameter the optimiser updates, in a fixed order (encoder first): checkpoints key state by position. */
    public List<Parameter> trainableParameters() {
        List<Parameter> out = new ArrayList<>();
        for (Block b : blocks()) {
            for (Pair<String, Parameter> p : b.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    out.add(p.getValue());
                }
            }
        }
        return out;
    }

    public long parameterCount() {
        long n = 0;
        for (Parameter p : trainableParameters()) {
            n += p.getArray().size();
        }
        return n;
    }

    public void save(OutputStream out) throws IOException {
        DataOutputStream os = new DataOutputStream(new BufferedOutputStream(out));
        for (Block b : blocks()) {
            b.saveParameters(os);
        }
        os.flush();
    }

    public void load(InputStream in) throws IOException {
        DataInputStream is = new DataInputStream(new BufferedInputStream(in));
        List<Parameter> params = trainableParameters();
        List<ai.djl.ndarray.types.Shape> expected = params.stream().map(p -> p.getArray().getShape()).toList();
        try {
            for (Block b : blocks()) {
                b.loadParameters(manager, is);
            }
            if (is.read() != -1) {
                throw new IOException("checkpoint does not match this network: it holds more parameters (another "
                        + "architecture or objective)");
            }
        } catch (MalformedModelException e) {
            throw new IOException("checkpoint does not match this network: " + e.getMessage(), e);
        }
        // DJL loads whatever shapes the file holds: refuse a checkpoint of another architecture
        for (int i = 0; i < params.size(); i++) {
            var shape = params.get(i).getArray().getShape();
            if (!shape.equals(expected.get(i))) {
                throw new IOException("checkpoint does not match this network: " + params.get(i).getName()
                        + " has shape " + shape + " in the checkpoint but " + expected.get(i) + " here");
            }
        }
        // loaded arrays are new: mark them for gradients again and drop the store's cached references
        for (Parameter p : params) {
            p.getArray().setRequiresGradient(true);
        }
        store = new ParameterStore(manager, false);
    }

    @Override
    public void close() {
        manager.close();
    }
}
