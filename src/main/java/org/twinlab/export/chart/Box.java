package org.twinlab.export.chart;

/** A rectangle in pixels, y growing downwards: a chart's plot area or the bounds of one of its texts. */
public record Box(double x, double y, double w, double h) {
    public double maxX() {
        return x + w;
    }

    public double maxY() {
        return y + h;
    }

    public double area() {
        return Math.max(0, w) * Math.max(0, h);
    }

    /** Whether the two share more than a hair (half a pixel: anti-aliasing, not overlap). */
    public boolean overlaps(Box o) {
        return Math.min(maxX(), o.maxX()) - Math.max(x, o.x) > 0.5 && Math.min(maxY(), o.maxY()) - Math.max(y, o.y) > 0.5;
    }

    /** Whether this box lies inside {@code o}, to half a pixel. */
    public boolean within(Box o) {
        return x >= o.x - 0.5 && y >= o.y - 0.5 && maxX() <= o.maxX() + 0.5 && maxY() <= o.maxY() + 0.5;
    }
}
