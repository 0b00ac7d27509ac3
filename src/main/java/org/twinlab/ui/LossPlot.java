package org.twinlab.ui;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The loss curves against step: total, invariance and lambda x redundancy, optionally on a log scale
 * and smoothed with TensorBoard's debiased exponential moving average.
 */
final class LossPlot extends PlotCanvas {
    static final Color TOTAL = Color.web("#24292f");
    static final Color INVARIANCE = Color.web("#0969da");
    static final Color REDUNDANCY = Color.web("#cf222e");
    private LiveRun run;
    private boolean log = true;
    private double smoothing = 0.6;
    private int lastDrawnPoints;

    void setRun(LiveRun run) {
        this.run = run;
        redraw();
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

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        LiveRun r = run;
        MetricSeries.View steps = r == null ? null : r.step.view();
        int n = steps == null ? 0 : steps.n();
        lastDrawnPoints = n;
        if (n == 0) {
            frame(g, 0, 100, log ? 1 : 0, log ? 1000 : 100, log, "step");
            return;
        }
        double[] total = smooth(r.loss.view(), n);
        double[] inv = smooth(r.invariance.view(), n);
        double[] red = smooth(r.weightedRedundancy.view(), n);
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double[] s : new double[][] {total, inv, red}) {
            for (int i = 0; i < n; i++) {
                lo = Math.min(lo, s[i]);
                hi = Math.max(hi, s[i]);
            }
        }
        if (log) {
            lo = Math.max(lo * 0.8, 1e-3);
            hi = hi * 1.25;
        } else {
            lo = Math.min(0, lo);
            hi = hi * 1.05;
        }
        frame(g, steps.get(0) - 1, Math.max(steps.get(n - 1), steps.get(0)), lo, hi, log, "step");
        curve(g, steps, red, n, REDUNDANCY, 1.5);
        curve(g, steps, inv, n, INVARIANCE, 1.5);
        curve(g, steps, total, n, TOTAL, 2);
        legend(g, List.of("total", "invariance", "\u03bb \u00b7 redundancy"), List.of(TOTAL, INVARIANCE, REDUNDANCY));
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
