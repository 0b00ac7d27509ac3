package org.twinlab.export.chart;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;

/** The charts' one typeface (a sans-serif, DejaVu Sans on Linux) and its measurements. */
final class Fonts {
    static final String SVG_FAMILY = "'DejaVu Sans', Verdana, Arial, Helvetica, sans-serif";
    private static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);

    private Fonts() {
    }

    static Font font(double size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    }

    static double width(String s, double size, boolean bold) {
        return s.isEmpty() ? 0 : font(size, bold).getStringBounds(s, FRC).getWidth();
    }

    /** The text, cut and ended with an ellipsis when it is wider than {@code room}. */
    static String fit(String s, double size, double room) {
        if (width(s, size, false) <= room + 0.5) {
            return s;
        }
        String cut = s;
        while (cut.length() > 1 && width(cut + "…", size, false) > room) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
