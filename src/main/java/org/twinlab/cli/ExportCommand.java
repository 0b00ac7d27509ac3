package org.twinlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.twinlab.export.ExportOptions;
import org.twinlab.export.ExportResult;
import org.twinlab.export.Exporter;
import org.twinlab.export.chart.FigureSize;
import org.twinlab.runs.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", description = {
    "Export a run's trained encoder: encoder.safetensors and encoder.py for PyTorch, djl/ for DJL, projector/ for "
            + "TensorBoard's embedding projector, figures/ (PNG and SVG), report.html, recipe.md (the official main.py "
            + "command line) and manifest.json (config, metrics, SHA-256 of every file).",
    "DIR must be new, empty, or an earlier export (which is replaced)."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--run", paramLabel = "RUN_DIR", required = true, description = "the run folder")
    Path run;
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the export folder")
    Path out;
    @Option(names = "--with-projector", description = "include the projector's weights")
    boolean withProjector;
    @Option(names = "--points", paramLabel = "N", description = "test images for TensorBoard's projector and the PCA (default: the whole test split)")
    int points;
    @Option(names = "--figure-size", paramLabel = "WxH", description = "figure size in pixels, WIDTHxHEIGHT (default 1600x1000)")
    String figureSize;
    @Option(names = "--json", description = "one JSON line with what was written")
    boolean json;

    /** What --json prints. */
    record Line(String dir, String architecture, int step, int points, java.util.List<String> files, long bytes,
                double seconds) {
    }

    @Override
    public Integer call() throws IOException {
        FigureSize size = figureSize == null ? FigureSize.DEFAULT : FigureSize.parse(figureSize);
        if (points < 0) {
            throw new IllegalArgumentException("--points: must be 0 (the whole test split) or more, not " + points);
        }
        ExportResult r = Exporter.export(run, out, new ExportOptions(withProjector, points, size));
        spec.commandLine().getOut().println(json ? Json.toLine(new Line(r.dir().toString(), r.architecture(), r.step(),
                r.points(), r.files(), r.bytes(), r.seconds())) : Exporter.describe(r));
        return 0;
    }
}
