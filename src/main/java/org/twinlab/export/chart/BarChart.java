package org.twinlab.export.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Grouped bars: one group per category along x, one bar per series inside each group, optional error
 * bars (e.g. the spread over seeds) and the value written above each bar. The y axis starts at zero
 * unless told otherwise.
 *
 * <pre>{@code
 * Chart c = new BarChart("Linear probe").axes(null, "top-1 (%)")
 *         .categories(List.of("baseline", "no BN", "only invariance"))
 *         .series("Fashion-MNIST", new double[] {86.6, 85.1, 70.2})
 *         .valueFormat("%.1f");
 * }</pre>
 */
public final class BarChart extends TitledChart<BarChart> {
    private record Bars(String name, double[] values, double[] errors, java.awt.Color color) {
    }

    private List<String> categories = List.of();
    private final List<Bars> series = new ArrayList<>();
    private String valueFormat;
    private double yMin = 0;
    private double yMax = Double.NaN;

    public BarChart(String title) {
        super(title);
    }

    /** The groups along x, in order. */
    public BarChart categories(List<String> names) {
        this.categories = List.copyOf(names);
        return this;
    }

    /** One bar per category (NaN: no bar); the series name goes in the legend. */
    public BarChart series(String name, double[] values) {
        return series(name, values, null);
    }

    /** Bars with error bars of plus/minus {@code errors[i]} (null for none). */
    public BarChart series(String name, double[] values, double[] errors) {
        if (values.length != categories.size() || (errors != null && errors.length != values.length)) {
            throw new IllegalArgumentException("bar series '" + name + "': " + values.length + " values for "
                    + categories.size() + " categories");
        }
        series.add(new Bars(name, values.clone(), errors == null ? null : errors.clone(), null));
        return this;
    }

    /** The last series' colour (by default the palette's next): a baseline keeps its colour in every view. */
    public BarChart color(java.awt.Color c) {
        Bars b = series.remove(series.size() - 1);
        series.add(new Bars(b.name(), b.values(), b.errors(), c));
        return this;
    }

    private java.awt.Color colorOf(int s) {
        return series.get(s).color() != null ? series.get(s).color() : Palette.category(s);
    }

    /** Writes each bar's value above it with this format (e.g. {@code "%.1f"}); null for none. */
    public BarChart valueFormat(String format) {
        this.valueFormat = format;
        return this;
    }

    /** Fixes the y range (NaN for an end taken from the data); by default it starts at 0. */
    public BarChart yRange(double min, double max) {
        this.yMin = min;
        this.yMax = max;
        return this;
    }

    @Override
    public Layout draw(Painter p, int width, int height) {
        Theme t = Theme.of(width, height);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<Legend.Entry> entries = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            Bars b = series.get(s);
            for (int i = 0; i < b.values().length; i++) {
                double v = b.values()[i];
                double e = b.errors() == null || !Double.isFinite(b.errors()[i]) ? 0 : b.errors()[i];
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v - e);
                    hi = Math.max(hi, v + e);
                }
            }
            entries.add(new Legend.Entry(b.name(), colorOf(s), Legend.Swatch.BOX));
        }
        if (valueFormat != null && Double.isFinite(hi)) {
            hi += (hi - Math.min(lo, Double.isNaN(yMin) ? lo : yMin)) * 0.08; // room for the labels
        }
        Legend legend = new Legend(series.size() > 1 ? entries : List.of());
        Frame f = new Frame.Spec(width, height, t).titles(title, subtitle).legend(legend)
                .categories(xTitle, categories.toArray(String[]::new)).y(yTitle, new Frame.Extent(lo, hi, false, yMin, yMax))
                .layout(p);
        f.drawFrame(p);
        List<Box> valueBoxes = new ArrayList<>();
        int n = Math.max(1, series.size());
        double groupW = f.slotWidth() * 0.8;
        double barW = groupW / n;
        double base = f.py(Math.max(f.yMin(), 0));
        for (int s = 0; s < series.size(); s++) {
            Bars b = series.get(s);
            for (int i = 0; i < categories.size(); i++) {
                double v = b.values()[i];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double x = f.slotCentre(i) - groupW / 2 + s * barW;
                double top = f.py(v);
                p.fillRect(x + barW * 0.06, Math.min(top, base), barW * 0.88, Math.abs(base - top), colorOf(s));
                double labelY = top;
                if (b.errors() != null && Double.isFinite(b.errors()[i]) && b.errors()[i] > 0) {
                    double cx = x + barW / 2;
                    double y1 = f.py(v + b.errors()[i]);
                    double y2 = f.py(v - b.errors()[i]);
                    p.line(cx, y1, cx, y2, Palette.INK, t.thin() * 1.5, false);
                    p.line(cx - barW * 0.15, y1, cx + barW * 0.15, y1, Palette.INK, t.thin() * 1.5, false);
                    p.line(cx - barW * 0.15, y2, cx + barW * 0.15, y2, Palette.INK, t.thin() * 1.5, false);
                    labelY = Math.min(top, y1);
                }
                if (valueFormat != null) {
                    valueLabel(p, f, t, String.format(Locale.ROOT, valueFormat, v), x + barW / 2, labelY, barW, n, valueBoxes);
                }
            }
        }
        return f.layout();
    }

    /**
     * A bar's value above it: as large as the bar is wide allows (down to 60% of the tick type), lifted a
     * line above a neighbour's label it would touch, so "71.3" and "71.2" never run together.
     */
    private static void valueLabel(Painter p, Frame f, Theme t, String text, double cx, double barTop, double barW, int n,
                                   List<Box> placed) {
        double size = t.small() * (n > 3 ? 0.8 : 1);
        double w = p.textWidth(text, size, false);
        if (w > barW * 0.96) {
            size = Math.max(t.small() * 0.6, size * barW * 0.96 / w);
            w = p.textWidth(text, size, false);
        }
        double base = barTop - size * 0.35;
        Box b = Theme.textBox(w, cx, base, size, Painter.Anchor.MIDDLE, false);
        for (int lift = 0; lift < 4; lift++) {
            Box probe = b;
            if (placed.stream().noneMatch(probe::overlaps)) {
                break;
            }
            base -= size * 1.05;
            b = Theme.textBox(w, cx, base, size, Painter.Anchor.MIDDLE, false);
        }
        placed.add(b);
        f.text(p, text, cx, base, size, Painter.Anchor.MIDDLE, false, Palette.INK);
    }
}
