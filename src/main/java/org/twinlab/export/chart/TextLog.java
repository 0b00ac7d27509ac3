package org.twinlab.export.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** Draws texts and keeps their bounds, for the charts that lay out without a {@link Frame} (heatmaps, histograms). */
final class TextLog {
    private final List<Layout.Placed> placed = new ArrayList<>();

    Box text(Painter p, String s, double x, double y, double size, Painter.Anchor a, boolean bold, boolean rotated,
             Color color) {
        Box b = Theme.textBox(p.textWidth(s, size, bold), x, y, size, a, rotated);
        p.text(s, x, y, size, a, bold, rotated, color);
        placed.add(new Layout.Placed(s, b));
        return b;
    }

    void addAll(List<Layout.Placed> more) {
        placed.addAll(more);
    }

    Layout layout(double width, double height, Box plot) {
        return new Layout(new Box(0, 0, width, height), plot, placed);
    }
}
