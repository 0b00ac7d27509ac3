package org.twinlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.export.EncoderInspection;
import org.twinlab.export.chart.Charts;
import org.twinlab.export.chart.FigureSize;
import org.twinlab.export.chart.Heatmap;
import org.twinlab.export.chart.ScatterChart;
import org.twinlab.runs.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "inspect", description = "C of an encoder from elsewhere (a TorchScript file, or an export) for two views "
        + "of a dataset's images, as a run shows it: of its features, or of its projector's outputs when the file gives "
        + "both; with its gauges and the PCA of its test features.")
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--encoder", paramLabel = "FILE.pt|DIR", required = true, description = "a TorchScript file or an export folder")
    Path encoder;
    @Option(names = "--dataset", paramLabel = "D", required = true, description = "built-in name or folder")
    String dataset;
    @Option(names = "--batch", paramLabel = "N", defaultValue = "256", description = "test images in the two views (default ${DEFAULT-VALUE})")
    int batch;
    @Option(names = "--seed", defaultValue = "0", description = "the views' seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--out", paramLabel = "C.png|C.svg", description = "the heatmap of C")
    Path out;
    @Option(names = "--pca", paramLabel = "PCA.png|PCA.svg", description = "the PCA of the test features")
    Path pca;
    @Option(names = "--json", description = "one JSON line (without the matrix)")
    boolean json;
    @Mixin
    TorchScriptFlags torchScript;

    /** What --json prints. */
    record Report(String encoder, String dataset, int batch, int dim, boolean projected, double meanDiagonal,
                  double meanAbsOffDiagonal, double effectiveRank, double spread) {
    }

    @Override
    public Integer call() throws IOException {
        for (Path p : new Path[] {out, pca}) {
            if (p != null && !p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|svg)")) {
                throw new IllegalArgumentException(p + ": a figure file must end in .png or .svg");
            }
        }
        Dataset data = DatasetCatalog.open(dataset);
        EncoderInspection r = EncoderInspection.run(encoder, data, torchScript.input(), batch, seed);
        String what = r.projected() ? "projector outputs" : "features";
        if (out != null) {
            Charts.write(new Heatmap("C of " + encoder.getFileName() + "'s " + what + " on " + r.dataset())
                    .subtitle(String.format(Locale.ROOT, "%d x %d, two official views of %d test images; mean diagonal "
                            + "%.3f, mean |off-diagonal| %.3f", r.dim(), r.dim(), r.batch(), r.meanDiagonal(),
                            r.meanAbsOffDiagonal())).matrix(r.cells(), r.side(), r.side()).indexScale(r.stride()),
                    out, new FigureSize(900, 800));
        }
        if (pca != null) {
            var p = r.pca();
            double[] x = new double[p.x().length];
            double[] y = new double[p.y().length];
            for (int i = 0; i < x.length; i++) {
                x[i] = p.x()[i];
                y[i] = p.y()[i];
            }
            Charts.write(new ScatterChart("PCA of " + encoder.getFileName() + "'s features on " + r.dataset())
                    .points(x, y, p.labels(), data.classNames()), pca, new FigureSize(900, 800));
        }
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(Json.toLine(new Report(encoder.toString(), r.dataset(), r.batch(), r.dim(), r.projected(),
                    r.meanDiagonal(), r.meanAbsOffDiagonal(), r.effectiveRank(), r.spread())));
        } else {
            o.printf(Locale.ROOT, "C of the %s (%d x %d) on %d image pairs of %s: mean diagonal %.4f, mean |off-diagonal| "
                            + "%.4f; effective rank %.1f of %d, spread %.3f%n", what, r.dim(), r.dim(), r.batch(),
                    r.dataset(), r.meanDiagonal(), r.meanAbsOffDiagonal(), r.effectiveRank(), r.dim(), r.spread());
            if (out != null) {
                o.println("wrote " + out);
            }
            if (pca != null) {
                o.println("wrote " + pca);
            }
        }
        return 0;
    }
}
