package org.twinlab.ui;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The loss curves against step: the total and each term the run's objective declares (for Barlow
 * Twins: invariance and lambda x redundancy), optionally on a log scale (linear where a curve goes to
 * zero or below, as the cosine objectives do) and smoothed with TensorBoard's debiased exponential
 * moving average.
 */
final class LossPlot extends PlotCanvas {
    static final Color TOTAL = Color.web("#24292f");
    /** Colours of the terms in the order the objective declares them. */
    static final List<Color> TERMS = List.of(Color.web("#0969da"), Color.web("#cf222e"), Color.web("#1a7f37"),
            Color.web("#8250df"));
    static final Color LAMBDA_MARK = Color.web("#cf222e");
    static final Color RATE_MARK = Color.web("#8250df");
    private LiveRun run;
    private boolean log = true;
    private double smoothing = 0.6;
    private int lastDrawnPoints;
    private List<String> lastLegend = List.of();
    private int lastMarks;

    void setRun(LiveRun run) {
        this.run = run;
        redraw();
    }

    /** Whether the last redraw used a log axis (false where the loss goes to 0 or below: the view's box says so). */
    private boolean logShown = true;

    boolean logShown() {
        return logShown;
    }

    void setLog(boolean log) {
        this.log = log;
        redraw();
    }

    void setSmoothing(double weight) {
        this.smoothing = weight;
        redraw();
    }

    /** How many points the last redraw plotted (tests read it). */
    int lastDrawnPoints() {
        return lastDrawnPoints;
    }

    /** The legend of the last redraw: "total" and the objective's terms (tests read it). */
    List<String> lastLegend() {
        return lastLegend;
    }

    /** How many live changes of lambda or the learning rate the last redraw marked (tests read it). */
    int lastMarks() {
        return lastMarks;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        LiveRun r = run;
        MetricSeries.View steps = r == null ? null : r.step.view();
        int n = steps == null ? 0 : steps.n();
        lastDrawnPoints = n;
        if (n == 0) {
            lastLegend = List.of();
            lastMarks = 0;
            right = 12;
            frame(g, 0, 100, log ? 1 : 0, log ? 1000 : 100, log, "step", "loss");
            return;
        }
        List<MetricSeries> termSeries = r.terms;
        var started = r.started.get();
        List<double[]> curves = new java.util.ArrayList<>();
        curves.add(smooth(r.loss.view(), n));
        for (MetricSeries t : termSeries) {
            curves.add(smooth(t.view(), Math.min(n, t.size())));
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double[] c : curves) {
            for (double v : c) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        boolean logNow = log && lo > 0;
        if (logNow) {
            lo = Math.max(lo * 0.8, 1e-3);
            hi = hi * 1.25;
        } else {
            // the data's own range: a negative loss (the cosine objectives) keeps its detail instead of
            // being flattened against an axis forced through 0
            double pad = 0.05 * Math.max(1e-9, hi - lo);
            lo = lo - pad;
            hi = hi + pad;
        }
        List<String> names = new java.util.ArrayList<>(List.of("total"));
        List<Color> colours = new java.util.ArrayList<>(List.of(TOTAL));
        for (int k = 1; k < curves.size(); k++) {
            names.add(started == null || k - 1 >= started.terms().size() ? "term " + k : started.terms().get(k - 1).label());
            colours.add(TERMS.get((k - 1) % TERMS.size()));
        }
        placeLegend(names, h);
        logShown = logNow;
        frame(g, steps.get(0) - 1, Math.max(steps.get(n - 1), steps.get(0)), lo, hi, logNow, "step", "loss");
        if (log && !logNow) {
            g.setFill(AXIS);
            g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
            g.setTextBaseline(javafx.geometry.VPos.BOTTOM);
            g.fillText("linear scale: the loss goes to 0 or below", frameLeft() + 6, h - bottom - 3);
        }
        marks(g, r, h);
        for (int k = curves.size() - 1; k >= 1; k--) {
            Color c = TERMS.get((k - 1) % TERMS.size());
            curve(g, steps, curves.get(k), curves.get(k).length, c, 1.5 * lineScale());
        }
        curve(g, steps, curves.get(0), n, TOTAL, 2 * lineScale());
        legend(g, names, colours);
        lastLegend = List.copyOf(names);
    }

    /**
     * A dashed line where lambda or the learning rate was changed during the run, labelled with the new
     * value, so a class sees the curve bend where the teacher turned the knob.
     */
    private void marks(GraphicsContext g, LiveRun r, double h) {
        int k = 0;
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        for (var c : r.changes) {
            double px = x(c.step());
            boolean isLambda = org.twinlab.train.Settings.LAMBDA.key().equals(c.key());
            Color colour = isLambda ? LAMBDA_MARK : RATE_MARK;
            g.setStroke(colour);
            g.setLineWidth(1.5 * lineScale());
            g.setLineDashes(5 * lineScale(), 4 * lineScale());
            g.strokeLine(px, top, px, h - bottom);
            g.setLineDashes(null);
            g.setFill(colour);
            String text = (isLambda ? "\u03bb \u2192 " : "lr \u2192 ") + label(c.value());
            // staggered, so two changes close together keep both labels readable; left of a line near the
            // right edge, where the text would be cut
            boolean flip = px + 4 + 0.62 * fontSize() * text.length() > canvas.getWidth() - right;
            g.setTextAlign(flip ? javafx.scene.text.TextAlignment.RIGHT : javafx.scene.text.TextAlignment.LEFT);
            g.fillText(text, flip ? px - 4 : px + 4, top + 3 + (4.5 + k % 3) * (fontSize() + 3));
            k++;
        }
        lastMarks = k;
    }

    /** TensorBoard's smoothing: last = last * w + (1 - w) * x, shown = last / (1 - w^k). */
    private double[] smooth(MetricSeries.View v, int n) {
        double[] out = new double[n];
        double last = 0;
        double w = smoothing;
        double debias = 1;
        for (int i = 0; i < n; i++) {
            double x = v.get(i);
            if (w <= 0) {
                out[i] = x;
                continue;
            }
            last = last * w + (1 - w) * x;
            debias *= w;
            out[i] = last / (1 - debias);
        }
        return out;
    }
}
