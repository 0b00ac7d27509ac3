package org.twinlab.train;

import java.nio.file.Path;
import java.util.ServiceLoader;
import org.twinlab.data.ImageShape;
import org.twinlab.model.Encoder;
import org.twinlab.model.TwinNetwork;

/**
 * Starts a run's encoder from trained weights instead of a random initialisation (the setting
 * {@code initEncoder}). The training loop only knows this interface; the export package provides the
 * implementation that reads an exported encoder folder, found through {@link ServiceLoader} so that
 * {@code train} does not depend on {@code export}.
 */
public interface EncoderInitializer {
    /** Checks, cheaply and before any work, that {@code source} can start an {@code encoder} for these images. */
    void check(Path source, Encoder encoder, ImageShape input);

    /** Copies the encoder's weights from {@code source} into {@code network} (its projector stays fresh). */
    void initialize(Path source, TwinNetwork network);

    /** The implementation on the class path; one plain line where there is none. */
    static EncoderInitializer find() {
        return ServiceLoader.load(EncoderInitializer.class).findFirst().orElseThrow(() ->
                new IllegalArgumentException("initial encoder: this build cannot read exported encoders"));
    }
}
