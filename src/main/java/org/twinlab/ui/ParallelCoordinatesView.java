package org.twinlab.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.twinlab.export.chart.Ticks;
import org.twinlab.runs.ParallelCoordinates;
import org.twinlab.runs.SweepResults;

/**
 * A sweep's runs across parallel axes (its swept settings, then the metric), one line per run coloured
 * by its metric, all on one canvas. Dragging along an axis brushes a span of it: only the runs inside
 * every brush stay coloured, the others fade to grey (as in TensorBoard's HParams view); a click on an
 * axis without a drag clears its brush.
 */
final class ParallelCoordinatesView extends CanvasRegion {
    private static final Color FADED = Color.web("#d0d7de", 0.7);
    private static final double PAD_X = 60;
    private static final double TOP = 40;
    private static final double BOTTOM = 26;
    private ParallelCoordinates model;
    private final Map<Integer, double[]> brushes = new LinkedHashMap<>();
    private Runnable onBrush = () -> { };
    private int dragAxis = -1;
    private double dragFrom;
    private boolean dragged;

    ParallelCoordinatesView() {
        setMinSize(200, 160);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    }

    void setModel(ParallelCoordinates m) {
        this.model = m;
        brushes.clear();
        redraw();
        onBrush.run();
    }

    /** Called whenever the brushes change (the view counts the runs that pass). */
    void setOnBrush(Runnable r) {
        this.onBrush = r;
    }

    /** The rows (of the model's table) inside every brush. */
    List<Integer> passing() {
        List<Integer> out = new ArrayList<>();
        if (model != null) {
            for (int i = 0; i < model.rows(); i++) {
                if (model.passes(i, brushes)) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    /** Brushes axis {@code axis} from position {@code lo} to {@code hi} (0 bottom, 1 top), as a drag does. */
    void brush(int axis, double lo, double hi) {
        brushes.put(axis, new double[] {Math.min(lo, hi), Math.max(lo, hi)});
        redraw();
        onBrush.run();
    }

    void clearBrushes() {
        brushes.clear();
        redraw();
        onBrush.run();
    }

    Canvas canvas() {
        return canvas;
    }

    private double axisX(int a) {
        int n = model.axes().size();
        return n == 1 ? canvas.getWidth() / 2 : PAD_X + a * (canvas.getWidth() - 2 * PAD_X) / (n - 1);
    }

    private double py(double position) {
        return TOP + (1 - position) * (canvas.getHeight() - TOP - BOTTOM);
    }

    private double position(double y) {
        return Math.max(0, Math.min(1, 1 - (y - TOP) / (canvas.getHeight() - TOP - BOTTOM)));
    }

    private int axisNear(double x) {
        for (int a = 0; model != null && a < model.axes().size(); a++) {
            if (Math.abs(x - axisX(a)) < 14) {
                return a;
            }
        }
        return -1;
    }

    private void pressed(MouseEvent e) {
        dragAxis = axisNear(e.getX());
        dragFrom = position(e.getY());
        dragged = false;
    }

    private void dragged(MouseEvent e) {
        if (dragAxis >= 0) {
            dragged = true;
            brush(dragAxis, dragFrom, position(e.getY()));
        }
    }

    private void released(MouseEvent e) {
        if (dragAxis >= 0 && !dragged) {
            brushes.remove(dragAxis); // a click: the axis is no longer filtered
            redraw();
            onBrush.run();
        }
        dragAxis = -1;
    }

    @Override
    protected void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (model == null || model.axes().isEmpty()) {
            return;
        }
        int metric = model.axes().size() - 1;
        List<Integer> faded = new ArrayList<>();
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < model.rows(); i++) {
            (model.passes(i, brushes) ? shown : faded).add(i);
        }
        // the faded runs first, so the runs that pass are drawn over them
        for (int i : faded) {
            line(g, i, FADED, 1);
        }
        for (int i : shown) {
            line(g, i, ColorMaps.sequential(model.position(metric, i)), 2);
        }
        for (int a = 0; a <= metric; a++) {
            axis(g, a, h);
        }
    }

    private void line(GraphicsContext g, int row, Color c, double width) {
        g.setStroke(c);
        g.setLineWidth(width);
        boolean open = false;
        g.beginPath();
        for (int a = 0; a < model.axes().size(); a++) {
            double p = model.position(a, row);
            if (Double.isNaN(p)) {
                open = false;
                continue;
            }
            if (open) {
                g.lineTo(axisX(a), py(p));
            } else {
                g.moveTo(axisX(a), py(p));
                open = true;
            }
        }
        g.stroke();
    }

    private void axis(GraphicsContext g, int a, double h) {
        ParallelCoordinates.Axis axis = model.axes().get(a);
        double x = axisX(a);
        g.setStroke(PlotCanvas.AXIS);
        g.setLineWidth(1.5);
        g.strokeLine(x, py(0), x, py(1));
        g.setFill(PlotCanvas.TEXT);
        g.setFont(Font.font(Font.getDefault().getFamily(), javafx.scene.text.FontWeight.BOLD, 13));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(axis.label() + (axis.log() ? " (log)" : SweepResults.inPercent(axis.key()) ? " (%)" : ""), x, TOP - 14);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (Map.Entry<Double, String> t : ticks(axis).entrySet()) {
            double y = py(t.getKey());
            g.strokeLine(x - 4, y, x, y);
            g.fillText(t.getValue(), x - 6, y);
        }
        double[] b = brushes.get(a);
        if (b != null) {
            g.setFill(Color.web("#0969da", 0.18));
            g.fillRect(x - 8, py(b[1]), 16, py(b[0]) - py(b[1]));
            g.setStroke(Color.web("#0969da"));
            g.strokeRect(x - 8, py(b[1]), 16, py(b[0]) - py(b[1]));
        }
    }

    /** Tick positions and labels: the categories, or readable numbers from the chart package's ticks. */
    private static Map<Double, String> ticks(ParallelCoordinates.Axis axis) {
        Map<Double, String> out = new LinkedHashMap<>();
        if (!axis.numeric()) {
            int n = axis.categories().size();
            for (int i = 0; i < n; i++) {
                out.put(n == 1 ? 0.5 : (double) i / (n - 1), axis.categories().get(i));
            }
            return out;
        }
        if (axis.max() == axis.min()) {
            out.put(0.5, Ticks.format(axis.min(), Math.abs(axis.min()) / 10 + 1e-12));
            return out;
        }
        Ticks.Range r = axis.log() ? Ticks.log(axis.min(), axis.max(), 5) : Ticks.linear(axis.min(), axis.max(), 5);
        double spacing = r.ticks().length > 1 ? Math.abs(r.ticks()[1] - r.ticks()[0]) : 1;
        double scale = SweepResults.inPercent(axis.key()) ? 100 : 1; // accuracies read in percent, as in the charts
        for (double v : r.ticks()) {
            double p = axis.positionOf(v);
            if (p >= -1e-9 && p <= 1 + 1e-9) {
                out.put(p, Ticks.format(scale * v, scale * (axis.log() ? v : spacing)));
            }
        }
        return out;
    }
}
