package org.twinlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.twinlab.eval.ProbeResult;
import org.twinlab.export.chart.Frame;
import org.twinlab.export.chart.Legend;
import org.twinlab.export.chart.Palette;

/** Linear-probe and kNN top-1 of the trained encoder against epoch, with the two baselines as dashed lines. */
final class ProbePlot extends PlotCanvas {
    private static final Legend LEGEND = new Legend(List.of(
            new Legend.Entry("linear probe", Palette.LINEAR, Legend.Swatch.LINE),
            new Legend.Entry("kNN (k=20)", Palette.KNN, Legend.Swatch.LINE),
            new Legend.Entry("raw pixels, linear", Palette.PIXELS, Legend.Swatch.DASHED),
            new Legend.Entry("random encoder, linear", Palette.RANDOM, Legend.Swatch.DASHED)));
    private List<ProbeResult> results = List.of();
    private double maxEpoch = 1;
    private double mouseX = Double.NaN;
    private double mouseY = Double.NaN;
    private String hoverText;

    ProbePlot() {
        setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        setOnMouseExited(e -> hover(Double.NaN, Double.NaN));
    }

    /** Shows the values of the point (or baseline) nearest the pointer, if one is within reach. */
    void hover(double px, double py) {
        mouseX = px;
        mouseY = py;
        redraw();
    }

    /** How many results (baselines included) the plot shows (tests read it). */
    int lastResults() {
        return results.size();
    }

    /** What the hover box says now, null when it shows none (tests read it). */
    String hoverText() {
        return hoverText;
    }

    void setResults(List<ProbeResult> results, double maxEpoch) {
        this.results = results;
        this.maxEpoch = Math.max(maxEpoch, 0.1);
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<ProbeResult> trained = new ArrayList<>();
        ProbeResult pixels = null;
        ProbeResult random = null;
        double lo = 100;
        for (ProbeResult r : results) {
            switch (r.encoder()) {
                case ProbeResult.PIXELS -> pixels = r;
                case ProbeResult.RANDOM -> random = r;
                default -> trained.add(r);
            }
            lo = Math.min(lo, 100 * Math.min(r.linearTop1(), r.knnTop1()));
        }
        double xmax = maxEpoch;
        for (ProbeResult r : trained) {
            xmax = Math.max(xmax, r.epoch());
        }
        double ymin = results.isEmpty() ? 0 : Math.max(0, Math.floor(lo / 10) * 10 - 5);
        frame(g, spec().x("epoch", Frame.Extent.exact(0, xmax, false)).y("top-1 %", Frame.Extent.exact(ymin, 100, false))
                .legend(LEGEND));
        g.setLineDashes(6 * lineScale(), 4 * lineScale());
        g.setLineWidth(1.5 * lineScale());
        for (ProbeResult b : new ProbeResult[] {pixels, random}) {
            if (b != null) {
                g.setStroke(FxPainter.fx(b == pixels ? Palette.PIXELS : Palette.RANDOM));
                g.strokeLine(frameLeft(), y(100 * b.linearTop1()), frameLeft() + plotWidth(), y(100 * b.linearTop1()));
            }
        }
        g.setLineDashes(null);
        series(g, trained, true, FxPainter.fx(Palette.LINEAR));
        series(g, trained, false, FxPainter.fx(Palette.KNN));
        hoverText = nearest(trained, pixels, random);
        if (hoverText != null) {
            box(g, hoverText, w);
        }
    }

    /** The text for the point under the pointer: a probe's both accuracies, or a baseline's. */
    private String nearest(List<ProbeResult> trained, ProbeResult pixels, ProbeResult random) {
        if (Double.isNaN(mouseX)) {
            return null;
        }
        double reach = fontSize();
        String best = null;
        double bestD = reach * reach;
        for (ProbeResult r : trained) {
            for (double acc : new double[] {r.linearTop1(), r.knnTop1()}) {
                double dx = x(r.epoch()) - mouseX;
                double dy = y(100 * acc) - mouseY;
                if (dx * dx + dy * dy <= bestD) {
                    bestD = dx * dx + dy * dy;
                    best = String.format(java.util.Locale.ROOT, "epoch %.2f: linear %.1f%%, kNN %.1f%%", r.epoch(),
                            100 * r.linearTop1(), 100 * r.knnTop1());
                }
            }
        }
        if (best != null) {
            return best;
        }
        for (ProbeResult b : new ProbeResult[] {pixels, random}) {
            if (b != null && Math.abs(y(100 * b.linearTop1()) - mouseY) <= reach / 2 && mouseX >= frameLeft()) {
                return String.format(java.util.Locale.ROOT, "%s: linear %.1f%%, kNN %.1f%%",
                        b == pixels ? "raw pixels" : "random encoder", 100 * b.linearTop1(), 100 * b.knnTop1());
            }
        }
        return null;
    }

    /** A label box by the pointer, kept inside the canvas. */
    private void box(GraphicsContext g, String text, double w) {
        double tw = FxPainter.width(text, fontSize(), false) + 12;
        double th = fontSize() + 10;
        double bx = Math.min(mouseX + 12, w - tw - 2);
        double by = Math.max(2, mouseY - th - 8);
        g.setFill(Color.web("#ffffff", 0.95));
        g.fillRect(bx, by, tw, th);
        g.setStroke(AXIS);
        g.setLineWidth(1);
        g.strokeRect(bx, by, tw, th);
        g.setFill(TEXT);
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        g.setTextBaseline(javafx.geometry.VPos.CENTER);
        g.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(), fontSize()));
        g.fillText(text, bx + 6, by + th / 2);
    }

    private void series(GraphicsContext g, List<ProbeResult> rs, boolean linear, Color c) {
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(2 * lineScale());
        double px = Double.NaN;
        double py = Double.NaN;
        for (ProbeResult r : rs) {
            double x = x(r.epoch());
            double y = y(100 * (linear ? r.linearTop1() : r.knnTop1()));
            if (!Double.isNaN(px)) {
                g.strokeLine(px, py, x, y);
            }
            double d = 7 * lineScale();
            g.fillOval(x - d / 2, y - d / 2, d, d);
            px = x;
            py = y;
        }
    }
}
