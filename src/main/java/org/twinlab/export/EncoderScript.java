package org.twinlab.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinlab.data.ImageShape;

/** Fills the {@code encoder.py} template with one export's architecture, input shape and normalisation. */
final class EncoderScript {
    private static final String TEMPLATE = "encoder.py.txt";

    private EncoderScript() {
    }

    static String render(PyTorchArchitecture arch, ImageShape input, float[] mean, float[] std, Manifest.Projector projector,
                         String title) {
        String projectorText = projector == null ? "None" : String.format(Locale.ROOT,
                "dict(width=%d, depth=%d, batch_norm=%s)", projector.width(), projector.depth(),
                projector.batchNorm() ? "True" : "False");
        Map<String, String> values = Map.of(
                "TITLE", title,
                "VERSION", Manifest.TWINLAB_VERSION,
                "FOLDER_HINT", "path/to/this/folder",
                "ARCHITECTURE", arch.key(),
                "INPUT_SHAPE", input.channels() + ", " + input.height() + ", " + input.width(),
                "FEATURE_DIM", Integer.toString(arch.featureDim()),
                "MEAN", floats(mean),
                "STD", floats(std),
                "PROJECTOR", projectorText,
                "BN_EPS", Double.toString(PyTorchArchitecture.BATCH_NORM_EPSILON));
        String text = template().replace("{{LAYERS}}", arch.pythonLayers());
        for (var e : values.entrySet()) {
            text = text.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        if (text.contains("{{")) {
            throw new IllegalStateException("encoder.py template has an unfilled placeholder");
        }
        return text;
    }

    /** Python literals that give back exactly the float32 values Java holds. */
    private static String floats(float[] v) {
        List<String> out = new ArrayList<>();
        for (float x : v) {
            out.add(Float.toString(x));
        }
        return String.join(", ", out);
    }

    private static String template() {
        try (InputStream in = EncoderScript.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the encoder.py template is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
