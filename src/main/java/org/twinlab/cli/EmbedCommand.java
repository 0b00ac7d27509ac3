package org.twinlab.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.data.Npy;
import org.twinlab.data.Split;
import org.twinlab.eval.Features;
import org.twinlab.export.ExportedEncoder;
import org.twinlab.export.TorchScriptEncoder;
import org.twinlab.runs.AtomicFiles;
import org.twinlab.runs.NpyWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "embed", description = "Features of a dataset split or of a uint8 .npy image batch through an exported "
        + "encoder (or of a dataset split through a TorchScript file), with the encoder's own preprocessing; written as .npy (float32 N x F) or .csv.")
final class EmbedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--encoder", paramLabel = "DIR|FILE.pt", required = true, description = "the export folder (checked "
            + "against its manifest.json) or a TorchScript file (with --dataset)")
    Path encoder;
    @picocli.CommandLine.Mixin
    TorchScriptFlags torchScript;
    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;
    @Option(names = "--split", paramLabel = "train|test", description = "train or test (default test; with --dataset)")
    String split;
    @Option(names = "--out", paramLabel = "FILE.npy|FILE.csv", required = true, description = "FILE.npy or FILE.csv")
    Path out;
    @Option(names = "--force", description = "replace --out if it exists")
    boolean force;

    static final class Input {
        @Option(names = "--dataset", paramLabel = "D", required = true, description = "built-in name or folder")
        String dataset;
        @Option(names = "--images", paramLabel = "FILE.npy", required = true, description = "a .npy of uint8 images: N x H x W (gray) or N x H x W x C")
        Path images;
    }

    @Override
    public Integer call() throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".npy")) {
            throw new IllegalArgumentException("--out: " + out + " must end in .npy or .csv");
        }
        if (Files.exists(out) && !force) {
            throw new IllegalArgumentException(out + ": already exists (nothing was written; --force replaces it)");
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + ": is a folder, not a file");
        }
        if (split != null && input.dataset == null) {
            throw new IllegalArgumentException("--split goes with --dataset, not --images");
        }
        String which = split == null ? "test" : split;
        if (!which.equals("train") && !which.equals("test")) {
            throw new IllegalArgumentException("--split: '" + split + "' is not train or test");
        }
        if (TorchScriptEncoder.looksLike(encoder)) {
            if (input.dataset == null) {
                throw new IllegalArgumentException("--images needs an export folder; with a TorchScript file give --dataset");
            }
            Dataset data = DatasetCatalog.open(input.dataset);
            try (TorchScriptEncoder enc = TorchScriptEncoder.load(encoder, data.shape(), torchScript.input())) {
                write(enc.features(which.equals("train") ? data.train() : data.test()), csv, true);
            }
            return 0;
        }
        if (torchScript.given()) {
            throw new IllegalArgumentException("--input-size, --input-channels, --mean and --std go with a TorchScript "
                    + "file; an export has its own");
        }
        try (ExportedEncoder enc = ExportedEncoder.load(encoder)) {
            Split images;
            boolean labelled = input.dataset != null;
            if (labelled) {
                Dataset data = DatasetCatalog.open(input.dataset);
                enc.requireInput(data.shape(), data.name());
                images = which.equals("train") ? data.train() : data.test();
            } else {
                images = Npy.readImages(input.images, enc.inputShape());
            }
            write(enc.features(images), csv, labelled);
        }
        return 0;
    }

    private void write(Features f, boolean csv, boolean labelled) throws IOException {
        if (csv) {
            AtomicFiles.write(out, o -> writeCsv(o, f, labelled));
        } else {
            AtomicFiles.write(out, o -> NpyWriter.write(o, f.data(), f.n(), f.dim()));
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d x %d features to %s%n", f.n(), f.dim(), out);
    }

    private static void writeCsv(java.io.OutputStream o, Features f, boolean labelled) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8), 1 << 16);
        StringBuilder row = new StringBuilder(labelled ? "label" : "");
        for (int j = 0; j < f.dim(); j++) {
            row.append(j == 0 && !labelled ? "" : ",").append('f').append(j);
        }
        w.write(row.append('\n').toString());
        for (int i = 0; i < f.n(); i++) {
            row.setLength(0);
            if (labelled) {
                row.append(f.labels()[i]);
            }
            for (int j = 0; j < f.dim(); j++) {
                row.append(j == 0 && !labelled ? "" : ",").append(f.data()[i * f.dim() + j]);
            }
            w.write(row.append('\n').toString());
        }
        w.flush();
    }
}
