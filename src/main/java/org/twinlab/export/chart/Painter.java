package org.twinlab.export.chart;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * The few drawing operations charts need, in pixels with y growing downwards. Two implementations:
 * Java2D onto a {@link BufferedImage} (PNG) and SVG text. Both measure text with the same Java2D
 * font metrics, so a layout computed on one holds on the other.
 */
public interface Painter {
    /** Where a text's x coordinate sits: its start, its middle or its end. */
    enum Anchor { START, MIDDLE, END }

    void line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed);

    /** A connected line through the first {@code n} points. */
    void polyline(double[] xs, double[] ys, int n, Color color, double width, boolean dashed);

    void fillRect(double x, double y, double w, double h, Color color);

    void strokeRect(double x, double y, double w, double h, Color color, double width);

    void fillCircle(double cx, double cy, double r, Color color);

    /** Text on the baseline {@code y}; {@code rotated} turns it a quarter anticlockwise (for a y-axis title). */
    void text(String s, double x, double y, double size, Anchor anchor, boolean bold, boolean rotated, Color color);

    /** An image scaled to the rectangle without smoothing (each matrix cell stays a crisp block). */
    void image(BufferedImage image, double x, double y, double w, double h);

    /** Restricts drawing to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    void unclip();

    /** Width of a text in pixels at a font size. */
    default double textWidth(String s, double size, boolean bold) {
        return Fonts.width(s, size, bold);
    }
}
