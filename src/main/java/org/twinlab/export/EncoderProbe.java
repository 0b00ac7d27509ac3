package org.twinlab.export;

import java.nio.file.Path;
import org.twinlab.data.Dataset;
import org.twinlab.eval.ProbeResult;
import org.twinlab.eval.ProbeSuite;

/**
 * An exported encoder judged on a dataset of its input shape: the manifest verified, then a linear probe
 * and kNN of its frozen features (with its own normalisation) beside the raw pixels. What
 * {@code twinlab probe --encoder} prints and the window's "Open encoder…" shows.
 *
 * @param architecture the encoder's, as the form's encoder choice names it
 */
public record EncoderProbe(Path encoder, String architecture, String dataset, ProbeResult trained, ProbeResult pixels) {

    /** Loads, verifies and probes; anything wrong (a damaged export, another input shape) is one line. */
    public static EncoderProbe run(Path encoder, Dataset data) {
        try (ExportedEncoder enc = ExportedEncoder.load(encoder)) {
            enc.requireInput(data.shape(), data.name());
            long seed = enc.manifest().seed();
            ProbeResult trained = ProbeSuite.encoder(ProbeResult.TRAINED, enc.network(), data, enc.mean(), enc.std(),
                    enc.manager(), enc.manifest().step(), Double.NaN, seed).result();
            ProbeResult pixels = ProbeSuite.pixels(data, enc.manager(), seed);
            return new EncoderProbe(encoder, enc.architecture(), data.name(), trained, pixels);
        }
    }
}
