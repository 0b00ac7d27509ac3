package org.twinlab.export.chart;

import java.awt.Color;
import java.util.List;

/** A legend's entries: a swatch and a name each. {@link Frame} places them beside the plot, above it, or collapsed. */
public final class Legend {
    /** How an entry's swatch looks. */
    public enum Swatch { LINE, DASHED, DOT, BOX }

    public record Entry(String name, Color color, Swatch swatch) {
    }

    private final List<Entry> entries;

    public Legend(List<Entry> entries) {
        this.entries = entries.stream().filter(e -> e.name() != null && !e.name().isBlank()).toList();
    }

    public static Legend none() {
        return new Legend(List.of());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<Entry> entries() {
        return entries;
    }

    static double swatchWidth(Theme t) {
        return t.small() * 1.6;
    }

    /** The swatch of {@code e}, {@code w} wide, centred on the height {@code cy}. */
    static void swatch(Painter p, Theme t, Entry e, double x, double cy, double w) {
        switch (e.swatch()) {
            case LINE, DASHED -> p.line(x, cy, x + w, cy, e.color(), t.line() * 1.2, e.swatch() == Swatch.DASHED);
            case DOT -> p.fillCircle(x + w / 2, cy, t.small() * 0.32, e.color());
            case BOX -> p.fillRect(x + w * 0.2, cy - t.small() * 0.35, w * 0.6, t.small() * 0.7, e.color());
        }
    }
}
