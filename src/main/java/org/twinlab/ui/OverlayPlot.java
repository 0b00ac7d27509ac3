package org.twinlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.twinlab.export.chart.Frame;
import org.twinlab.export.chart.LineChart;

/**
 * A {@link LineChart} of several runs drawn live (the Compare view's loss and accuracy): the same chart
 * the comparison's PNG is made from (its series, colours, styles, log scale and fixed ends), drawn through
 * the live frame, with long curves decimated per pixel column as the live plots are and a dot at each
 * point of a series with points (probes). The runs' legend is the view's own check boxes.
 */
final class OverlayPlot extends PlotCanvas {
    private LineChart chart;
    private final List<Color> drawn = new ArrayList<>();

    void setChart(LineChart chart) {
        this.chart = chart;
        redraw();
    }

    LineChart chart() {
        return chart;
    }

    /** The colours of the lines the last redraw drew, in order (tests read it). */
    List<Color> drawnColors() {
        return List.copyOf(drawn);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        drawn.clear();
        LineChart c = chart;
        String xTitle = c == null ? null : c.xTitle();
        String yTitle = c == null ? null : c.yTitle();
        double x0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        boolean log = c != null && c.logY();
        List<LineChart.Series> series = c == null ? List.of() : c.series();
        for (LineChart.Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i]) && (!log || s.y()[i] > 0)) {
                    x0 = Math.min(x0, s.x()[i]);
                    x1 = Math.max(x1, s.x()[i]);
                    y0 = Math.min(y0, s.y()[i]);
                    y1 = Math.max(y1, s.y()[i]);
                }
            }
        }
        if (x0 > x1) {
            frame(g, 0, 1, 0, 1, false, xTitle, yTitle);
            return;
        }
        double[] fixed = c.fixedRange();
        if (!Double.isNaN(fixed[0])) {
            x0 = Math.min(fixed[0], x0);
        }
        if (log) {
            y0 *= 0.8;
            y1 *= 1.25;
        } else {
            double pad = 0.05 * Math.max(1e-9, y1 - y0);
            y0 -= pad;
            y1 += pad;
        }
        if (!Double.isNaN(fixed[3])) {
            y1 = fixed[3];
        }
        frame(g, spec().x(xTitle, Frame.Extent.exact(x0, x1 > x0 ? x1 : x0 + 1, false))
                .y(yTitle, Frame.Extent.exact(y0, y1 > y0 ? y1 : y0 + 1, log)));
        for (LineChart.Series s : series) {
            Color colour = s.color() == null ? TEXT : FxPainter.fx(s.color());
            boolean dashed = s.style() == LineChart.Style.DASHED;
            g.setLineDashes(dashed ? new double[] {6 * lineScale(), 4 * lineScale()} : null);
            MetricSeries xs = new MetricSeries();
            double[] ys = new double[s.x().length];
            int n = 0;
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i]) && (!log || s.y()[i] > 0)) {
                    xs.add(s.x()[i]);
                    ys[n++] = s.y()[i];
                }
            }
            // few points (probes) get dots, as the figure's points do; long curves are decimated
            if (s.style() == LineChart.Style.LINE_POINTS || s.style() == LineChart.Style.POINTS || n < 64) {
                polyline(g, xs.view(), ys, n, colour, s.style() != LineChart.Style.POINTS);
            } else {
                curve(g, xs.view(), ys, n, colour, 1.8 * lineScale());
            }
            drawn.add(colour);
        }
        g.setLineDashes(null);
    }

    /** A few points joined by straight lines, each marked with a dot (probe results). */
    private void polyline(GraphicsContext g, MetricSeries.View xs, double[] ys, int n, Color c, boolean join) {
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(2 * lineScale());
        double d = 7 * lineScale();
        for (int i = 0; i < n; i++) {
            double px = x(xs.get(i));
            double py = y(ys[i]);
            if (i > 0 && join) {
                g.strokeLine(x(xs.get(i - 1)), y(ys[i - 1]), px, py);
            }
            g.fillOval(px - d / 2, py - d / 2, d, d);
        }
    }
}
