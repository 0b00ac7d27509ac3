package org.twinlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.twinlab.augment.AugmentConfig;
import org.twinlab.augment.AugmentPreview;
import org.twinlab.data.ArgbImage;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.runs.AtomicFiles;
import org.twinlab.runs.Json;
import org.twinlab.util.IoErrors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "preview", description = "Write a PNG grid of images (top row) and their two augmented views (view A, view B).")
final class PreviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--dataset", defaultValue = DatasetCatalog.SAMPLE, description = "built-in name or folder (default: ${DEFAULT-VALUE})")
    String dataset;
    @Option(names = "--out", required = true, description = "PNG file to write")
    Path out;
    @Option(names = "--count", defaultValue = "10", description = "images (default: ${DEFAULT-VALUE})")
    int count;
    @Option(names = "--seed", defaultValue = "0")
    long seed;
    @Option(names = "--scale", defaultValue = "4", description = "pixels per image pixel (default: ${DEFAULT-VALUE})")
    int scale;
    @Option(names = "--config", description = "take the augmentations from this config.json")
    Path config;

    @Override
    public Integer call() {
        if (count < 1 || count > 64) {
            throw new IllegalArgumentException("--count: must be 1-64, not " + count);
        }
        if (scale < 1 || scale > 16) {
            throw new IllegalArgumentException("--scale: must be 1-16, not " + scale);
        }
        Dataset d = DatasetCatalog.open(dataset);
        AugmentConfig aug = config != null && Json.readConfig(config).augment() != null
                ? Json.readConfig(config).augment() : AugmentConfig.official(d.shape());
        ArgbImage img = AugmentPreview.render(d, aug, AugmentPreview.pickIndices(d, count, seed), seed, scale);
        byte[] png = img.png();
        try {
            AtomicFiles.write(out, o -> o.write(png));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(IoErrors.cannotWrite(out, e), e);
        }
        spec.commandLine().getOut().printf("wrote %s (%dx%d): originals, view A, view B of %d %s images%n", out,
                img.width(), img.height(), count, d.name());
        return 0;
    }
}
