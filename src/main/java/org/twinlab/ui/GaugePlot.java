package org.twinlab.ui;

import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * One collapse gauge against step, beside C: the effective rank of the embeddings (log axis from 1 to D)
 * or their spread (0 to 1). Its value is written large over the curve and turns red below the level
 * that means a collapse, so a class sees a run collapse while it happens, whatever the objective.
 */
final class GaugePlot extends PlotCanvas {
    static final Color HEALTHY = Color.web("#1a7f37");
    static final Color COLLAPSED = Color.web("#cf222e");
    private final String name;
    private final Function<LiveRun, MetricSeries> series;
    private final boolean rank;
    private LiveRun run;
    private double shown = Double.NaN;

    /** @param rank the effective rank (log axis up to D, collapsed below 2), else the spread (collapsed below 0.1) */
    GaugePlot(String name, Function<LiveRun, MetricSeries> series, boolean rank) {
        this.name = name;
        this.series = series;
        this.rank = rank;
        setMinSize(60, 50);
    }

    /** The name and the value take two lines above the frame; the ticks are short numbers. */
    @Override
    void setFontSize(double size) {
        super.setFontSize(size);
        top = 2.9 * size;
        left = 2.8 * size;
        bottom = 1.6 * size;
        setMinHeight(6.5 * size); // two lines of text and room for two ticks
        redraw();
    }

    void setRun(LiveRun run) {
        this.run = run;
        redraw();
    }

    /** The value last drawn, NaN before the first snapshot (tests read it). */
    double shown() {
        return shown;
    }

    boolean collapsed(double v) {
        return rank ? v < 2 : v < 0.1;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        LiveRun r = run;
        MetricSeries.View steps = r == null ? null : r.snapshotStep.view();
        int n = steps == null ? 0 : Math.min(steps.n(), series.apply(r).size());
        var started = r == null ? null : r.started.get();
        double dim = started == null ? 512 : started.config().projectorWidth();
        double hi = rank ? dim : 1;
        double[] ys = new double[n];
        MetricSeries.View v = n == 0 ? null : series.apply(r).view();
        for (int i = 0; i < n; i++) {
            ys[i] = v.get(i);
            hi = Math.max(hi, ys[i] * 1.05);
        }
        double x0 = n == 0 ? 0 : steps.get(0);
        double x1 = n == 0 ? 100 : Math.max(steps.get(n - 1), x0 + 1);
        frame(g, x0, x1, rank ? 1 : 0, hi, rank, "step");
        shown = n == 0 ? Double.NaN : ys[n - 1];
        if (n > 0) {
            curve(g, steps, ys, n, collapsed(shown) ? COLLAPSED : HEALTHY, 2 * lineScale());
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(TEXT);
        g.fillText(name, 2, 2);
        if (n > 0) {
            String value = rank ? String.format(Locale.ROOT, "%.1f of %d", shown, (int) dim)
                    : String.format(Locale.ROOT, "%.2f", shown);
            g.setFont(Font.font(null, FontWeight.BOLD, fontSize() * 1.25));
            g.setFill(collapsed(shown) ? COLLAPSED : TEXT);
            g.fillText(value, 2, 3 + fontSize());
            if (collapsed(shown)) {
                // inside the frame's top right: a collapsed curve lies along the bottom, and the column is narrow
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText("collapsed", w - right - 3, top + 3);
            }
            g.setFont(Font.font(fontSize()));
        }
    }
}
