package org.twinlab.ui;

import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.twinlab.export.chart.Painter;

/**
 * The chart package's {@link Painter} on a JavaFX canvas: a chart drawn in the window is the same chart
 * its PNG export writes, measured with the canvas's own font.
 */
final class FxPainter implements Painter {
    private final GraphicsContext g;

    FxPainter(GraphicsContext g) {
        this.g = g;
    }

    /** Text widths by font and text: a redraw measures the same tick labels again and again. */
    private static final java.util.Map<String, Double> WIDTHS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The palette's colour on a JavaFX canvas. */
    static Color fx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    private void stroke(java.awt.Color color, double width, boolean dashed) {
        g.setStroke(fx(color));
        g.setLineWidth(width);
        g.setLineDashes(dashed ? new double[] {4 * width, 3 * width} : null);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, java.awt.Color color, double width, boolean dashed) {
        stroke(color, width, dashed);
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, java.awt.Color color, double width, boolean dashed) {
        if (n < 2) {
            return;
        }
        stroke(color, width, dashed);
        g.strokePolyline(xs, ys, n);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, java.awt.Color color) {
        g.setFill(fx(color));
        g.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, java.awt.Color color, double width) {
        stroke(color, width, false);
        g.strokeRect(x, y, w, h);
    }

    @Override
    public void fillCircle(double cx, double cy, double r, java.awt.Color color) {
        g.setFill(fx(color));
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    /** Fonts by size and weight: looking a font up by family costs more than drawing a tick label. */
    private static final java.util.Map<Double, Font> FONTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final String FAMILY = Font.getDefault().getFamily();

    private static Font font(double size, boolean bold) {
        return FONTS.computeIfAbsent(bold ? -size : size,
                k -> Font.font(FAMILY, bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
    }

    /** Tests and the canvases' own texts measure with the chart's font too. */
    static double width(String s, double size, boolean bold) {
        String key = (bold ? "b" : "n") + size + "|" + s;
        Double w = WIDTHS.get(key);
        if (w == null) {
            if (WIDTHS.size() > 4096) {
                WIDTHS.clear();
            }
            Text measure = new Text(s);
            measure.setFont(font(size, bold));
            w = measure.getLayoutBounds().getWidth();
            WIDTHS.put(key, w);
        }
        return w;
    }

    @Override
    public void text(String s, double x, double y, double size, Anchor anchor, boolean bold, boolean rotated,
                     java.awt.Color color) {
        Font f = font(size, bold);
        if (g.getFont() != f) {
            g.setFont(f);
        }
        g.setFill(fx(color));
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(switch (anchor) {
            case START -> TextAlignment.LEFT;
            case MIDDLE -> TextAlignment.CENTER;
            case END -> TextAlignment.RIGHT;
        });
        if (rotated) {
            g.save();
            g.translate(x, y);
            g.rotate(-90);
            g.fillText(s, 0, 0);
            g.restore();
        } else {
            g.fillText(s, x, y);
        }
    }

    @Override
    public void image(BufferedImage image, double x, double y, double w, double h) {
        g.setImageSmoothing(false);
        g.drawImage(SwingFXUtils.toFXImage(image, null), x, y, w, h);
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
    }

    @Override
    public void unclip() {
        g.restore();
    }

    @Override
    public double textWidth(String s, double size, boolean bold) {
        return width(s, size, bold);
    }
}
