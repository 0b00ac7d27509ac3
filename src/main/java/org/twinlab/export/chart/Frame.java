package org.twinlab.export.chart;

/**
 * The layout shared by the charts with two axes: title and subtitle on top, the legend in a column on
 * the right, tick labels and axis titles around a plot rectangle, a light grid on the ticks. The x axis
 * is numeric or a row of category names (bar charts).
 */
final class Frame {
    /** One numeric axis before layout: the data's extent, log or not, and optional fixed ends (NaN: from the data). */
    record Extent(double min, double max, boolean log, double fixedMin, double fixedMax) {
        Ticks.Range range(int maxTicks) {
            double lo = Double.isNaN(fixedMin) ? min : fixedMin;
            double hi = Double.isNaN(fixedMax) ? max : fixedMax;
            if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
                lo = log ? 1 : 0;
                hi = log ? 10 : 1;
            }
            Ticks.Range r = log ? Ticks.log(lo, hi, maxTicks) : Ticks.linear(lo, hi, maxTicks);
            if (!Double.isNaN(fixedMin) || !Double.isNaN(fixedMax)) {
                // fixed ends are kept exactly; only the ticks inside them are shown
                double a = Double.isNaN(fixedMin) ? r.min() : fixedMin;
                double b = Double.isNaN(fixedMax) ? r.max() : fixedMax;
                double[] inside = java.util.Arrays.stream(r.ticks()).filter(v -> v >= a - 1e-12 * Math.abs(b - a)
                        && v <= b + 1e-12 * Math.abs(b - a)).toArray();
                return new Ticks.Range(a, b, inside);
            }
            return r;
        }
    }

    final Theme t;
    final double left;
    final double top;
    final double right;
    final double bottom;
    private final Ticks.Range xr;
    private final Ticks.Range yr;
    private final boolean logX;
    private final boolean logY;
    private final String[] categories;
    private final String title;
    private final String subtitle;
    private final String xTitle;
    private final String yTitle;
    private final Legend legend;
    private final double legendWidth;
    private final int width;

    private Frame(Painter p, int width, int height, Theme t, String title, String subtitle, Legend legend,
                  String xTitle, Extent x, String[] categories, String yTitle, Extent y) {
        this.t = t;
        this.width = width;
        this.title = title;
        this.subtitle = subtitle;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.legend = legend;
        this.categories = categories;
        double pad = t.pad();
        top = headerHeight(t, title, subtitle) + pad * 1.2;
        legendWidth = legend.width(p, width * 0.3);
        right = width - pad - (legendWidth > 0 ? legendWidth + pad : 0);
        bottom = height - pad - (present(xTitle) ? t.font() * 1.3 : 0) - t.small() * 1.2 - t.tick();
        int yTicks = clamp((int) ((bottom - top) / (t.font() * 2.2)), 2, 9);
        Ticks.Range ry = y.range(yTicks);
        logY = y.log();
        yr = ry;
        double labelW = 0;
        for (String s : Ticks.labels(ry.ticks())) {
            labelW = Math.max(labelW, p.textWidth(s, t.small(), false));
        }
        left = pad + (present(yTitle) ? t.font() * 1.4 : 0) + labelW + t.tick() + t.small() * 0.4;
        if (categories == null) {
            logX = x.log();
            int xTicks = clamp((int) ((right - left) / (t.font() * 4.5)), 2, 10);
            Ticks.Range rx = x.range(xTicks);
            while (xTicks > 2 && overlaps(p, rx)) {
                rx = x.range(--xTicks);
            }
            xr = rx;
        } else {
            logX = false;
            xr = null;
        }
    }

    /** A frame with a numeric x axis. */
    static Frame numeric(Painter p, int w, int h, Theme t, String title, String subtitle, Legend legend,
                         String xTitle, Extent x, String yTitle, Extent y) {
        return new Frame(p, w, h, t, title, subtitle, legend, xTitle, x, null, yTitle, y);
    }

    /** A frame with one slot per category along x. */
    static Frame categorical(Painter p, int w, int h, Theme t, String title, String subtitle, Legend legend,
                             String xTitle, String[] categories, String yTitle, Extent y) {
        return new Frame(p, w, h, t, title, subtitle, legend, xTitle, null, categories, yTitle, y);
    }

    private boolean overlaps(Painter p, Ticks.Range rx) {
        String[] labels = Ticks.labels(rx.ticks());
        double room = (right - left) / Math.max(1, labels.length - 1);
        for (String s : labels) {
            if (p.textWidth(s, t.small(), false) > room * 0.85) {
                return true;
            }
        }
        return false;
    }

    /** The height the title and subtitle take, the top padding included. */
    static double headerHeight(Theme t, String title, String subtitle) {
        return t.pad() + (present(title) ? t.title() : 0) + (present(subtitle) ? t.small() * 1.4 : 0);
    }

    /** The white background and the centred title and subtitle every chart starts with. */
    static void drawHeader(Painter p, Theme t, int width, int height, String title, String subtitle) {
        p.fillRect(0, 0, width, height, Palette.BACKGROUND);
        double y = t.pad();
        if (present(title)) {
            y += t.title();
            p.text(title, width / 2.0, y - t.title() * 0.2, t.title(), Painter.Anchor.MIDDLE, true, false, Palette.INK);
        }
        if (present(subtitle)) {
            y += t.small() * 1.4;
            p.text(subtitle, width / 2.0, y - t.small() * 0.25, t.small(), Painter.Anchor.MIDDLE, false, false, Palette.MUTED);
        }
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double frac(double v, double min, double max, boolean log) {
        return log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : (v - min) / (max - min);
    }

    /** Pixel x of a value on a numeric axis. */
    double px(double v) {
        return left + frac(v, xr.min(), xr.max(), logX) * (right - left);
    }

    /** Pixel y of a value. */
    double py(double v) {
        return bottom - frac(v, yr.min(), yr.max(), logY) * (bottom - top);
    }

    double yMin() {
        return yr.min();
    }

    /** Centre of category {@code i}'s slot, and the slot's width. */
    double slotCentre(int i) {
        return left + (i + 0.5) * slotWidth();
    }

    double slotWidth() {
        return (right - left) / categories.length;
    }

    /** Whether a value can be drawn on the axes (finite, and positive on a log axis). */
    boolean drawable(double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0) && (!logY || y > 0);
    }

    /** Background, title, grid, axes, ticks, axis titles and legend: everything but the data. */
    void drawFrame(Painter p, int height) {
        drawHeader(p, t, width, height, title, subtitle);
        String[] ylab = Ticks.labels(yr.ticks());
        for (int i = 0; i < yr.ticks().length; i++) {
            double yy = py(yr.ticks()[i]);
            p.line(left, yy, right, yy, Palette.GRID, t.thin(), false);
            p.line(left - t.tick(), yy, left, yy, Palette.INK, t.thin(), false);
            p.text(ylab[i], left - t.tick() - t.small() * 0.3, yy + t.small() * 0.35, t.small(), Painter.Anchor.END,
                    false, false, Palette.INK);
        }
        double labelY = bottom + t.tick() + t.small() * 1.05;
        if (categories == null) {
            String[] xlab = Ticks.labels(xr.ticks());
            for (int i = 0; i < xr.ticks().length; i++) {
                double xx = px(xr.ticks()[i]);
                p.line(xx, top, xx, bottom, Palette.GRID, t.thin(), false);
                p.line(xx, bottom, xx, bottom + t.tick(), Palette.INK, t.thin(), false);
                Painter.Anchor a = Painter.Anchor.MIDDLE;
                if (xx + p.textWidth(xlab[i], t.small(), false) / 2 > width - 2) {
                    a = Painter.Anchor.END;
                }
                p.text(xlab[i], xx, labelY, t.small(), a, false, false, Palette.INK);
            }
        } else {
            for (int i = 0; i < categories.length; i++) {
                p.text(Fonts.fit(categories[i], t.small(), slotWidth() * 0.95), slotCentre(i), labelY, t.small(),
                        Painter.Anchor.MIDDLE, false, false, Palette.INK);
            }
        }
        p.line(left, bottom, right, bottom, Palette.INK, t.thin(), false);
        p.line(left, top, left, bottom, Palette.INK, t.thin(), false);
        if (present(xTitle)) {
            p.text(xTitle, (left + right) / 2, labelY + t.font() * 1.3, t.font(), Painter.Anchor.MIDDLE, false, false,
                    Palette.INK);
        }
        if (present(yTitle)) {
            p.text(yTitle, t.pad() + t.font() * 0.85, (top + bottom) / 2, t.font(), Painter.Anchor.MIDDLE, false, true,
                    Palette.INK);
        }
        if (legendWidth > 0) {
            legend.draw(p, right + t.pad(), top, legendWidth);
        }
    }
}
