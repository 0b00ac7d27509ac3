package org.twinlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.twinlab.eval.ProbeResult;
import org.twinlab.export.chart.LineChart;
import org.twinlab.export.chart.Palette;
import org.twinlab.train.TrainingEvent;

/**
 * The panels of a race: the two runs' C side by side, each with its gauges and titled with its difference
 * ("λ = 0.0051" / "λ = 0"), and their loss terms and probe curves overlaid in two colours with a legend naming the
 * differences. Drawn on the window's clock ({@link #refresh}), from each run's {@link LiveRun}, as the single
 * run's panels are; nothing is posted to the FX thread by the runs.
 */
final class RaceBoard {
    final HeatmapView[] heatmaps = {new HeatmapView(), new HeatmapView()};
    final Label[] titles = {new Label(), new Label()};
    final OverlayPlot loss = new OverlayPlot();
    final OverlayPlot probe = new OverlayPlot();
    /** The panels by the names lesson files use (heatmap, loss, probe), as the single run's. */
    final VBox matrices;
    final VBox lossPanel;
    final VBox probePanel;
    private final List<Label> legends = new ArrayList<>();
    private LiveRace race;
    private final long[] seenVersion = {-1, -1};
    private final TrainingEvent.Correlation[] seenCorrelation = new TrainingEvent.Correlation[2];

    RaceBoard() {
        HBox pair = new HBox(8);
        for (int i = 0; i < 2; i++) {
            titles[i].getStyleClass().add("panel-title");
            titles[i].setGraphic(swatch(i));
            titles[i].setWrapText(true);
            titles[i].setMinHeight(Region.USE_PREF_SIZE);
            heatmaps[i].compact();
            int k = i;
            // a C's timeline marks its step on the overlaid curves too (the probe plot in epochs of that run)
            heatmaps[i].setOnStep(step -> {
                loss.mark(step);
                TrainingEvent.Started st = race == null ? null : race.runs().get(k).started.get();
                probe.mark(st == null || Double.isNaN(step) ? Double.NaN : step / Math.max(1, st.stepsPerEpoch()));
            });
            VBox run = new VBox(2, titles[i], heatmaps[i]);
            VBox.setVgrow(heatmaps[i], Priority.ALWAYS);
            run.setMinSize(0, 0);
            HBox.setHgrow(run, Priority.ALWAYS);
            run.prefWidthProperty().bind(pair.widthProperty().divide(2));
            pair.getChildren().add(run);
        }
        pair.setMinSize(0, 0);
        // each C is titled with its run's difference: no panel title or legend above them (the room is C's)
        matrices = new VBox(pair);
        VBox.setVgrow(pair, Priority.ALWAYS);
        matrices.setPadding(new Insets(4));
        matrices.setMinSize(0, 0);
        matrices.getStyleClass().add("panel");
        for (Label t : titles) {
            t.setTooltip(HeatmapView.help("The two runs of the race train at the same time on the same data and seed; "
                    + "each shows its own C, with its effective rank and spread beside it."));
        }
        lossPanel = panel("Loss of each run", loss, "Each run's loss against step in its colour: solid the total, "
                + "dashed each term of its objective.");
        probePanel = panel("Probe accuracy of each run", probe, "Top-1 accuracy of a linear classifier on each run's "
                + "frozen encoder (solid, with points) and of kNN (dashed), in the run's colour.");
    }

    private VBox panel(String title, Region content, String help) {
        Label t = new Label(title);
        t.getStyleClass().add("panel-title");
        t.setTooltip(HeatmapView.help(help));
        t.setMinWidth(0);
        javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(14, 2); // a long difference wraps
        legend.setAlignment(Pos.CENTER_LEFT);
        for (int i = 0; i < 2; i++) {
            Label l = new Label("", swatch(i));
            l.getStyleClass().add("caption");
            l.setMinWidth(Region.USE_PREF_SIZE);
            legends.add(l);
            legend.getChildren().add(l);
        }
        VBox box = new VBox(4, t, legend, content);
        if (content != null) {
            VBox.setVgrow(content, Priority.ALWAYS);
        }
        box.setPadding(new Insets(8));
        box.setMinSize(0, 0);
        box.getStyleClass().add("panel");
        return box;
    }

    private static Rectangle swatch(int i) {
        Rectangle r = new Rectangle(18, 4, colour(i));
        return r;
    }

