package org.twinlab.export.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a drawn chart put things: the canvas, the plot area (null for a chart without one) and the bounds
 * of every text. Tests read it to check that a chart can be read at the size it got: no text on another,
 * none off the canvas, the plot area not squeezed out by its labels.
 */
public record Layout(Box canvas, Box plot, List<Placed> texts) {
    /** One text and its bounds. */
    public record Placed(String text, Box box) {
    }

    public Layout {
        texts = List.copyOf(texts);
    }

    /** The plot area's share of the canvas (0 without a plot area). */
    public double plotShare() {
        return plot == null || canvas.area() == 0 ? 0 : plot.area() / canvas.area();
    }

    /** What is wrong, one line each: texts that overlap, texts off the canvas, a plot area under {@code minShare}. */
    public List<String> problems(double minShare) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Placed a = texts.get(i);
            if (!a.box().within(canvas)) {
                out.add("'" + a.text() + "' " + fmt(a.box()) + " leaves the canvas " + fmt(canvas));
            }
            for (int j = i + 1; j < texts.size(); j++) {
                Placed b = texts.get(j);
                if (a.box().overlaps(b.box())) {
                    out.add("'" + a.text() + "' " + fmt(a.box()) + " overlaps '" + b.text() + "' " + fmt(b.box()));
                }
            }
        }
        if (plot != null && plotShare() < minShare) {
            out.add(String.format(Locale.ROOT, "plot area %s is %.0f%% of the canvas %s", fmt(plot), 100 * plotShare(),
                    fmt(canvas)));
        }
        return out;
    }

    private static String fmt(Box b) {
        return String.format(Locale.ROOT, "[%.0f,%.0f %.0fx%.0f]", b.x(), b.y(), b.w(), b.h());
    }
}
