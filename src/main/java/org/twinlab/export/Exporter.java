package org.twinlab.export;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.data.Split;
import org.twinlab.eval.FeatureExtractor;
import org.twinlab.eval.Features;
import org.twinlab.eval.Pca2D;
import org.twinlab.eval.ProbeSuite;
import org.twinlab.model.TwinNetwork;
import org.twinlab.runs.AtomicFiles;
import org.twinlab.train.DevicePreference;
import org.twinlab.train.Devices;
import org.twinlab.util.IoErrors;

/**
 * Takes a run's trained encoder out of Twinlab:
 * <pre>
 * DIR/encoder.safetensors     every tensor, named as encoder.py's PyTorch module names them
 * DIR/encoder.py              the PyTorch definition, preprocess(images) and load_encoder(folder)
 * DIR/djl/encoder-0000.params DJL's own parameter file (and projector-0000.params with the projector)
 * DIR/projector/              tensors.tsv, metadata.tsv, sprite.png, projector_config.pbtxt for TensorBoard
 * DIR/figures/                loss, accuracy, final probe, C and PCA as PNG and SVG
 * DIR/report.html             one self-contained page with the results, figures and settings
 * DIR/recipe.md               the same run as a command line of the official main.py
 * DIR/manifest.json           what the export holds, the run's config and metrics, SHA-256 of every file
 * </pre>
 * The output folder is checked first (a file in the way, a folder of other things, a place that cannot
 * be written: one line, nothing done); files are written through temporaries and renames, the manifest
 * last. {@link ExportedEncoder#load} brings the encoder back.
 */
public final class Exporter {
    private Exporter() {
    }

    public static ExportResult export(Path runDir, Path outDir, ExportOptions options) throws IOException {
        long t0 = System.nanoTime();
        RunArtifacts run = RunArtifacts.open(runDir);
        RunArtifacts.Settings s = run.settings();
        PyTorchArchitecture arch = PyTorchArchitecture.of(s.encoder(), runDir.resolve("config.json").toString());
        OutputFolder out = OutputFolder.prepare(outDir);
        List<Path> written = new ArrayList<>();
        try {
            ExportResult r = write(run, s, arch, outDir, options, written);
            out.commit();
            return new ExportResult(outDir, r.architecture(), r.step(), r.points(), r.files(), r.bytes(),
                    (System.nanoTime() - t0) / 1e9);
        } catch (IOException | RuntimeException e) {
            out.abandon(written);
            if (e instanceof IOException io) {
                throw new ExportException(outDir + ": the export failed (" + IoErrors.describe(io) + ")", io);
            }
            throw e;
        }
    }

    /** The export folder for a folder a person chose: see {@link OutputFolder#target}. */
    public static Path targetIn(Path chosen, Path runDir) {
        return OutputFolder.target(chosen, runDir);
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    private static ExportResult write(RunArtifacts run, RunArtifacts.Settings s, PyTorchArchitecture arch, Path dir,
                                      ExportOptions options, List<Path> written) throws IOException {
        Dataset data = DatasetCatalog.open(s.dataset());
        float[] mean = data.mean();
        float[] std = data.std();
        int step = run.checkpointStep();
        Manifest.Projector projector = options.withProjector()
                ? new Manifest.Projector(s.projectorWidth(), s.projectorDepth(), s.projectorBatchNorm()) : null;
        Split test = data.test();
        int points = options.points() == 0 ? test.size() : Math.min(options.points(), test.size());
        Split shown = test.subset(java.util.stream.IntStream.range(0, points).toArray());
        Features features;
        try (NDManager root = NDManager.newBaseManager(Devices.select(DevicePreference.AUTO));
             TwinNetwork net = run.loadNetwork(root, data.shape())) {
            Map<String, Safetensors.Tensor> tensors = EncoderWeights.tensors(net, options.withProjector(), step);
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("format", "pt");
            meta.put("architecture", arch.key());
            meta.put("producer", "Twinlab " + Manifest.TWINLAB_VERSION);
            Path weights = dir.resolve(Manifest.WEIGHTS);
            AtomicFiles.write(weights, o -> Safetensors.write(o, tensors, meta));
            written.add(weights);
            EncoderWeights.writeDjl(dir.resolve(EncoderWeights.DJL_DIR), net, options.withProjector(), written);
            features = FeatureExtractor.encoder(net, shown, mean, std, root);
        }
        String title = "Twinlab run '" + s.name() + "': " + arch.key() + " encoder trained with Barlow Twins on " + s.dataset();
        Path script = dir.resolve("encoder.py");
        AtomicFiles.writeString(script, EncoderScript.render(arch, data.shape(), mean, std, projector, title));
        written.add(script);

        TensorBoardProjector.write(dir.resolve(TensorBoardProjector.DIR), features, shown, data.classNames(),
                arch.key() + " features, " + s.dataset() + " test split", written);

        Pca2D.Projection pca = Pca2D.project(features, ProbeSuite.PCA_POINTS, s.seed());
        var probes = run.probes();
        var figures = Figures.write(dir.resolve(Figures.DIR), s, run.metrics(), run.terms(), probes, run.correlation().orElse(null),
                pca, data.classNames(), options.figureSize(), written);
        var summary = run.summary().orElse(null);
        Report.Content content = new Report.Content("Barlow Twins: " + s.name(), s, run.configJson(), summary, probes,
                arch.key(), arch.featureDim(), data.shape().toString(), step, points, options.withProjector(),
                run.created(), java.time.Instant.now());
        Path report = dir.resolve(Report.FILE);
        AtomicFiles.writeString(report, Report.html(content, figures));
        written.add(report);

        Path recipe = dir.resolve(Recipe.FILE);
        AtomicFiles.writeString(recipe, Recipe.markdown(s, data.shape(), data.train().size(), arch.featureDim()));
        written.add(recipe);

        Map<String, Manifest.FileRecord> files = new LinkedHashMap<>();
        long bytes = 0;
        for (Path p : written) {
            long size = Files.size(p);
            files.put(relative(dir, p), new Manifest.FileRecord(Manifest.sha256(p), size));
            bytes += size;
        }
        Manifest m = new Manifest(arch.key(), arch.featureDim(), data.shape(), mean, std, projector, s.dataset(),
                data.classNames(), run.dir().toAbsolutePath().toString(), step, s.seed(), run.configJson(), summary, files);
        Path manifest = dir.resolve(Manifest.FILE);
        String text = m.toText();
        AtomicFiles.writeString(manifest, text);
        written.add(manifest);
        bytes += text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        List<String> names = new ArrayList<>(files.keySet());
        names.add(Manifest.FILE);
        return new ExportResult(dir, arch.key(), step, points, names, bytes, 0);
    }

    /** One line for the command line: where, what, how many files and bytes, how long. */
    public static String describe(ExportResult r) {
        return String.format(Locale.ROOT, "exported %s (step %d) to %s: %d files, %.1f MB, %d projector points, %.1f s",
                r.architecture(), r.step(), r.dir(), r.files().size(), r.bytes() / 1e6, r.points(), r.seconds());
    }
}
