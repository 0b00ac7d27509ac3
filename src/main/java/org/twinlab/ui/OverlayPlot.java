package org.twinlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Curves of several runs over one pair of axes (the Compare view's loss and accuracy): each line its
 * run's colour, solid or dashed, with a dot at each point where points are few (probes). Long curves are
 * decimated per pixel column as the live plots are, so overlaying long runs stays cheap.
 */
final class OverlayPlot extends PlotCanvas {
    /** One curve: its points, colour and style. */
    record Line(double[] x, double[] y, Color color, boolean dashed, boolean dots) {
    }

    private List<Line> lines = List.of();
    private boolean log;
    private String xLabel = "";
    private double yCeiling = Double.NaN;
    private boolean xFromZero;
    private final List<Color> drawn = new ArrayList<>();

    /** The curves to draw; {@code log} puts y on a log scale where every value is positive. */
    void setLines(List<Line> lines, boolean log, String xLabel) {
        this.lines = List.copyOf(lines);
        this.log = log;
        this.xLabel = xLabel;
        redraw();
    }

    /** Fixes the top of the y axis (accuracies end at 100 %); NaN takes it from the data. */
    void setYCeiling(double top) {
        this.yCeiling = top;
    }

    /** Starts the x axis at 0 (epochs: a run's first probe is then where it is in the run, not at the left edge). */
    void setXFromZero(boolean on) {
        this.xFromZero = on;
    }

    /** The colours of the lines the last redraw drew, in order (tests read it). */
    List<Color> drawnColors() {
        return List.copyOf(drawn);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        drawn.clear();
        double x0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (Line l : lines) {
            for (int i = 0; i < l.x().length; i++) {
                if (Double.isFinite(l.x()[i]) && Double.isFinite(l.y()[i])) {
                    x0 = Math.min(x0, l.x()[i]);
                    x1 = Math.max(x1, l.x()[i]);
                    y0 = Math.min(y0, l.y()[i]);
                    y1 = Math.max(y1, l.y()[i]);
                }
            }
        }
        if (x0 > x1) {
            frame(g, 0, 1, 0, 1, false, xLabel);
            return;
        }
        if (xFromZero) {
            x0 = Math.min(0, x0);
        }
        boolean logNow = log && y0 > 0;
        if (logNow) {
            y0 *= 0.8;
            y1 *= 1.25;
        } else {
            double pad = 0.05 * Math.max(1e-9, y1 - y0);
            y0 -= pad;
            y1 += pad;
        }
        y1 = Double.isNaN(yCeiling) ? y1 : yCeiling;
        frame(g, x0, x1 > x0 ? x1 : x0 + 1, y0, y1, logNow, xLabel);
        for (Line l : lines) {
            g.setLineDashes(l.dashed() ? new double[] {6, 4} : null);
            MetricSeries xs = new MetricSeries();
            double[] ys = new double[l.x().length];
            int n = 0;
            for (int i = 0; i < l.x().length; i++) {
                if (Double.isFinite(l.x()[i]) && Double.isFinite(l.y()[i]) && (!logNow || l.y()[i] > 0)) {
                    xs.add(l.x()[i]);
                    ys[n++] = l.y()[i];
                }
            }
            if (l.dots()) {
                polyline(g, xs.view(), ys, n, l.color());
            } else {
                curve(g, xs.view(), ys, n, l.color(), 1.8);
            }
            drawn.add(l.color());
        }
        g.setLineDashes(null);
    }

    /** A few points joined by straight lines, each marked with a dot (probe results). */
    private void polyline(GraphicsContext g, MetricSeries.View xs, double[] ys, int n, Color c) {
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(2);
        for (int i = 0; i < n; i++) {
            double px = x(xs.get(i));
            double py = y(ys[i]);
            if (i > 0) {
                g.strokeLine(x(xs.get(i - 1)), y(ys[i - 1]), px, py);
            }
            g.fillOval(px - 3.5, py - 3.5, 7, 7);
        }
    }
}
