package org.twinlab.export;

import ai.djl.Model;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.twinlab.model.Encoder;
import org.twinlab.model.TwinNetwork;
import org.twinlab.runs.AtomicFiles;

/**
 * A network's weights in and out of the export's two weight formats: {@code encoder.safetensors}
 * (PyTorch names, see {@link TensorNames}) and DJL's own {@code .params} files in {@code djl/}.
 * Loading writes into the network's existing arrays, so nothing else holds a stale copy.
 */
final class EncoderWeights {
    static final String ENCODER_PREFIX = "layers.";
    static final String PROJECTOR_PREFIX = "projector.";
    static final String DJL_DIR = "djl";
    static final String DJL_ENCODER = "encoder";
    static final String DJL_PROJECTOR = "projector";

    private EncoderWeights() {
    }

    /** Every tensor of the encoder (and the projector), named as encoder.py's {@code Encoder} module names them. */
    static Map<String, Safetensors.Tensor> tensors(TwinNetwork net, boolean withProjector, long step) {
        Map<String, Safetensors.Tensor> out = new LinkedHashMap<>();
        add(out, TensorNames.of(net.encoderBlock(), ENCODER_PREFIX), step);
        if (withProjector) {
            add(out, TensorNames.of(net.projectorBlock(), PROJECTOR_PREFIX), step);
        }
        return out;
    }

    private static void add(Map<String, Safetensors.Tensor> out, List<TensorNames.Named> names, long step) {
        for (TensorNames.Named n : names) {
            if (n.isBatchCounter()) {
                out.put(n.name(), Safetensors.Tensor.i64Scalar(step));
            } else {
                NDArray a = n.parameter().getArray();
                out.put(n.name(), Safetensors.Tensor.f32(a.getShape().getShape(), a.toFloatArray()));
            }
        }
    }

    /**
     * Puts the file's tensors into the network: every tensor the architecture has must be there with
     * its shape, and the file may hold nothing else (PyTorch's strict loading, in Java).
     */
    static void load(Path file, Safetensors.Contents contents, TwinNetwork net, boolean withProjector, String arch) {
        String held = contents.metadata().get("architecture");
        if (held != null && !held.equals(arch)) {
            throw new ExportException(file + ": holds a " + held + " encoder but " + Manifest.FILE + " names " + arch);
        }
        Set<String> used = new HashSet<>();
        put(file, contents.tensors(), TensorNames.of(net.encoderBlock(), ENCODER_PREFIX), used, arch);
        if (withProjector) {
            put(file, contents.tensors(), TensorNames.of(net.projectorBlock(), PROJECTOR_PREFIX), used, arch);
        }
        for (String name : contents.tensors().keySet()) {
            if (!used.contains(name)) {
                throw new ExportException(file + ": holds tensor " + name + ", which " + arch
                        + (withProjector ? " with its projector" : "") + " does not have");
            }
        }
    }

    private static void put(Path file, Map<String, Safetensors.Tensor> tensors, List<TensorNames.Named> names,
                            Set<String> used, String arch) {
        for (TensorNames.Named n : names) {
            Safetensors.Tensor t = tensors.get(n.name());
            if (t == null) {
                throw new ExportException(file + ": has no tensor " + n.name() + ", which " + arch + " needs");
            }
            used.add(n.name());
            if (n.isBatchCounter()) {
                continue;
            }
            NDArray a = n.parameter().getArray();
            long[] want = a.getShape().getShape();
            if (t.dtype() != Safetensors.DType.F32 || !Arrays.equals(want, t.shape())) {
                throw new ExportException(file + ": tensor " + n.name() + " is " + t.dtype() + " " + Arrays.toString(t.shape())
                        + " but " + arch + " needs F32 " + Arrays.toString(want));
            }
            try (NDArray values = a.getManager().create(t.floats(), a.getShape())) {
                assign(a, values);
            }
        }
    }

    /**
     * Copies {@code src}'s values into the parameter {@code dst} (same shape). Through an index put, not
     * {@code NDArray.set(Buffer)} or {@code copyTo}: DJL's JNI runs those under a guard libtorch 2.x prints a
     * deprecation warning for on the user's terminal. A leaf that requires a gradient takes no in-place write,
     * so its flag is off for the copy.
     */
    static void assign(NDArray dst, NDArray src) {
        boolean grad = dst.hasGradient();
        if (grad) {
            dst.setRequiresGradient(false);
        }
        dst.set(new NDIndex("..."), src);
        if (grad) {
            dst.setRequiresGradient(true);
        }
    }

    /** DJL's own parameter files of the encoder (and projector) in {@code dir}, each written atomically. */
    static void writeDjl(Path dir, TwinNetwork net, boolean withProjector, List<Path> written) throws IOException {
        saveDjl(dir, DJL_ENCODER, net.encoderBlock(), written);
        if (withProjector) {
            saveDjl(dir, DJL_PROJECTOR, net.projectorBlock(), written);
        }
    }

    static String djlFile(String name) {
        return name + "-0000.params";
    }

    private static void saveDjl(Path dir, String name, Block block, List<Path> written) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, ".djl");
        try (Model model = Model.newInstance(name)) {
            model.setBlock(block);
            model.setProperty("Epoch", "0");
            model.save(tmp, name);
            Path target = dir.resolve(djlFile(name));
            AtomicFiles.write(target, out -> Files.copy(tmp.resolve(djlFile(name)), out));
            written.add(target);
        } finally {
            try (var files = Files.list(tmp)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tmp);
        }
    }

    /** Loads {@code djl/encoder-0000.params} with DJL's Model API into a fresh block and copies it into the network. */
    static void loadDjl(Path dir, TwinNetwork net, String arch) {
        try (Model model = Model.newInstance(DJL_ENCODER)) {
            Block fresh = Encoder.parse(arch).build();
            model.setBlock(fresh);
            model.load(dir, DJL_ENCODER);
            var from = fresh.getParameters();
            var to = net.encoderBlock().getParameters();
            if (from.size() != to.size()) {
                throw new ExportException(dir.resolve(djlFile(DJL_ENCODER)) + ": holds " + from.size()
                        + " parameters, " + arch + " has " + to.size());
            }
            for (int i = 0; i < from.size(); i++) {
                NDArray src = from.get(i).getValue().getArray();
                NDArray dst = to.get(i).getValue().getArray();
                if (!src.getShape().equals(dst.getShape())) {
                    throw new ExportException(dir.resolve(djlFile(DJL_ENCODER)) + ": parameter " + from.get(i).getKey()
                            + " is " + src.getShape() + ", " + arch + " needs " + dst.getShape());
                }
                assign(dst, src);
            }
        } catch (IOException | MalformedModelException e) {
            throw new ExportException(dir.resolve(djlFile(DJL_ENCODER)) + ": DJL cannot load it (" + e.getMessage() + ")", e);
        }
    }
}
