package org.twinlab.export;

import java.nio.file.Path;
import org.twinlab.data.ImageShape;
import org.twinlab.model.Encoder;
import org.twinlab.model.TwinNetwork;
import org.twinlab.train.EncoderInitializer;

/** Starts a run from an exported encoder folder: the manifest verified, the architecture and input checked. */
public final class ExportedEncoderInitializer implements EncoderInitializer {
    @Override
    public void check(Path source, Encoder encoder, ImageShape input) {
        Manifest m;
        try {
            m = Manifest.verify(source);
        } catch (ExportException e) {
            throw new ExportException("initial encoder " + e.getMessage());
        }
        if (!encoder.key().equals(m.architecture())) {
            throw new ExportException("initial encoder " + source + ": holds a " + m.architecture()
                    + ", the run trains a " + encoder.key());
        }
        if (!m.input().equals(input)) {
            throw new ExportException("initial encoder " + source + ": takes " + m.input() + " images, the dataset has "
                    + input);
        }
    }

    @Override
    public void initialize(Path source, TwinNetwork network) {
        try (ExportedEncoder e = ExportedEncoder.load(source)) {
            e.copyEncoderInto(network);
        }
    }
}
