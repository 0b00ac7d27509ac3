package org.twinlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import org.twinlab.export.chart.Frame;
import org.twinlab.export.chart.Palette;
import org.twinlab.export.chart.Ticks;

/**
 * The loss curves against step: the total and each term the run's objective declares (for Barlow
 * Twins: invariance and lambda x redundancy), optionally on a log scale (linear where a curve goes to
 * zero or below, as the cosine objectives do) and smoothed with TensorBoard's debiased exponential
 * moving average.
 */
final class LossPlot extends PlotCanvas {
    private LiveRun run;
    private boolean log = true;
    private double smoothing = 0.6;
    private int lastDrawnPoints;
    private List<String> lastLegend = List.of();
    private int lastMarks;
    private boolean lastLog;

    void setRun(LiveRun run) {
        this.run = run;
        redraw();
    }

    /** Whether the last redraw used a log axis (false where the loss goes to 0 or below: the view's box says so). */
    boolean logShown() {
        return lastLog;
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

    /** Whether the last redraw's y axis was logarithmic (log asked for, and every value positive). */
    boolean lastLog() {
        return lastLog;
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
            lastLog = log;
            frame(g, 0, 100, log ? 1 : 0, log ? 1000 : 100, log, "step", "loss");
            return;
        }
        List<MetricSeries> termSeries = r.terms;
        var started = r.started.get();
        List<double[]> curves = new ArrayList<>();
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
        List<String> names = new ArrayList<>(List.of("total"));
        List<java.awt.Color> colours = new ArrayList<>(List.of(Palette.LOSS_TOTAL));
        for (int k = 1; k < curves.size(); k++) {
            names.add(started == null || k - 1 >= started.terms().size() ? "term " + k : started.terms().get(k - 1).label());
            colours.add(Palette.lossTerm(k - 1));
        }
        List<Frame.Mark> marks = new ArrayList<>();
        for (var c : r.changes) {
            boolean isLambda = org.twinlab.train.Settings.LAMBDA.key().equals(c.key());
            marks.add(new Frame.Mark(c.step(), (isLambda ? "\u03bb \u2192 " : "lr \u2192 ") + Ticks.format(c.value(), Math.abs(c.value()) / 100),
                    isLambda ? Palette.LAMBDA_MARK : Palette.RATE));
        }
        // the y title says the scale, so a ticked "log scale" never sits beside a linear axis unexplained
        String yTitle = logNow ? "loss (log)" : log ? "loss (linear: \u2264 0)" : "loss";
        frame(g, spec().x("step", Frame.Extent.exact(steps.get(0) - 1, Math.max(steps.get(n - 1), steps.get(0)), false))
                .y(yTitle, Frame.Extent.exact(lo, hi, logNow)).legend(lines(names, colours)).marks(marks));
        lastLog = logNow;
        for (int k = curves.size() - 1; k >= 1; k--) {
            curve(g, steps, curves.get(k), curves.get(k).length, FxPainter.fx(Palette.lossTerm(k - 1)), 1.5 * lineScale());
        }
        curve(g, steps, curves.get(0), n, FxPainter.fx(Palette.LOSS_TOTAL), 2 * lineScale());
        lastLegend = List.copyOf(names);
        lastMarks = marks.size();
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
