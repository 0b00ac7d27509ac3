package org.twinlab.cli;

import org.twinlab.export.TorchScriptEncoder;
import picocli.CommandLine.Option;

/** The input of a TorchScript encoder given on the command line, over its model.json (see {@link TorchScriptEncoder}). */
final class TorchScriptFlags {
    @Option(names = "--input-size", paramLabel = "PX|HxW", description = "TorchScript: the size the module takes "
            + "(default: model.json's, else the dataset's; images are scaled)")
    String size;
    @Option(names = "--input-channels", paramLabel = "C", description = "TorchScript: 1 or 3 (3 repeats a gray dataset)")
    Integer channels;
    @Option(names = "--mean", paramLabel = "M[,M,M]", split = ",", description = "TorchScript: per-channel mean after "
            + "pixel / 255 (default: model.json's, else 0)")
    float[] mean;
    @Option(names = "--std", paramLabel = "S[,S,S]", split = ",", description = "TorchScript: per-channel std (default: "
            + "model.json's, else 1)")
    float[] std;

    TorchScriptEncoder.Input input() {
        Integer h = null;
        Integer w = null;
        if (size != null) {
            String[] p = size.toLowerCase(java.util.Locale.ROOT).split("x");
            try {
                h = Integer.parseInt(p[0].strip());
                w = p.length > 1 ? Integer.parseInt(p[1].strip()) : h;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--input-size: '" + size + "' is not PX or HxW");
            }
        }
        return new TorchScriptEncoder.Input(channels, h, w, mean, std);
    }

    boolean given() {
        return size != null || channels != null || mean != null || std != null;
    }
}
