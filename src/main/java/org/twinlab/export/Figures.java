package org.twinlab.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinlab.eval.Pca2D;
import org.twinlab.model.Objective;
import org.twinlab.runs.Smoothing;
import org.twinlab.export.chart.BarChart;
import org.twinlab.export.chart.Chart;
import org.twinlab.export.chart.Charts;
import org.twinlab.export.chart.FigureSize;
import org.twinlab.export.chart.Heatmap;
import org.twinlab.export.chart.LineChart;
import org.twinlab.export.chart.Palette;
import org.twinlab.export.chart.ScatterChart;

/**
 * The run's figures, each as PNG and SVG in {@code figures/}: loss terms, probe accuracy against the
 * baselines, the final correlation matrix, a PCA of the exported encoder's features, and the final
 * probe as bars. A figure whose data the run did not record (no probe yet) is left out.
 */
final class Figures {
    static final String DIR = "figures";
    /** TensorBoard's default smoothing weight. */
    static final double SMOOTHING = Smoothing.DEFAULT;

    /** A figure written: its file stem, title and one-line caption. */
    record Figure(String name, String title, String caption, Path png, Path svg) {
    }

    private Figures() {
    }

    static List<Figure> write(Path dir, RunArtifacts.Settings settings, List<RunArtifacts.MetricRow> metrics,
                              List<Objective.Term> terms, List<RunArtifacts.ProbeRow> probes, RunArtifacts.Correlation correlation,
                              Pca2D.Projection pca, List<String> classNames, FigureSize size, List<Path> written)
            throws IOException {
        List<Figure> out = new ArrayList<>();
        if (!metrics.isEmpty()) {
            add(out, dir, size, written, "loss", loss(metrics, terms, settings.lambda()),
                    "Loss", "The loss of the run's objective (" + settings.objective() + ") and its terms against the "
                            + "training step (smoothed).");
        }
        List<RunArtifacts.ProbeRow> trained = probes.stream().filter(p -> p.encoder().equals("trained")).toList();
        if (!trained.isEmpty()) {
            add(out, dir, size, written, "accuracy", accuracy(trained, probes),
                    "Probe accuracy", "Linear-probe and kNN top-1 of the frozen encoder per probe, the baselines dashed.");
            add(out, dir, size, written, "probe", probeBars(trained.get(trained.size() - 1), probes),
                    "Final probe", "The last probe of the trained encoder beside the random encoder and the raw pixels.");
        }
        if (correlation != null) {
            add(out, dir, size, written, "correlation", correlation(correlation),
                    "Cross-correlation C", "The last snapshot of C between the two views' embeddings; the goal is the identity.");
        }
        double[] x = new double[pca.x().length];
        double[] y = new double[pca.y().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = pca.x()[i];
            y[i] = pca.y()[i];
        }
        add(out, dir, size, written, "pca", new ScatterChart("Encoder features, PCA")
                .subtitle(String.format(Locale.ROOT, "first two principal components of %d test images", x.length))
                .axes("PC 1", "PC 2").points(x, y, pca.labels(), classNames),
                "Embeddings", "A PCA of the exported encoder's features of the test images, coloured by class.");
        return out;
    }

    private static void add(List<Figure> out, Path dir, FigureSize size, List<Path> written, String name, Chart chart,
                            String title, String caption) throws IOException {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        Charts.write(chart, png, size);
        Charts.write(chart, svg, size);
        written.add(png);
        written.add(svg);
        out.add(new Figure(name, title, caption, png, svg));
    }

