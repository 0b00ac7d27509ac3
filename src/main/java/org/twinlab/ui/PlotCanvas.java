package org.twinlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A plot drawn on one Canvas that fills its region: no node per point, so 100k-point curves cost a
 * redraw of a few thousand line segments. Subclasses draw in data coordinates through {@link #x} and
 * {@link #y} after {@link #frame} set the ranges and drew the axes.
 */
abstract class PlotCanvas extends Region {
    static final Color AXIS = Color.web("#6e7781");
    static final Color GRID = Color.web("#d0d7de", 0.6);
    static final Color TEXT = Color.web("#24292f");
    protected final Canvas canvas = new Canvas();
    protected double left = 56;
    protected double right = 12;
    protected double top = 10;
    protected double bottom = 26;
    private double x0;
    private double x1;
    private double y0;
    private double y1;
    private boolean logY;
    private double fontSize = 12;

    PlotCanvas() {
        getChildren().add(canvas);
        setMinSize(120, 80);
    }

    /** The canvas follows the region's size; a new size redraws (after the resize, not before it). */
    @Override
    protected void layoutChildren() {
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    /** Font size for ticks and labels (the presenter zoom raises it). */
    void setFontSize(double size) {
        fontSize = size;
        left = 4.6 * size;
        bottom = 2.2 * size;
        redraw();
    }

    double fontSize() {
        return fontSize;
    }

    final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        g.setFont(Font.font(fontSize));
        draw(g, w, h);
    }

    protected abstract void draw(GraphicsContext g, double w, double h);

    /** Sets the data ranges and draws grid, ticks and the axis labels. */
    protected void frame(GraphicsContext g, double xmin, double xmax, double ymin, double ymax, boolean log, String xLabel) {
        logY = log;
        x0 = xmin;
        x1 = xmax > xmin ? xmax : xmin + 1;
        if (log) {
            ymin = Math.max(ymin, 1e-6);
            ymax = Math.max(ymax, ymin * 10);
            y0 = Math.log10(ymin);
            y1 = Math.log10(ymax);
        } else {
            y0 = ymin;
            y1 = ymax > ymin ? ymax : ymin + 1;
        }
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setLineWidth(1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double t : ticks(y0, y1, log)) {
            double py = yPixel(t);
            g.setStroke(GRID);
            g.strokeLine(left, py, w - right, py);
            g.setFill(TEXT);
            g.fillText(label(log ? Math.pow(10, t) : t), left - 4, py);
        }
        g.setTextBaseline(VPos.TOP);
        for (double t : ticks(x0, x1, false)) {
            double px = x(t);
            g.setStroke(GRID);
            g.strokeLine(px, top, px, h - bottom);
            g.setFill(TEXT);
            String text = label(t);
            // a label centred on the right edge would be cut by the canvas: end it at the edge instead
            boolean atEdge = px + 0.3 * fontSize * text.length() > w - 1;
            g.setTextAlign(atEdge ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(text, atEdge ? w - 1 : px, h - bottom + 3);
        }
        g.setStroke(AXIS);
        g.strokeRect(left, top, w - left - right, h - top - bottom);
        if (xLabel != null) {
            // inside the frame, bottom right: the tick row has no room for it
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.BOTTOM);
            g.setFill(AXIS);
            g.fillText(xLabel, w - right - 4, h - bottom - 3);
        }
    }

    protected double x(double v) {
        return left + (v - x0) / (x1 - x0) * (canvas.getWidth() - left - right);
    }

    protected double y(double v) {
        return yPixel(logY ? Math.log10(Math.max(v, 1e-12)) : v);
    }

    private double yPixel(double t) {
        double h = canvas.getHeight() - top - bottom;
        return top + h - (t - y0) / (y1 - y0) * h;
    }

    protected double plotWidth() {
        return canvas.getWidth() - left - right;
    }

    /** Reader-side min/max decimation: one vertical segment per pixel column, however many points. */
    protected void curve(GraphicsContext g, MetricSeries.View xs, double[] ys, int n, Color color, double width) {
        if (n == 0) {
            return;
        }
        int cols = Math.max(1, (int) plotWidth());
        double[] lo = new double[cols];
        double[] hi = new double[cols];
        double[] first = new double[cols];
        double[] last = new double[cols];
        boolean[] used = new boolean[cols];
        for (int i = 0; i < n; i++) {
            double px = x(xs.get(i)) - left;
            int c = Math.min(cols - 1, Math.max(0, (int) px));
            double v = y(ys[i]);
            if (!used[c]) {
                used[c] = true;
                lo[c] = hi[c] = first[c] = v;
            }
            lo[c] = Math.min(lo[c], v);
            hi[c] = Math.max(hi[c], v);
            last[c] = v;
        }
        g.setStroke(color);
        g.setLineWidth(width);
        g.beginPath();
        boolean started = false;
        for (int c = 0; c < cols; c++) {
            if (!used[c]) {
                continue;
            }
            double px = left + c + 0.5;
            if (!started) {
                g.moveTo(px, first[c]);
                started = true;
            } else {
                g.lineTo(px, first[c]);
            }
            g.lineTo(px, lo[c]);
            g.lineTo(px, hi[c]);
            g.lineTo(px, last[c]);
        }
        g.stroke();
    }

    protected void legend(GraphicsContext g, List<String> names, List<Color> colors) {
        double px = left + 8;
        double py = top + 6;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < names.size(); i++) {
            g.setFill(colors.get(i));
            g.fillRect(px, py + i * (fontSize + 4) + fontSize / 2 - 2, 14, 4);
            g.setFill(TEXT);
            g.fillText(names.get(i), px + 20, py + i * (fontSize + 4) + fontSize / 2);
        }
    }

    static List<Double> ticks(double lo, double hi, boolean log) {
        List<Double> out = new ArrayList<>();
        if (log) {
            for (double t = Math.ceil(lo); t <= hi + 1e-9; t++) {
                out.add(t);
            }
            if (out.size() >= 2) {
                return out;
            }
            out.clear();
        }
        double span = hi - lo;
        double raw = span / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag >= 5 ? 10 * mag : raw / mag >= 2 ? 5 * mag : raw / mag >= 1 ? 2 * mag : mag;
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return out;
    }

    static String label(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e4 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
