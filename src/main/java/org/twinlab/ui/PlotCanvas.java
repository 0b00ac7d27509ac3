package org.twinlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.twinlab.export.chart.Box;
import org.twinlab.export.chart.Frame;
import org.twinlab.export.chart.Layout;
import org.twinlab.export.chart.Legend;
import org.twinlab.export.chart.Palette;
import org.twinlab.export.chart.Theme;

/**
 * A live plot on one Canvas that fills its region: the chart model's {@link Frame} lays out and draws the
 * axes, ticks, titles, legend and marks through {@link FxPainter}, as the exported figures are drawn; the
 * data is drawn here, decimated per pixel column, so a 100k-point curve costs a redraw of a few thousand
 * segments. Subclasses build a {@link Frame.Spec}, call {@link #frame}, then draw through {@link #x}, {@link #y}.
 * A click on the legend folds it into one short row (and back).
 */
abstract class PlotCanvas extends Region {
    static final Color TEXT = FxPainter.fx(Palette.INK);
    static final Color AXIS = FxPainter.fx(Palette.MUTED);
    protected final Canvas canvas = new Canvas();
    private double fontSize = 12;
    private Frame frame;
    private final List<Layout.Placed> ownTexts = new ArrayList<>();
    private boolean legendFolded;
    private Layout drawn;
    /** The timeline's step (see {@link #mark}); NaN when none. */
    private double marked = Double.NaN;
    static final Color MARK = Color.web("#8250df");

    PlotCanvas() {
        getChildren().add(canvas);
        setMinSize(120, 80);
        setOnMouseClicked(e -> {
            Frame f = frame;
            if (f != null && f.legendBoxes().stream().anyMatch(b -> e.getX() >= b.x() && e.getX() <= b.maxX()
                    && e.getY() >= b.y() && e.getY() <= b.maxY())) {
                legendFolded = !legendFolded;
                redraw();
            }
        });
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
        redraw();
    }

    double fontSize() {
        return fontSize;
    }

    /** Line widths grow with the type, so curves stay as visible as their labels on a projector. */
    double lineScale() {
        return fontSize / 12;
    }

    /** Whether the user folded the legend away. */
    boolean legendFolded() {
        return legendFolded;
    }

    void setLegendFolded(boolean on) {
        legendFolded = on;
        redraw();
    }

    final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        g.setLineDashes(null);
        ownTexts.clear();
        frame = null;
        drawn = null;
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
        // only where this redraw laid out a frame, so x() means something
        if (Double.isNaN(marked) || frame == null || marked < frame.xMin() || marked > frame.xMax()) {
            return;
        }
        double px = Math.round(x(marked)) + 0.5;
        g.setLineDashes(4 * lineScale(), 3 * lineScale());
        g.setStroke(MARK);
        g.setLineWidth(1.5 * lineScale());
        g.strokeLine(px, frame.top, px, frame.bottom);
        g.setLineDashes(null);
    }

    protected abstract void draw(GraphicsContext g, double w, double h);

    /** The spec every live plot starts from: this canvas's size, the window's type, no background. */
    protected Frame.Spec spec() {
        return new Frame.Spec((int) canvas.getWidth(), (int) canvas.getHeight(), Theme.live(fontSize)).background(false)
                .legendCollapsed(legendFolded);
    }

    /** Lays out and draws everything but the data. */
    protected Frame frame(GraphicsContext g, Frame.Spec spec) {
        FxPainter p = new FxPainter(g);
        frame = spec.layout(p);
        frame.drawFrame(p);
        g.setLineDashes(null);
        return frame;
    }

    /** A plain frame: the ranges exactly as given, ticks inside them. */
    protected Frame frame(GraphicsContext g, double xmin, double xmax, double ymin, double ymax, boolean log,
                          String xLabel, String yLabel) {
        return frame(g, spec().x(xLabel, Frame.Extent.exact(xmin, xmax > xmin ? xmax : xmin + 1, false))
                .y(yLabel, Frame.Extent.exact(ymin, ymax > ymin ? ymax : ymin + 1, log)));
    }

    /** A text of the subclass's own (a gauge's value), drawn and recorded with the frame's. */
    protected Box text(GraphicsContext g, String s, double x, double baseline, double size, boolean bold,
                       org.twinlab.export.chart.Painter.Anchor a, java.awt.Color color) {
        FxPainter p = new FxPainter(g);
        double w = p.textWidth(s, size, bold);
        Box b = switch (a) {
            case START -> new Box(x, baseline - 0.76 * size, w, size);
            case MIDDLE -> new Box(x - w / 2, baseline - 0.76 * size, w, size);
            case END -> new Box(x - w, baseline - 0.76 * size, w, size);
        };
        p.text(s, x, baseline, size, a, bold, false, color);
        ownTexts.add(new Layout.Placed(s, b));
        return b;
    }

    /** A chart of the chart model that laid itself out (a colour bar, a histogram): its layout is this canvas's. */
    protected void drawn(Layout l) {
        drawn = l;
    }

    /** Where the last redraw put its plot area and texts (tests check them at the panels' sizes). */
    Layout lastLayout() {
        Box canvasBox = new Box(0, 0, canvas.getWidth(), canvas.getHeight());
        if (frame == null) {
            List<Layout.Placed> all = new ArrayList<>(ownTexts);
            if (drawn != null) {
                all.addAll(drawn.texts());
            }
            return new Layout(canvasBox, drawn == null ? null : drawn.plot(), all);
        }
        List<Layout.Placed> all = new ArrayList<>(frame.layout().texts());
        all.addAll(ownTexts);
        return new Layout(canvasBox, frame.layout().plot(), all);
    }

    /** The last redraw's frame (null before one). */
    Frame lastFrame() {
        return frame;
    }

    protected double x(double v) {
        return frame.px(v);
    }

    protected double y(double v) {
        return frame.py(v);
    }

    /** Where the frame's left edge is. */
    protected double frameLeft() {
        return frame.left;
    }

    protected double plotWidth() {
        return frame.right - frame.left;
    }

    /** Reader-side min/max decimation: one vertical segment per pixel column, however many points. */
    protected void curve(GraphicsContext g, MetricSeries.View xs, double[] ys, int n, Color color, double width) {
        if (n == 0) {
            return;
        }
        double left = frame.left;
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

    /** A value as the axes label it: three significant digits, scientific notation for very small or large values. */
    static String label(double v) {
        return org.twinlab.export.chart.Ticks.format(v, Math.abs(v) / 100);
    }

    /** A legend of line swatches in the palette's colours. */
    static Legend lines(List<String> names, List<java.awt.Color> colours) {
        List<Legend.Entry> es = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            es.add(new Legend.Entry(names.get(i), colours.get(i), Legend.Swatch.LINE));
        }
        return new Legend(es);
    }
}
