package org.twinlab.export.chart;

import java.awt.Color;
import java.util.List;

/** A legend: one row per entry, a swatch and a name, drawn in a column beside the plot. */
final class Legend {
    /** How an entry's swatch looks. */
    enum Swatch { LINE, DASHED, DOT, BOX }

    record Entry(String name, Color color, Swatch swatch) {
    }

    private final List<Entry> entries;
    private final Theme t;

    Legend(List<Entry> entries, Theme t) {
        this.entries = entries.stream().filter(e -> e.name() != null && !e.name().isBlank()).toList();
        this.t = t;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    private double swatchWidth() {
        return t.font() * 1.6;
    }

    /** The column's width, at most {@code limit} (longer names are cut with an ellipsis). */
    double width(Painter p, double limit) {
        if (isEmpty()) {
            return 0;
        }
        double w = 0;
        for (Entry e : entries) {
            w = Math.max(w, p.textWidth(e.name(), t.small(), false));
        }
        return Math.min(limit, swatchWidth() + t.font() * 0.5 + w);
    }

    void draw(Painter p, double x, double y, double width) {
        double row = t.small() * 1.45;
        double textRoom = width - swatchWidth() - t.font() * 0.5;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            double cy = y + row * i + row / 2;
            double sx = x;
            switch (e.swatch()) {
                case LINE, DASHED -> p.line(sx, cy, sx + swatchWidth(), cy, e.color(), t.line() * 1.2, e.swatch() == Swatch.DASHED);
                case DOT -> p.fillCircle(sx + swatchWidth() / 2, cy, t.small() * 0.32, e.color());
                case BOX -> p.fillRect(sx + swatchWidth() * 0.2, cy - t.small() * 0.35, swatchWidth() * 0.6, t.small() * 0.7, e.color());
            }
            p.text(Fonts.fit(e.name(), t.small(), textRoom), sx + swatchWidth() + t.font() * 0.5, cy + t.small() * 0.35, t.small(),
                    Painter.Anchor.START, false, false, Palette.INK);
        }
    }
}
