package org.twinlab.export.chart;

import java.awt.image.BufferedImage;

/**
 * The colour bar of the [-1, 1] diverging map ({@link Palette#diverging}) with its labels: every half
 * where the bar is tall enough for five, else +1, 0 and -1. The figures' heatmaps and the window's C
 * panel draw this one.
 */
public final class ColourBar {
    private static final BufferedImage BAR = bar();

    private ColourBar() {
    }

    private static BufferedImage bar() {
        int steps = 256;
        BufferedImage bar = new BufferedImage(1, steps, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < steps; i++) {
            bar.setRGB(0, i, Palette.diverging(1f - 2f * i / (steps - 1)));
        }
        return bar;
    }

    /** The width the bar and its labels take at a bar width. */
    public static double width(Painter p, Theme t, double barW) {
        return barW + t.tick() + t.small() * 0.3 + p.textWidth("-0.5", t.small(), false);
    }

    /** Draws the bar {@code barW} wide from {@code top} down {@code h} at {@code x}; its labels' bounds go to {@code log}. */
    static void draw(Painter p, Theme t, double x, double top, double barW, double h, TextLog log) {
        p.image(BAR, x, top, barW, h);
        p.strokeRect(x, top, barW, h, Palette.INK, t.thin());
        double[] values = h >= t.small() * 6.5 ? new double[] {1, 0.5, 0, -0.5, -1} : new double[] {1, 0, -1};
        for (double v : values) {
            double yy = top + (1 - v) / 2 * h;
            p.line(x + barW, yy, x + barW + t.tick(), yy, Palette.INK, t.thin(), false);
            String s = v > 0 ? "+" + Ticks.format(v, 0.5) : Ticks.format(v, 0.5).replace('-', '\u2212');
            // the end labels stay inside the bar's height, so a bar as tall as its canvas cuts none
            double base = Math.max(top + t.small() * 0.76, Math.min(top + h - t.small() * 0.24, yy + t.small() * 0.35));
            log.text(p, s, x + barW + t.tick() + t.small() * 0.3, base, t.small(), Painter.Anchor.START, false, false,
                    Palette.INK);
        }
    }

    /** A colour bar filling a canvas of {@code width} x {@code height} (the window's, beside C). */
    public static Layout drawAlone(Painter p, Theme t, double width, double height) {
        TextLog log = new TextLog();
        double barW = Math.max(8, Math.min(t.font() * 0.9, width - ColourBar.width(p, t, 0) - 2));
        draw(p, t, 1, t.small() * 0.5, barW, Math.max(10, height - t.small()), log);
        return log.layout(width, height, null);
    }
}
