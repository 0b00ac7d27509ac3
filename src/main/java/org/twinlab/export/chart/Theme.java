package org.twinlab.export.chart;

/**
 * Type and spacing. A figure's base font is about 1/34 of its shorter side (29 px at 1600 x 1000, 15 px
 * at 800 x 500), so the type reads the same when the figure is scaled to a slide; a live canvas takes the
 * window's type size ({@link #live}) and tighter padding, since a panel's pixels are few.
 */
public record Theme(double font, double pad) {
    public static Theme of(int width, int height) {
        double base = Math.max(10, Math.min(48, Math.min(height, width * 0.625) / 34.0));
        return new Theme(base, base * 0.8);
    }

    /** The window's type size for ticks and labels (the presenter zoom raises it). */
    public static Theme live(double font) {
        return new Theme(font, Math.max(2, font * 0.3));
    }

    public double title() {
        return font * 1.25;
    }

    public double small() {
        return font * 0.85;
    }

    public double line() {
        return Math.max(1.5, font / 7);
    }

    public double thin() {
        return Math.max(1, font / 18);
    }

    public double tick() {
        return font * 0.35;
    }

    /** The bounds of a text whose baseline is at {@code y}: DejaVu Sans rises about 0.76 of its size and falls 0.24. */
    static Box textBox(double width, double x, double y, double size, Painter.Anchor a, boolean rotated) {
        double x0 = switch (a) {
            case START -> x;
            case MIDDLE -> x - width / 2;
            case END -> x - width;
        };
        if (rotated) {
            // turned a quarter anticlockwise about (x, y): the text runs upwards, its top to the left
            return new Box(x - 0.76 * size, y - (x0 - x) - width, size, width);
        }
        return new Box(x0, y - 0.76 * size, width, size);
    }
}