    /** The total and each term of the run's objective; a log axis where every value is positive. */
    private static Chart loss(List<RunArtifacts.MetricRow> rows, List<Objective.Term> terms, double lambda) {
        int n = rows.size();
        double[] step = new double[n];
        double[] total = new double[n];
        double[][] parts = new double[terms.size()][n];
        boolean positive = true;
        for (int i = 0; i < n; i++) {
            RunArtifacts.MetricRow r = rows.get(i);
            step[i] = r.step();
            total[i] = r.loss();
            positive &= !(total[i] <= 0);
            for (int k = 0; k < terms.size(); k++) {
                parts[k][i] = k < r.terms().length ? r.terms()[k] : Double.NaN;
                positive &= !(parts[k][i] <= 0);
            }
        }
        double w = n > 20 ? SMOOTHING : 0;
        LineChart chart = new LineChart("Loss").subtitle(String.format(Locale.ROOT, "λ = %s%s", lambda,
                        w > 0 ? ", smoothed as TensorBoard does (" + w + ")" : ""))
                .axes("step", positive ? "loss (log scale)" : "loss").logY(positive)
                .add(LineChart.Series.line("total", step, Smoothing.ema(total, w)).color(Palette.LOSS_TOTAL));
        for (int k = 0; k < terms.size(); k++) {
            chart.add(LineChart.Series.line(terms.get(k).label(), step, Smoothing.ema(parts[k], w)).color(Palette.lossTerm(k)));
        }
        return chart;
    }

    private static double baseline(List<RunArtifacts.ProbeRow> probes, String encoder) {
        double v = Double.NaN;
        for (RunArtifacts.ProbeRow p : probes) {
            if (p.encoder().equals(encoder)) {
                v = p.linearTop1();
            }
        }
        return 100 * v;
    }

    private static Chart accuracy(List<RunArtifacts.ProbeRow> trained, List<RunArtifacts.ProbeRow> all) {
        int n = trained.size();
        double[] epoch = new double[n];
        double[] lin = new double[n];
        double[] knn = new double[n];
        for (int i = 0; i < n; i++) {
            epoch[i] = trained.get(i).epoch();
            lin[i] = 100 * trained.get(i).linearTop1();
            knn[i] = 100 * trained.get(i).knnTop1();
        }
        LineChart c = new LineChart("Probe accuracy").subtitle("frozen encoder, test split")
                .axes("epoch", "top-1 accuracy (%)")
                .add(LineChart.Series.linePoints("linear", epoch, lin).color(Palette.LINEAR))
                .add(LineChart.Series.linePoints("kNN", epoch, knn).color(Palette.KNN));
        double random = baseline(all, "random");
        double pixels = baseline(all, "pixels");
        if (Double.isFinite(random)) {
            c.add(LineChart.Series.reference("random encoder (linear)", random).color(Palette.RANDOM));
        }
        if (Double.isFinite(pixels)) {
            c.add(LineChart.Series.reference("raw pixels (linear)", pixels).color(Palette.PIXELS));
        }
        return c;
    }

    private static Chart probeBars(RunArtifacts.ProbeRow last, List<RunArtifacts.ProbeRow> all) {
        BarChart c = new BarChart("Final probe").subtitle(String.format(Locale.ROOT, "step %d, test split", last.step()))
                .axes(null, "accuracy (%)").categories(List.of("linear top-1", "linear top-5", "kNN top-1"))
                .valueFormat("%.1f").yRange(0, 100);
        c.series("trained encoder", row(last));
        for (String who : List.of("random", "pixels")) {
            RunArtifacts.ProbeRow b = null;
            for (RunArtifacts.ProbeRow p : all) {
                if (p.encoder().equals(who)) {
                    b = p;
                }
            }
            if (b != null) {
                c.series(who.equals("random") ? "random encoder" : "raw pixels", row(b))
                        .color(who.equals("random") ? Palette.RANDOM : Palette.PIXELS);
            }
        }
        return c;
    }

    private static double[] row(RunArtifacts.ProbeRow p) {
        return new double[] {100 * p.linearTop1(), 100 * p.linearTop5(), 100 * p.knnTop1()};
    }

    private static Chart correlation(RunArtifacts.Correlation c) {
        String cells = c.stride() > 1 ? String.format(Locale.ROOT, ", each cell the mean of %dx%d", c.stride(), c.stride()) : "";
        return new Heatmap("Cross-correlation C").matrix(c.values(), c.side(), c.side()).indexScale(c.stride())
                .subtitle(String.format(Locale.ROOT, "step %d, D = %d%s; mean diagonal %.3f, mean |off-diagonal| %.4f",
                        c.step(), c.dim(), cells, c.meanDiagonal(), c.meanAbsOffDiagonal()))
                .axes("j (view B)", "i (view A)");
    }
}
