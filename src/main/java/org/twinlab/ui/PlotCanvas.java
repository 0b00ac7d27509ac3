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
    private double leftUsed = 56;
    private boolean legendBeside;
    /** This redraw's legend sits in the frame's top left (placeLegend said so). */
    private boolean legendInside;
    private double fontSize = 12;
    /** The timeline's step (see {@link #mark}) and whether this redraw set its frame (so x() means something). */
    private double marked = Double.NaN;
    private boolean framed;
    static final Color MARK = Color.web("#8250df");

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

    /** Font size for ticks and labels (the presenter zoom raises it); margins and line widths follow it. */
    void setFontSize(double size) {
        fontSize = size;
        left = 4.6 * size;
        bottom = 2.2 * size;
        redraw();
    }

    double fontSize() {
        return fontSize;
    }

    /** Line widths grow with the type, so curves stay as visible as their labels on a projector. */
    double lineScale() {
        return fontSize / 12;
    }

    final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        g.setFont(Font.font(fontSize));
        g.setLineDashes(null);
        legendInside = false;
        framed = false;
        draw(g, w, h);
        markStep(g, w, h);
    }

    /**
     * Marks {@code x} (in the plot's own x units: a step, or an epoch) with a vertical line over every later
     * redraw, the snapshot of C the timeline shows; NaN takes the mark away.
     */
    void mark(double x) {
        if (Double.compare(x, marked) != 0) {
            marked = x;
            redraw();
        }
    }

    /** The x the plot marks, NaN when none (tests read it). */
    double marked() {
        return marked;
    }

    private void markStep(GraphicsContext g, double w, double h) {
        if (Double.isNaN(marked) || !framed || marked < x0 || marked > x1) {
            return;
        }
        double px = Math.round(x(marked)) + 0.5;
        g.setLineDashes(4 * lineScale(), 3 * lineScale());
        g.setStroke(MARK);
        g.setLineWidth(1.5 * lineScale());
        g.strokeLine(px, top, px, h - bottom);
        g.setLineDashes(null);
    }

    protected abstract void draw(GraphicsContext g, double w, double h);

    /** {@link #frame(GraphicsContext, double, double, double, double, boolean, String, String)} without a y title. */
    protected void frame(GraphicsContext g, double xmin, double xmax, double ymin, double ymax, boolean log, String xLabel) {
        frame(g, xmin, xmax, ymin, ymax, log, xLabel, null);
    }

    /**
     * Sets the data ranges and draws grid, ticks and the axis titles. As many ticks as fit without their
     * labels touching (a short plot gets two, not a pile). The y title runs up the left edge where the
     * plot is tall enough for it, else it sits inside the frame's top left corner.
     */
    protected void frame(GraphicsContext g, double xmin, double xmax, double ymin, double ymax, boolean log,
                         String xLabel, String yLabel) {
        logY = log;
        framed = true;
        x0 = xmin;
        x1 = xmax > xmin ? xmax : xmin + 1;
        if (log) {
            ymin = Math.max(ymin, 1e-6);
            ymax = Math.max(ymax, ymin * 1.5);
            y0 = Math.log10(ymin);
            y1 = Math.log10(ymax);
        } else {
            y0 = ymin;
            y1 = ymax > ymin ? ymax : ymin + 1;
        }
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        double plotH = h - top - bottom;
        boolean sideTitle = yLabel != null && plotH > 0.62 * fontSize * yLabel.length() + 8;
        leftUsed = left + (sideTitle ? 1.3 * fontSize : 0);
        drawAxes(g, w, h, log, xLabel);
        if (yLabel != null) {
            g.setFill(sideTitle ? AXIS : TEXT);
            if (sideTitle) {
                g.save();
                g.translate(0.2 * fontSize, top + plotH / 2);
                g.rotate(-90);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.TOP);
                g.fillText(yLabel, 0, 0);
                g.restore();
            } else {
                // inside the frame's top left, or its top right where the legend has the left
                g.setTextAlign(legendInside ? TextAlignment.RIGHT : TextAlignment.LEFT);
                g.setTextBaseline(VPos.TOP);
                g.fillText(yLabel, legendInside ? w - right - 4 : leftUsed + 6, top + 3);
            }
        }
    }

    private void drawAxes(GraphicsContext g, double w, double h, boolean log, String xLabel) {
        g.setLineWidth(1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        int maxY = (int) ((h - top - bottom) / (2.2 * fontSize)) + 1;
        for (double t : ticks(y0, y1, log, maxY)) {
            double py = yPixel(t);
            g.setStroke(GRID);
            g.strokeLine(leftUsed, py, w - right, py);
            g.setFill(TEXT);
            g.fillText(label(log ? Math.pow(10, t) : t), leftUsed - 4, py);
        }
        g.setTextBaseline(VPos.TOP);
        int maxX = (int) ((w - leftUsed - right) / (5.5 * fontSize)) + 1;
        for (double t : ticks(x0, x1, false, maxX)) {
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
        g.strokeRect(leftUsed, top, w - leftUsed - right, h - top - bottom);
        if (xLabel != null) {
            // inside the frame, bottom right: the tick row has no room for it
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.BOTTOM);
            g.setFill(AXIS);
            g.fillText(xLabel, w - right - 4, h - bottom - 3);
        }
    }

    protected double x(double v) {
        return leftUsed + (v - x0) / (x1 - x0) * (canvas.getWidth() - leftUsed - right);
    }

    /** Where the frame's left edge is (the margin plus the y title's room, when it has one). */
    protected double frameLeft() {
        return leftUsed;
    }

    protected double y(double v) {
        return yPixel(logY ? Math.log10(Math.max(v, 1e-12)) : v);
    }

    private double yPixel(double t) {
        double h = canvas.getHeight() - top - bottom;
        return top + h - (t - y0) / (y1 - y0) * h;
    }

    protected double plotWidth() {
        return canvas.getWidth() - leftUsed - right;
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
            double px = x(xs.get(i)) - leftUsed;
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
            double px = leftUsed + c + 0.5;
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

    /**
     * Decides where the legend goes before the frame is drawn: inside the frame's top left, or beside the
     * frame on the right where the frame is too short to hold it over the data (a projector's short rows).
     */
    protected void placeLegend(List<String> names, double h) {
        legendBeside = names.size() * (fontSize + 4) + 8 > 0.6 * (h - top - bottom);
        legendInside = !legendBeside;
        right = legendBeside ? legendWidth(names) + 8 : 12;
    }

    private double legendWidth(List<String> names) {
        int longest = names.stream().mapToInt(String::length).max().orElse(0);
        return 1.7 * fontSize + 0.6 * fontSize * longest + 8;
    }

    protected void legend(GraphicsContext g, List<String> names, List<Color> colors) {
        double px = legendBeside ? canvas.getWidth() - right + 8 : leftUsed + 8;
        double py = legendBeside ? top : top + 6;
        if (!legendBeside) {
            // a veil behind the entries: they stay readable where a curve or a baseline passes under them
            g.setFill(Color.web("#ffffff", 0.8));
            g.fillRect(px - 4, py - 2, legendWidth(names), names.size() * (fontSize + 4) + 4);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < names.size(); i++) {
            g.setFill(colors.get(i));
            g.fillRect(px, py + i * (fontSize + 4) + fontSize / 2 - 2 * lineScale(), 1.2 * fontSize, 4 * lineScale());
            g.setFill(TEXT);
            g.fillText(names.get(i), px + 1.7 * fontSize, py + i * (fontSize + 4) + fontSize / 2);
        }
    }

    /**
     * At most {@code max} ticks over [lo, hi] (log10 units when {@code log}). A log axis gets values a
     * person reads at a glance: powers of ten (1, 10, 100, every other one when there are too many), else
     * 1-3-10, else 1-2-5, else round numbers of the value itself (40, 50, 60), never 32/100/316.
     */
    static List<Double> ticks(double lo, double hi, boolean log, int max) {
        max = Math.max(2, max);
        if (!log) {
            return linearTicks(lo, hi, max);
        }
        int want = Math.min(3, max);
        List<Double> best = List.of();
        for (int[] mantissas : new int[][] {{1}, {1, 3}, {1, 2, 5}}) {
            List<Double> t = logTicks(lo, hi, mantissas);
            if (mantissas.length == 1 && t.size() > max) {
                return thinDecades(t, max);
            }
            if (t.size() >= want && t.size() <= max) {
                return t;
            }
            if (t.size() <= max && t.size() > best.size()) {
                best = t;
            }
        }
        if (best.size() >= 2) {
            return best;
        }
        // within one decade: round values of the quantity itself (across decades they would crowd the top)
        List<Double> plain = new ArrayList<>();
        for (double v : linearTicks(Math.pow(10, lo), Math.pow(10, hi), max)) {
            if (v > 0) {
                plain.add(Math.log10(v));
            }
        }
        return plain.size() > best.size() ? plain : best;
    }

    private static List<Double> logTicks(double lo, double hi, int[] mantissas) {
        List<Double> out = new ArrayList<>();
        for (int e = (int) Math.floor(lo) - 1; e <= Math.ceil(hi); e++) {
            for (int m : mantissas) {
                double t = e + Math.log10(m);
                if (t >= lo - 1e-9 && t <= hi + 1e-9) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static List<Double> thinDecades(List<Double> decades, int max) {
        int every = (int) Math.ceil((double) decades.size() / max);
        List<Double> out = new ArrayList<>();
        for (double t : decades) {
            if (Math.round(t) % every == 0) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<Double> linearTicks(double lo, double hi, int max) {
        List<Double> out = new ArrayList<>();
        double span = hi - lo;
        if (!(span > 0)) {
            out.add(lo);
            return out;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(span / max)));
        double step = 10 * mag;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (Math.floor(hi / (m * mag)) - Math.ceil(lo / (m * mag)) + 1 <= max) {
                step = m * mag;
                break;
            }
        }
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
            // 3e-4, 2.5e4: the exponent without the padding %e gives it
            int e = (int) Math.floor(Math.log10(a) + 1e-9);
            double m = v / Math.pow(10, e);
            String ms = java.math.BigDecimal.valueOf(m).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
            return ms + "e" + e;
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
