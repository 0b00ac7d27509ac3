package org.twinlab.export;

import ai.djl.MalformedModelException;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.twinlab.data.ImageShape;
import org.twinlab.data.Split;
import org.twinlab.eval.Features;
import org.twinlab.util.IoErrors;

/**
 * An encoder trained elsewhere, as a TorchScript file ({@code torch.jit.save} of a traced or scripted module that maps
 * N x C x H x W floats to N x F features, or to a pair (features, projector outputs)), loaded by DJL's PyTorch engine.
 *
 * <p>Its input: by default the dataset's images at their own size and channels as pixel / 255; a {@code model.json}
 * beside the file (or {@link Input} given by flags) may give another {@code height}/{@code width} (images are scaled
 * bilinearly), {@code channels} (3 for a gray dataset repeats the gray, as torchvision's RGB loader does) and a
 * per-channel {@code mean} and {@code std} ({@code (x - mean) / std} after the / 255). A file that is not TorchScript,
 * is truncated, or whose module does not take that input or does not give N x F is one line
 * ({@link ExportException}), checked on load with two images.
 */
public final class TorchScriptEncoder implements AutoCloseable {
    /** The JSON beside the file that describes its input. */
    public static final String INPUT_FILE = "model.json";
    private static final int BATCH = 100;

    /** What the module takes; a null field means "the dataset's own" (size, channels) or none (mean 0, std 1). */
    public record Input(Integer channels, Integer height, Integer width, float[] mean, float[] std) {
        public static final Input DEFAULT = new Input(null, null, null, null, null);

        /** This input's fields where given, else {@code base}'s. */
        public Input over(Input base) {
            return new Input(channels != null ? channels : base.channels, height != null ? height : base.height,
                    width != null ? width : base.width, mean != null ? mean : base.mean, std != null ? std : base.std);
        }
    }

    /** The features (and the projector's outputs when the module returns both) of a batch. */
    public record Output(float[] features, int dim, float[] projections, int projectionDim) {
    }

    private final Path file;
    private final ZooModel<NDList, NDList> model;
    private final NDManager manager;
    private final ImageShape input;
    private final ImageShape data;
    private final float[] mean;
    private final float[] std;
    private final int featureDim;
    private final int projectionDim;

    private TorchScriptEncoder(Path file, ZooModel<NDList, NDList> model, ImageShape input, ImageShape data, float[] mean,
                               float[] std) {
        this.file = file;
        this.model = model;
        this.manager = model.getNDManager();
        this.input = input;
        this.data = data;
        this.mean = mean;
        this.std = std;
        float[] probe = new float[2 * data.size()];
        Arrays.fill(probe, 0.5f);
        Output o = forward(probe, 2);
        this.featureDim = o.dim();
        this.projectionDim = o.projectionDim();
    }

    /** Whether {@code path} is a file that looks like TorchScript (a ZIP archive, as torch.jit.save writes), not an export folder. */
    public static boolean looksLike(Path path) {
        return Files.isRegularFile(path);
    }