    static Color colour(int i) {
        java.awt.Color c = Palette.category(i);
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    /** The race to show (null: none); its panels start empty and fill on the clock. */
    void setRace(LiveRace r) {
        race = r;
        seenVersion[0] = seenVersion[1] = -1;
        seenCorrelation[0] = seenCorrelation[1] = null;
        if (r == null) {
            return;
        }
        for (int i = 0; i < 2; i++) {
            titles[i].setText(r.labels().get(i));
            heatmaps[i].setRun(r.runs().get(i));
            heatmaps[i].clear("waiting for the first step\u2026");
        }
        for (int k = 0; k < legends.size(); k++) {
            legends.get(k).setText(r.labels().get(k % 2));
        }
        loss.setChart(null);
        probe.setChart(null);
    }

    LiveRace race() {
        return race;
    }

    /** Presenter mode: the same scale as the single run's panels. */
    void setScale(double s) {
        for (HeatmapView h : heatmaps) {
            h.setScale(s);
        }
        loss.setFontSize(12 * s);
        probe.setFontSize(12 * s);
        for (Label l : legends) {
            ((Rectangle) l.getGraphic()).setWidth(18 * s);
            ((Rectangle) l.getGraphic()).setHeight(4 * s);
        }
    }

    /** Redraws what changed in either run since the last call (the window's clock, at most 10 times a second). */
    void refresh() {
        LiveRace r = race;
        if (r == null) {
            return;
        }
        boolean changed = false;
        for (int i = 0; i < 2; i++) {
            LiveRun run = r.runs().get(i);
            long v = run.version();
            if (v == seenVersion[i]) {
                continue;
            }
            seenVersion[i] = v;
            changed = true;
            TrainingEvent.Correlation c = run.correlation();
            if (c != null && c != seenCorrelation[i]) {
                seenCorrelation[i] = c;
                heatmaps[i].show(c);
            }
            TrainingEvent.State st = run.state.get();
            if (st != null && st.state().isTerminal()) {
                heatmaps[i].markEnded("the run " + st.state().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (changed) {
            loss.setChart(lossChart(r));
            probe.setChart(probeChart(r));
        }
    }

    /** Each run's total loss (solid) and its objective's terms (dashed), in the run's colour; log when all are above 0. */
    static LineChart lossChart(LiveRace r) {
        List<LineChart.Series> all = new ArrayList<>();
        boolean positive = true; // log when every total is above 0 (a term at 0, as λ·redundancy at λ = 0, is left out)
        for (int i = 0; i < 2; i++) {
            LiveRun run = r.runs().get(i);
            List<MetricSeries> terms = run.terms;
            // the loop adds the step first, then the loss and its terms: read as many as all of them hold
            int n = Math.min(run.step.size(), run.loss.size());
            for (MetricSeries t : terms) {
                n = Math.min(n, t.size());
            }
            double[] x = doubles(run.step.view(), n);
            double[] y = doubles(run.loss.view(), n);
            all.add(LineChart.Series.line(r.labels().get(i) + ": loss", x, y).color(Palette.category(i)));
            TrainingEvent.Started s = run.started.get();
            for (int t = 0; t < terms.size() && terms.size() > 1; t++) {
                String name = s == null || t >= s.terms().size() ? "term " + (t + 1) : s.terms().get(t).label();
                all.add(LineChart.Series.line(r.labels().get(i) + ": " + name, x, doubles(terms.get(t).view(), n))
                        .dashed().color(Palette.category(i)));
            }
        }
        for (LineChart.Series s : all) {
            if (s.style() != LineChart.Style.DASHED) {
                for (double v : s.y()) {
                    positive &= v > 0;
                }
            }
        }
        LineChart chart = new LineChart("Loss").axes("step", "loss").logY(positive);
        all.forEach(chart::add);
        return chart;
    }

    /** Each run's linear (solid, points) and kNN (dashed) top-1 accuracy at each probe, in the run's colour. */
    static LineChart probeChart(LiveRace r) {
        LineChart chart = new LineChart("Probe accuracy").axes("epoch", "top-1 accuracy (%)")
                .xRange(0, Double.NaN).yRange(Double.NaN, 100);
        for (int i = 0; i < 2; i++) {
            List<ProbeResult> trained = r.runs().get(i).probes().stream()
                    .filter(p -> p.encoder().equals(ProbeResult.TRAINED)).toList();
            double[] x = new double[trained.size()];
            double[] lin = new double[trained.size()];
            double[] knn = new double[trained.size()];
            for (int k = 0; k < trained.size(); k++) {
                x[k] = trained.get(k).epoch();
                lin[k] = 100 * trained.get(k).linearTop1();
                knn[k] = 100 * trained.get(k).knnTop1();
            }
            chart.add(LineChart.Series.linePoints(r.labels().get(i) + ", linear", x, lin).color(Palette.category(i)));
            chart.add(LineChart.Series.line(r.labels().get(i) + ", kNN", x, knn).dashed().color(Palette.category(i)));
        }
        return chart;
    }

    private static double[] doubles(MetricSeries.View v, int n) {
        double[] out = new double[Math.min(n, v.n())];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }
}
