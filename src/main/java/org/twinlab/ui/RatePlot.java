package org.twinlab.ui;

import javafx.scene.canvas.GraphicsContext;

/** The learning rate against step, under the loss curves. */
final class RatePlot extends PlotCanvas {
    private LiveRun run;

    void setRun(LiveRun run) {
        this.run = run;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        LiveRun r = run;
        MetricSeries.View steps = r == null ? null : r.step.view();
        int n = steps == null ? 0 : steps.n();
        if (n == 0) {
            frame(g, 0, 100, 0, 1e-3, false, "step", "learning rate");
            return;
        }
        MetricSeries.View lr = r.learningRate.view();
        double[] ys = new double[n];
        double hi = 0;
        for (int i = 0; i < n; i++) {
            ys[i] = lr.get(i);
            hi = Math.max(hi, ys[i]);
        }
        frame(g, steps.get(0) - 1, Math.max(steps.get(n - 1), steps.get(0)), 0, hi * 1.1, false, "step", "learning rate");
        curve(g, steps, ys, n, FxPainter.fx(org.twinlab.export.chart.Palette.RATE), 1.5 * lineScale());
    }
}
