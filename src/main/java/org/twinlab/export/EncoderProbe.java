package org.twinlab.export;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.twinlab.data.Dataset;
import org.twinlab.eval.ProbeResult;
import org.twinlab.eval.ProbeSuite;
import org.twinlab.train.DevicePreference;
import org.twinlab.train.Devices;

/**
 * An exported encoder, or a TorchScript file, judged on a dataset of its input shape: the manifest verified (an
 * export) or the module checked on two images (TorchScript), then a linear probe and kNN of its frozen features
 * beside the raw pixels. What {@code twinlab probe --encoder} prints and the window's "Open encoder…" shows.
 *
 * @param architecture the encoder's, as the form's encoder choice names it ("TorchScript" for a file)
 * @param torchScript whether it came from a TorchScript file (no run can start from it)
 */
public record EncoderProbe(Path encoder, String architecture, String dataset, ProbeResult trained, ProbeResult pixels,
                           boolean torchScript) {

    /** Loads, verifies and probes; anything wrong (a damaged export, another input shape) is one line. */
    public static EncoderProbe run(Path encoder, Dataset data) {
        return run(encoder, data, TorchScriptEncoder.Input.DEFAULT);
    }

    /** The same, with a TorchScript file's input given by flags over its model.json. */
    public static EncoderProbe run(Path encoder, Dataset data, TorchScriptEncoder.Input input) {
        if (TorchScriptEncoder.looksLike(encoder)) {
            return torchScript(encoder, data, input);
        }
        try (ExportedEncoder enc = ExportedEncoder.load(encoder)) {
            enc.requireInput(data.shape(), data.name());
            long seed = enc.manifest().seed();
            ProbeResult trained = ProbeSuite.encoder(ProbeResult.TRAINED, enc.network(), data, enc.mean(), enc.std(),
                    enc.manager(), enc.manifest().step(), Double.NaN, seed).result();
            ProbeResult pixels = ProbeSuite.pixels(data, enc.manager(), seed);
            return new EncoderProbe(encoder, enc.architecture(), data.name(), trained, pixels, false);
        }
    }

    private static EncoderProbe torchScript(Path file, Dataset data, TorchScriptEncoder.Input input) {
        long seed = 0;
        try (TorchScriptEncoder enc = TorchScriptEncoder.load(file, data.shape(), input);
             NDManager m = NDManager.newBaseManager(Devices.select(DevicePreference.AUTO))) {
            long t0 = System.nanoTime();
            ProbeResult trained = ProbeSuite.features(ProbeResult.TRAINED, enc.features(data.train()),
                    enc.features(data.test()), data.classCount(), m, 0, Double.NaN, seed, t0).result();
            ProbeResult pixels = ProbeSuite.pixels(data, m, seed);
            return new EncoderProbe(file, "TorchScript", data.name(), trained, pixels, true);
        }
    }
}