    /**
     * Loads {@code file} for images of the dataset's shape {@code data}, the input described by {@code flags} over
     * {@code model.json} over the defaults; anything wrong is one line naming the file.
     */
    public static TorchScriptEncoder load(Path file, ImageShape data, Input flags) {
        if (!Files.isRegularFile(file)) {
            throw new ExportException(file + (Files.isDirectory(file) ? ": a folder, not a TorchScript file"
                    : ": no such file"));
        }
        checkZip(file);
        Input given = flags.over(readInput(file));
        int c = given.channels() != null ? given.channels() : data.channels();
        int h = given.height() != null ? given.height() : data.height();
        int w = given.width() != null ? given.width() : data.width();
        if (c != data.channels() && !(c == 3 && data.channels() == 1)) {
            throw new ExportException(file + ": the module takes " + c + "-channel images and the dataset's have "
                    + data.channels() + " (only gray to 3 channels is made here)");
        }
        if (h < 1 || w < 1 || h > 4096 || w > 4096) {
            throw new ExportException(file + ": an input of " + h + " x " + w + " px is not an image size");
        }
        float[] mean = perChannel(given.mean(), c, 0f, file, "mean");
        float[] std = perChannel(given.std(), c, 1f, file, "std");
        for (float s : std) {
            if (!(s > 0)) {
                throw new ExportException(file + ": std must be positive, not " + s);
            }
        }
        ZooModel<NDList, NDList> model;
        try {
            model = Criteria.builder().setTypes(NDList.class, NDList.class).optModelPath(file).optEngine("PyTorch")
                    .optTranslator(new NoopTranslator()).build().loadModel();
        } catch (MalformedModelException | ModelNotFoundException | EngineException | IOException e) {
            throw new ExportException(file + ": not a TorchScript file PyTorch can load, or truncated (" + firstLine(e) + ")");
        }
        try {
            return new TorchScriptEncoder(file, model, new ImageShape(c, h, w), data, mean, std);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static void checkZip(Path file) {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new ExportException(file + ": cannot be read (" + IoErrors.describe(e) + ")");
        }
        if (n < 4 || head[0] != 'P' || head[1] != 'K') {
            throw new ExportException(file + ": not a TorchScript file (torch.jit.save writes a ZIP archive; "
                    + (n == 0 ? "this one is empty" : "this one is not") + ")");
        }
    }

    /** model.json beside the file ({@code <name>.json} first), or the defaults when there is none. */
    static Input readInput(Path file) {
        String name = file.getFileName().toString();
        Path dir = file.toAbsolutePath().getParent();
        Path own = dir.resolve(name.contains(".") ? name.substring(0, name.lastIndexOf('.')) + ".json" : name + ".json");
        Path json = Files.isRegularFile(own) ? own : dir.resolve(INPUT_FILE);
        if (!Files.isRegularFile(json)) {
            return Input.DEFAULT;
        }
        String text = IoErrors.readText(json, "model description");
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                throw new ExportException(json + ": not a model description (expected an object with channels, height, "
                        + "width, mean, std)");
            }
            o = e.getAsJsonObject();
            return new Input(integer(o, "channels"), integer(o, "height"), integer(o, "width"), floats(o, "mean"),
                    floats(o, "std"));
        } catch (RuntimeException e) {
            if (e instanceof ExportException x) {
                throw x;
            }
            throw new ExportException(json + ": not a model description (" + firstLine(e) + ")");
        }
    }

    private static Integer integer(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsInt() : null;
    }

    private static float[] floats(JsonObject o, String key) {
        if (!o.has(key) || o.get(key).isJsonNull()) {
            return null;
        }
        var a = o.getAsJsonArray(key);
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }

    private static float[] perChannel(float[] given, int channels, float fallback, Path file, String what) {
        if (given == null) {
            float[] f = new float[channels];
            Arrays.fill(f, fallback);
            return f;
        }
        if (given.length == 1) {
            float[] f = new float[channels];
            Arrays.fill(f, given[0]);
            return f;
        }
        if (given.length != channels) {
            throw new ExportException(file + ": " + what + " has " + given.length + " values for " + channels + " channels");
        }
        return given.clone();
    }

    /** The line of a libtorch error that says what went wrong (its last "RuntimeError:" line), else its first. */
    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? "no message" : e.getMessage().strip();
        String[] lines = m.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].strip();
            if (l.startsWith("RuntimeError:") && l.length() > 14) {
                m = l.substring(13).strip();
                break;
            }
        }
        m = m.replaceAll("^([a-z]\\w*\\.)+[A-Z]\\w*(Exception|Error):\\s*", ""); // no Java class names in the line
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }

    public Path file() {
        return file;
    }

    /** The module's input after scaling, channels and normalisation. */
    public ImageShape inputShape() {
        return input;
    }

    public float[] mean() {
        return mean.clone();
    }

    public float[] std() {
        return std.clone();
    }

    public int featureDim() {
        return featureDim;
    }

    /** Whether the module returns the projector's outputs beside the features. */
    public boolean hasProjector() {
        return projectionDim > 0;
    }

    public int projectionDim() {
        return projectionDim;
    }

    /** Features of a split (of the dataset shape this encoder was loaded for). */
    public Features features(Split split) {
        if (!split.shape().equals(data)) {
            throw new ExportException(file + ": loaded for " + data + " images, not " + split.shape());
        }
        int n = split.size();
        float[] out = new float[n * featureDim];
        float[] batch = new float[BATCH * data.size()];
        for (int start = 0; start < n; start += BATCH) {
            int b = Math.min(BATCH, n - start);
            for (int i = 0; i < b; i++) {
                split.copyImage(start + i, batch, i * data.size());
            }
            Output o = forward(batch, b);
            System.arraycopy(o.features(), 0, out, start * featureDim, b * featureDim);
        }
        return new Features(out, n, featureDim, split.labels());
    }

    /**
     * The module's outputs for {@code n} images of the dataset's shape given as pixel / 255 (N x C x H x W, as
     * {@link Split#copyImage} and the augmenter's unnormalised views give them).
     */
    public Output forward(float[] images01, int n) {
        float[] x = adapt(images01, n);
        try (NDManager m = manager.newSubManager()) {
            NDArray in = m.create(x, new Shape(n, input.channels(), input.height(), input.width()));
            NDList out;
            try {
                out = model.getBlock().forward(new ParameterStore(m, false), new NDList(in), false);
            } catch (EngineException | IllegalArgumentException | IllegalStateException e) {
                throw new ExportException(file + ": the module does not take " + n + " x " + input.channels() + " x "
                        + input.height() + " x " + input.width() + " floats (" + firstLine(e) + ")");
            }
            if (out.isEmpty() || out.size() > 2) {
                throw new ExportException(file + ": the module gives " + out.size() + " outputs; Twinlab takes features, "
                        + "or features and projector outputs");
            }
            float[] f = matrix(out.get(0), n, "features");
            int dim = (int) out.get(0).getShape().get(1);
            if (out.size() == 1) {
                return new Output(f, dim, null, 0);
            }
            float[] z = matrix(out.get(1), n, "projector outputs");
            return new Output(f, dim, z, (int) out.get(1).getShape().get(1));
        }
    }

    private float[] matrix(NDArray a, int n, String what) {
        Shape s = a.getShape();
        if (s.dimension() != 2 || s.get(0) != n) {
            throw new ExportException(file + ": the module's " + what + " are " + s + " for " + n
                    + " images; Twinlab takes N x F");
        }
        return a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
    }

    /** pixel / 255 at the dataset's shape to the module's input: scaled, gray repeated, normalised. */
    float[] adapt(float[] src, int n) {
        int c = input.channels();
        int h = input.height();
        int w = input.width();
        float[] dst = new float[n * input.size()];
        int plane = data.plane();
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                int srcOff = i * data.size() + (data.channels() == 1 ? 0 : ch) * plane;
                int dstOff = i * input.size() + ch * h * w;
                if (h == data.height() && w == data.width()) {
                    System.arraycopy(src, srcOff, dst, dstOff, plane);
                } else {
                    resize(src, srcOff, data.height(), data.width(), dst, dstOff, h, w);
                }
                float mu = mean[ch];
                float inv = 1f / std[ch];
                for (int k = 0; k < h * w; k++) {
                    dst[dstOff + k] = (dst[dstOff + k] - mu) * inv;
                }
            }
        }
        return dst;
    }

    /** Bilinear, pixel centres aligned (PyTorch's align_corners=False). */
    private static void resize(float[] src, int so, int sh, int sw, float[] dst, int dO, int h, int w) {
        float sy = (float) sh / h;
        float sx = (float) sw / w;
        for (int y = 0; y < h; y++) {
            float fy = Math.max(0, (y + 0.5f) * sy - 0.5f);
            int y0 = Math.min((int) fy, sh - 1);
            int y1 = Math.min(y0 + 1, sh - 1);
            float ay = fy - y0;
            for (int x = 0; x < w; x++) {
                float fx = Math.max(0, (x + 0.5f) * sx - 0.5f);
                int x0 = Math.min((int) fx, sw - 1);
                int x1 = Math.min(x0 + 1, sw - 1);
                float ax = fx - x0;
                float top = src[so + y0 * sw + x0] * (1 - ax) + src[so + y0 * sw + x1] * ax;
                float bottom = src[so + y1 * sw + x0] * (1 - ax) + src[so + y1 * sw + x1] * ax;
                dst[dO + y * w + x] = top * (1 - ay) + bottom * ay;
            }
        }
    }

    /** How the module is fed, in words. */
    public String describeInput() {
        return String.format(Locale.ROOT, "%s floats, pixel / 255%s%s", input,
                input.height() != data.height() || input.width() != data.width() ? ", scaled from " + data.height() + " x "
                        + data.width() : "", isIdentity() ? "" : ", then (x - mean) / std with mean " + Arrays.toString(mean)
                        + " std " + Arrays.toString(std));
    }

    private boolean isIdentity() {
        for (int i = 0; i < mean.length; i++) {
            if (mean[i] != 0f || std[i] != 1f) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        model.close();
    }
}
