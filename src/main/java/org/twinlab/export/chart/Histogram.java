package org.twinlab.export.chart;

import java.awt.Color;

/**
 * Counts over [-1, 1] as bars under their name, with a -1 / 0 / +1 axis: the window's histograms of C's
 * diagonal and off-diagonal. Bar heights go with the square root of the count, so rare bins stay visible.
 */
public final class Histogram {
    private Histogram() {
    }

    public static Layout draw(Painter p, Theme t, String name, Color color, int[] counts, double w, double h) {
        TextLog log = new TextLog();
        double fs = t.small();
        double top = fs * 1.25;
        double bars = Math.max(4, h - top - fs * 1.2);
        int max = 1;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        for (int i = 0; i < counts.length; i++) {
            double bh = bars * Math.sqrt((double) counts[i] / max);
            p.fillRect(i * w / counts.length, top + bars - bh, Math.max(1, w / counts.length - 1), bh, color);
        }
        p.line(0, top + bars + 0.5, w, top + bars + 0.5, Palette.MUTED, 1, false);
        double nameRoom = w;
        log.text(p, fitted(p, name, fs, nameRoom), 0, fs * 0.95, fs, Painter.Anchor.START, false, false, Palette.INK);
        double ly = top + bars + 2 + fs * 0.8;
        log.text(p, "\u22121", 0, ly, fs, Painter.Anchor.START, false, false, Palette.MUTED);
        log.text(p, "0", w / 2, ly, fs, Painter.Anchor.MIDDLE, false, false, Palette.MUTED);
        log.text(p, "+1", w, ly, fs, Painter.Anchor.END, false, false, Palette.MUTED);
        return log.layout(w, h, new Box(0, top, w, bars));
    }

    private static String fitted(Painter p, String s, double size, double room) {
        if (p.textWidth(s, size, false) <= room) {
            return s;
        }
        String cut = s;
        while (cut.length() > 1 && p.textWidth(cut + "…", size, false) > room) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
