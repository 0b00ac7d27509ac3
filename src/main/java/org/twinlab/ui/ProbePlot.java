package org.twinlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.twinlab.eval.ProbeResult;

/** Linear-probe and kNN top-1 of the trained encoder against epoch, with the two baselines as dashed lines. */
final class ProbePlot extends PlotCanvas {
    static final Color LINEAR = Color.web("#1a7f37");
    static final Color KNN = Color.web("#bf8700");
    static final Color PIXELS = Color.web("#57606a");
    static final Color RANDOM = Color.web("#a40e26");
    private List<ProbeResult> results = List.of();
    private double maxEpoch = 1;

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
        frame(g, 0, xmax, ymin, 100, false, "epoch");
        g.setLineDashes(6, 4);
        if (pixels != null) {
            g.setStroke(PIXELS);
            g.strokeLine(left, y(100 * pixels.linearTop1()), left + plotWidth(), y(100 * pixels.linearTop1()));
        }
        if (random != null) {
            g.setStroke(RANDOM);
            g.strokeLine(left, y(100 * random.linearTop1()), left + plotWidth(), y(100 * random.linearTop1()));
        }
        g.setLineDashes(null);
        series(g, trained, true, LINEAR);
        series(g, trained, false, KNN);
        legend(g, List.of("linear probe", "kNN (k=20)", "raw pixels, linear", "random encoder, linear"),
                List.of(LINEAR, KNN, PIXELS, RANDOM));
    }

    private void series(GraphicsContext g, List<ProbeResult> rs, boolean linear, Color c) {
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(2);
        double px = Double.NaN;
        double py = Double.NaN;
        for (ProbeResult r : rs) {
            double x = x(r.epoch());
            double y = y(100 * (linear ? r.linearTop1() : r.knnTop1()));
            if (!Double.isNaN(px)) {
                g.strokeLine(px, py, x, y);
            }
            g.fillOval(x - 3.5, y - 3.5, 7, 7);
            px = x;
            py = y;
        }
    }
}
