package org.twinlab.train;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.twinlab.util.Choice;

/**
 * Named, measured configurations a person starts from ({@code train --preset}, the window's File menu),
 * each a config.json shipped as a resource under {@code presets/}. Flags and the form change them
 * further like any configuration.
 */
public enum Preset implements Choice {
    /** The Fashion-MNIST recipe that reaches 89% linear top-1 in 10 epochs (README, "Measured"). */
    FASHION_MNIST_89("fashion-mnist-89", "Fashion-MNIST to 89% (small-cnn-4, batch 128, 10 epochs)",
            "measured: 89.27% linear top-1 on the full Fashion-MNIST, 17 min on 2 CPU cores"),
    /**
     * C in class time on the sample: crop-and-flip views that keep at least half of the image, a narrow projector
     * (D 32) with λ 0.1, batch 256, 400 steps, C shown for 1,024 fixed held-out pairs (README, "The identity in class
     * time", scripts/time-to-identity).
     */
    CLASSROOM("classroom", "Classroom: C becomes the identity in class time (sample, crop-flip, D 32, \u03bb 0.1, batch 256)",
            "measured on the sample: mean diagonal 0.90 and mean |off-diagonal| 0.096 of C of 1,024 held-out pairs at "
                    + "step 140, 38 s after the start on 2 shared cores (README)");

    private final String key;
    private final String label;
    private final String measured;

    Preset(String key, String label, String measured) {
        this.key = key;
        this.label = label;
        this.measured = measured;
    }

    /** What the preset gave when it was measured, and how long it took (README, "Measured"). */
    public String measured() {
        return measured;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String label() {
        return label;
    }

    /** The preset's configuration, validated. */
    public TrainConfig config() {
        String resource = "/presets/" + key + ".json";
        try (InputStream in = Preset.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the preset " + resource + " is missing from this build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Settings.fromJson(JsonParser.parseString(text).getAsJsonObject()).validated();
        } catch (IOException e) {
            throw new IllegalStateException("the preset " + resource + " cannot be read", e);
        }
    }

    public static Preset parse(String text) {
        return Choice.parse(Preset.class, text, "preset");
    }
}
