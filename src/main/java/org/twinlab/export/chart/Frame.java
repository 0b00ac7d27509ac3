package org.twinlab.export.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one layout of every chart with two axes, in the figures and in the window's live plots: title and
 * subtitle on top, then the rows a caller reserves (a gauge's value), the legend and the y title when they
 * go above the plot, the labels of marked changes, the plot rectangle with a light grid on the ticks, tick
 * labels and axis titles around it. Every text it places is measured and recorded ({@link #layout}), so a
 * test can check that nothing overlaps or leaves the canvas at the size a panel gets.
 *
 * <p>Where things go is decided by measuring, not by fixed margins: the legend goes beside the plot or
 * above it, whichever leaves the larger plot area, and collapses to one row of shortened names where
 * neither leaves 40% of the canvas (it never lies on the data); the y title runs up the left edge where
 * the plot is tall enough, else it sits above the plot; the x title has its own row under the tick labels
 * where there is room, else it ends the tick row and the tick labels make way for it; tick labels are
 * thinned until they are apart ("50" and "100", never "50100").
 */
public final class Frame {
    /** Share of the canvas below which the legend and the x title give up their own room. */
    public static final double MIN_PLOT_SHARE = 0.4;

    /** One numeric axis before layout: the data's extent, log or not, and optional fixed ends (NaN: from the data). */
    public record Extent(double min, double max, boolean log, double fixedMin, double fixedMax) {
        /** Ends widened to whole ticks (the figures). */
        public static Extent widened(double min, double max, boolean log) {
            return new Extent(min, max, log, Double.NaN, Double.NaN);
        }

        /** Ends exactly at {@code min} and {@code max} (the live plots: the data fills the frame); ticks inside. */
        public static Extent exact(double min, double max, boolean log) {
            return new Extent(min, max, log, min, max);
        }

        Ticks.Range range(int maxTicks) {
            Ticks.Range r = range0(maxTicks);
            // fixed ends drop the outer ticks: ask for finer steps while fewer than two are left inside
            boolean fixed = !Double.isNaN(fixedMin) || !Double.isNaN(fixedMax);
            for (int more = 1; fixed && r.ticks().length < 2 && more <= 3; more++) {
                Ticks.Range finer = range0(maxTicks + more);
                if (finer.ticks().length <= Math.max(2, maxTicks)) {
                    r = finer;
                }
            }
            return r;
        }

        /**
         * Ticks inside fixed ends of a log axis, as a person reads them: powers of ten (every other one, or
         * third, where there are too many), else 1-3-10, else 1-2-5; null where none gives two.
         */
        private double[] logInside(double lo, double hi, int maxTicks) {
            double[] best = null;
            for (double[] mantissas : new double[][] {{1}, {1, 3}, {1, 2, 5}}) {
                List<Double> t = new ArrayList<>();
                for (int d = (int) Math.floor(Math.log10(lo)) - 1; d <= Math.ceil(Math.log10(hi)); d++) {
                    for (double m : mantissas) {
                        double v = m * Math.pow(10, d);
                        if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                            t.add(v);
                        }
                    }
                }
                if (mantissas.length == 1 && t.size() > maxTicks) {
                    int every = (int) Math.ceil((double) t.size() / maxTicks);
                    List<Double> thin = new ArrayList<>();
                    for (double v : t) {
                        if (Math.floorMod(Math.round(Math.log10(v)), every) == 0) {
                            thin.add(v);
                        }
                    }
                    t = thin;
                }
                double[] a = t.stream().mapToDouble(Double::doubleValue).toArray();
                if (a.length >= Math.min(3, maxTicks) && a.length <= maxTicks) {
                    return a;
                }
                if (a.length <= maxTicks && a.length >= 2 && (best == null || a.length > best.length)) {
                    best = a;
                }
            }
            if (best == null) {
                // inside one decade: round values of the quantity itself (4000, 5000, 6000)
                double[] plain = Arrays.stream(Ticks.linear(lo, hi, maxTicks).ticks())
                        .filter(v -> v > 0 && v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)).toArray();
                best = plain.length >= 2 ? plain : null;
            }
            return best;
        }

        private Ticks.Range range0(int maxTicks) {
            double lo = Double.isNaN(fixedMin) ? min : fixedMin;
            double hi = Double.isNaN(fixedMax) ? max : fixedMax;
            if (!Double.isFinite(lo) || !Double.isFinite(hi) || (log && !(lo > 0))) {
                lo = log ? 1 : 0;
                hi = log ? 10 : 1;
            }
            Ticks.Range r = log ? Ticks.log(lo, hi, maxTicks) : Ticks.linear(lo, hi, maxTicks);
            if (log && !Double.isNaN(fixedMin) && !Double.isNaN(fixedMax) && hi > lo) {
                double[] inside = logInside(lo, hi, maxTicks);
                if (inside != null) {
                    return new Ticks.Range(lo, hi, inside);
                }
            }
            if (!Double.isNaN(fixedMin) || !Double.isNaN(fixedMax)) {
                // fixed ends are kept exactly; only the ticks inside them are shown
                double a = Double.isNaN(fixedMin) ? r.min() : lo;
                double b = Double.isNaN(fixedMax) ? r.max() : hi;
                if (!(b > a)) {
                    b = log ? a * 10 : a + 1;
                }
                double eps = 1e-9 * (log ? 1 : Math.abs(b - a));
                double fa = a;
                double fb = b;
                double[] inside = Arrays.stream(r.ticks()).filter(v -> v >= fa * (log ? 1 - 1e-9 : 1) - eps
                        && v <= fb * (log ? 1 + 1e-9 : 1) + eps).toArray();
                return new Ticks.Range(a, b, inside);
            }
            return r;
        }
    }

    /** A change marked on the x axis (lambda set to a new value at a step): a dashed line and a label above the plot. */
    public record Mark(double x, String label, Color color) {
    }

    /** Where the legend went. */
    public enum LegendPlace { NONE, RIGHT, TOP, COLLAPSED }

    /** What a frame is asked to lay out. Setters return the spec; {@link #layout} measures and places. */
    public static final class Spec {
        private final int width;
        private final int height;
        private final Theme theme;
        private String title;
        private String subtitle;
        private double reserveTop;
        private String xTitle;
        private String yTitle;
        private Extent x = Extent.widened(0, 1, false);
        private String[] categories;
        private Extent y = Extent.widened(0, 1, false);
        private Legend legend = Legend.none();
        private boolean legendCollapsed;
        private List<Mark> marks = List.of();
        private boolean background = true;

        public Spec(int width, int height, Theme theme) {
            this.width = width;
            this.height = height;
            this.theme = theme;
        }

        public Spec titles(String title, String subtitle) {
            this.title = title;
            this.subtitle = subtitle;
            return this;
        }

        /** Pixels under the title kept free for the caller's own lines (a gauge's name and value). */
        public Spec reserveTop(double px) {
            this.reserveTop = px;
            return this;
        }

        public Spec x(String title, Extent e) {
            this.xTitle = title;
            this.x = e;
            this.categories = null;
            return this;
        }

        /** One slot per category along x (bar charts). */
        public Spec categories(String title, String[] names) {
            this.xTitle = title;
            this.categories = names.clone();
            return this;
        }

        public Spec y(String title, Extent e) {
            this.yTitle = title;
            this.y = e;
            return this;
        }

        public Spec legend(Legend l) {
            this.legend = l;
            return this;
        }

        /** The user folded the legend away: one short row above the plot, whatever the room. */
        public Spec legendCollapsed(boolean on) {
            this.legendCollapsed = on;
            return this;
        }

        public Spec marks(List<Mark> m) {
            this.marks = List.copyOf(m);
            return this;
        }

        /** Whether the frame paints a white background (figures do; a live canvas is cleared by its owner). */
        public Spec background(boolean on) {
            this.background = on;
            return this;
        }

        public Frame layout(Painter p) {
            return new Frame(p, this);
        }
    }

    /** A text placed by the layout, drawn by {@link #drawFrame}. */
    private record Label(String text, double x, double y, double size, Painter.Anchor anchor, boolean bold,
                         boolean rotated, Color color, Box box) {
    }

    private record LegendItem(Legend.Entry entry, String name, double x, double cy) {
    }

    final Theme t;
    public final double left;
    public final double top;
    public final double right;
    public final double bottom;
    /** The top of the rows reserved for the caller ({@link Spec#reserveTop}). */
    public final double reservedTop;
    private final Spec s;
    private final Ticks.Range xr;
    private final Ticks.Range yr;
    private final List<Label> labels = new ArrayList<>();
    private final List<Layout.Placed> extra = new ArrayList<>();
    private final List<LegendItem> legendItems = new ArrayList<>();
    private final List<Box> legendBoxes = new ArrayList<>();
    private final LegendPlace legendPlace;
    private final int legendColumns;
    private final double[] xTicks;
    private final double[] yTicks;
    private final double markRowTop;
    private int marksLabelled;
    private final boolean logX;
    private final boolean logY;
    private double x0;
    private double xScale;
    private double y0;
    private double yScale;

    private Frame(Painter p, Spec s) {
        this.s = s;
        this.t = s.theme;
        this.logX = s.x.log();
        int w = s.width;
        int h = s.height;
        double pad = t.pad();
        double rowH = t.small() * 1.45;
        double tickRow = t.tick() + t.small() * 1.2;
        double xTitleRow = t.font() * 1.3;
        // header: title, subtitle, the caller's rows
        double c = pad * 0.6;
        if (present(s.title)) {
            c += t.title();
            place(p, s.title, w / 2.0, c - t.title() * 0.2, t.title(), Painter.Anchor.MIDDLE, true, false, Palette.INK);
        }
        if (present(s.subtitle)) {
            c += t.small() * 1.4;
            place(p, fit(p, s.subtitle, t.small(), w - 2 * pad), w / 2.0, c - t.small() * 0.25, t.small(),
                    Painter.Anchor.MIDDLE, false, false, Palette.MUTED);
        }
        reservedTop = c;
        c += s.reserveTop + pad * 0.6;
        double headTop = c;
        double floorY = h - pad * 0.6;
        double yTitleW = present(s.yTitle) ? p.textWidth(s.yTitle, t.font(), false) : 0;
        double xTitleW = present(s.xTitle) ? p.textWidth(s.xTitle, t.font(), false) : 0;
        double rightEdge = w - pad * 0.6;
        double area = (double) w * h;
        // every placement is laid out and measured; the legend goes beside or above the plot, whichever
        // leaves more to the data, folded into one row where neither leaves 40% of the canvas; the marks'
        // labels give up their rows before the plot does
        Legend legend = s.legend;
        List<LegendPlace> places = legend.isEmpty() ? List.of(LegendPlace.NONE)
                : s.legendCollapsed ? List.of(LegendPlace.COLLAPSED) : List.of(LegendPlace.RIGHT, LegendPlace.TOP);
        Geo best = null;
        for (int markRows = s.marks.isEmpty() ? 0 : Math.min(2, s.marks.size()); markRows >= 0 && best == null; markRows--) {
            for (LegendPlace pl : places) {
                Geo g = geo(p, pl, markRows, headTop, floorY, rightEdge, tickRow, xTitleRow, rowH, yTitleW);
                if (g != null && (best == null || g.area() > best.area())) {
                    best = g;
                }
            }
            if (best != null && best.area() < MIN_PLOT_SHARE * area && !legend.isEmpty()) {
                Geo g = geo(p, LegendPlace.COLLAPSED, markRows, headTop, floorY, rightEdge, tickRow, xTitleRow, rowH, yTitleW);
                if (g.area() > best.area()) {
                    best = g;
                }
            }
            if (best != null && best.area() < MIN_PLOT_SHARE * area && markRows > 0) {
                best = null;
            }
        }
        if (best == null) {
            best = geo(p, legend.isEmpty() ? LegendPlace.NONE : LegendPlace.COLLAPSED, 0, headTop, floorY, rightEdge,
                    tickRow, xTitleRow, rowH, yTitleW);
        }
        Geo g = best;
        LegendPlace place = g.place();
        int markRows = g.markRows();
        double colW = g.colW();
        boolean xOwnRow = g.xOwnRow();
        boolean yRotated = g.yRotated();
        boolean yAbove = present(s.yTitle) && !yRotated;
        legendPlace = place;
        legendColumns = g.columns();
        left = g.left();
        top = g.top();
        right = g.right();
        bottom = g.bottom();
        markRowTop = headTop + g.topRows() * rowH;
        // y ticks and labels
        yr = s.y.range(maxTicks(bottom - top, t.small() * 1.9, 9));
        logY = s.y.log();
        y0 = logY ? Math.log10(yr.min()) : yr.min();
        yScale = (bottom - top) / ((logY ? Math.log10(yr.max()) : yr.max()) - y0);
        yTicks = thinY(yr.ticks());
        String[] ylab = Ticks.labels(yTicks);
        for (int i = 0; i < yTicks.length; i++) {
            double yy = py(yTicks[i]);
            place(p, ylab[i], left - t.tick() - t.small() * 0.3, yy + t.small() * 0.35, t.small(), Painter.Anchor.END,
                    false, false, Palette.INK);
        }
        // the x title first, so the tick labels make way for it where it ends their row
        double labelY = bottom + t.tick() + t.small() * 1.05;
        Box xTitleBox = null;
        if (present(s.xTitle)) {
            if (xOwnRow) {
                place(p, s.xTitle, (left + right) / 2, labelY + t.font() * 1.25, t.font(), Painter.Anchor.MIDDLE, false,
                        false, Palette.INK);
            } else {
                String xt = fit(p, s.xTitle, t.small(), (right - left) * 0.45);
                xTitleBox = place(p, xt, rightEdge, labelY, t.small(), Painter.Anchor.END, false, false, Palette.MUTED);
            }
        }
        if (s.categories == null) {
            Ticks.Range rx = null;
            double[] shown = null;
            for (int n = maxTicks(right - left, t.small() * 4, 10); n >= 2; n--) {
                rx = s.x.range(n);
                shown = xLabelsApart(p, rx, labelY, xTitleBox, n == 2);
                if (shown != null) {
                    break;
                }
            }
            if (shown.length == 0 && xTitleBox != null) {
                // no tick label fits beside the x title: the ticks matter more (the title is the frame's to drop)
                labels.remove(labels.size() - 1);
                for (int n = maxTicks(right - left, t.small() * 4, 10); n >= 2; n--) {
                    rx = s.x.range(n);
                    shown = xLabelsApart(p, rx, labelY, null, n == 2);
                    if (shown != null) {
                        break;
                    }
                }
            }
            xr = rx;
            xTicks = shown;
            x0 = logX ? Math.log10(xr.min()) : xr.min();
            xScale = (right - left) / ((logX ? Math.log10(xr.max()) : xr.max()) - x0);
            String[] xlab = Ticks.labels(xTicks);
            for (int i = 0; i < xTicks.length; i++) {
                Painter.Anchor a = xAnchor(p, xlab[i], px(xTicks[i]));
                place(p, xlab[i], px(xTicks[i]), labelY, t.small(), a, false, false, Palette.INK);
            }
        } else {
            xr = null;
            xTicks = new double[0];
            for (int i = 0; i < s.categories.length; i++) {
                String name = fit(p, s.categories[i], t.small(), slotWidth() * 0.95);
                place(p, name, slotCentre(i), labelY, t.small(), Painter.Anchor.MIDDLE, false, false, Palette.INK);
            }
        }
        if (yRotated) {
            place(p, s.yTitle, pad * 0.6 + t.font() * 0.8, (top + bottom) / 2, t.font(), Painter.Anchor.MIDDLE, false, true,
                    Palette.INK);
        }
        // the rows above the plot: the y title where it is not rotated, then the legend
        double flowX = pad * 0.6;
        double flowY = headTop + rowH / 2;
        if (yAbove) {
            String yt = fit(p, s.yTitle, t.small(), (rightEdge - flowX) * (place == LegendPlace.NONE ? 1 : 0.4));
            Box b = place(p, yt, flowX, flowY + t.small() * 0.35, t.small(), Painter.Anchor.START, false, false, Palette.INK);
            flowX = b.maxX() + t.font();
        }
        if (place == LegendPlace.RIGHT) {
            double textRoom = colW - Legend.swatchWidth(t) - t.small() * 0.4;
            int perColumn = (legend.entries().size() + legendColumns - 1) / legendColumns;
            for (int i = 0; i < legend.entries().size(); i++) {
                Legend.Entry e = legend.entries().get(i);
                double cy = top + rowH * (i % perColumn) + rowH / 2;
                double cx = right + pad + (i / perColumn) * (colW + pad);
                legendEntry(p, e, fit(p, e.name(), t.small(), textRoom), cx, cy);
            }
        } else if (place == LegendPlace.TOP) {
            double x = flowX;
            double cy = flowY;
            for (Legend.Entry e : legend.entries()) {
                double ew = entryWidth(p, e.name());
                if (x + ew > rightEdge && x > pad * 0.6 + 1) {
                    x = pad * 0.6;
                    cy += rowH;
                }
                legendEntry(p, e, fit(p, e.name(), t.small(), rightEdge - x - Legend.swatchWidth(t) - t.small() * 0.4), x, cy);
                x += ew + t.font() * 0.8;
            }
        } else if (place == LegendPlace.COLLAPSED) {
            collapsed(p, legend, flowX, rightEdge, flowY);
        }
        // the marks' labels in their rows above the plot, never on the curves
        double[] rowEnd = new double[Math.max(1, markRows)];
        Arrays.fill(rowEnd, Double.NEGATIVE_INFINITY);
        for (Mark m : s.marks) {
            double mx = px(m.x());
            double lw = p.textWidth(m.label(), t.small(), false);
            boolean flip = mx + 3 + lw > rightEdge;
            double x0 = flip ? mx - 3 - lw : mx + 3;
            for (int r = 0; r < markRows; r++) {
                if (x0 >= rowEnd[r] + t.small() * 0.5 && x0 >= 0) {
                    double base = markRowTop + (r + 1) * t.small() * 1.3 - t.small() * 0.3;
                    place(p, m.label(), flip ? mx - 3 : mx + 3, base, t.small(), flip ? Painter.Anchor.END : Painter.Anchor.START,
                            false, false, m.color());
                    rowEnd[r] = x0 + lw;
                    marksLabelled++;
                    break;
                }
            }
        }
    }

    /** One candidate placement and the plot rectangle it leaves. */
    private record Geo(LegendPlace place, int topRows, int markRows, int columns, double colW, boolean xOwnRow,
                       boolean yRotated, double left, double top, double right, double bottom) {
        double area() {
            return Math.max(0, right - left) * Math.max(0, bottom - top);
        }
    }

    /** The plot rectangle a placement leaves; null where the legend cannot go there (beside: more than three columns). */
    private Geo geo(Painter p, LegendPlace place, int markRows, double headTop, double floorY, double rightEdge,
                    double tickRow, double xTitleRow, double rowH, double yTitleW) {
        Geo g = geo(p, place, markRows, headTop, floorY, rightEdge, tickRow, xTitleRow, rowH, yTitleW, true);
        if (g != null && g.xOwnRow() && g.area() < MIN_PLOT_SHARE * s.width * s.height) {
            return geo(p, place, markRows, headTop, floorY, rightEdge, tickRow, xTitleRow, rowH, yTitleW, false);
        }
        return g;
    }

    private Geo geo(Painter p, LegendPlace place, int markRows, double headTop, double floorY, double rightEdge,
                    double tickRow, double xTitleRow, double rowH, double yTitleW, boolean xRow) {
        double pad = t.pad();
        double area = (double) s.width * s.height;
        double markH = markRows * t.small() * 1.3;
        double gapAbove = t.small() * 0.45; // the top tick label reaches above the plot by about this much
        double labelW0 = yLabelWidth(p, floorY - tickRow - headTop - markH);
        double leftNoTitle = pad * 0.6 + labelW0 + t.tick() + t.small() * 0.4;
        Legend legend = s.legend;
        int topRows = 0;
        int columns = 1;
        double colW = 0;
        double plotRight = rightEdge;
        switch (place) {
            case RIGHT -> {
                colW = legendColumnWidth(p, legend, s.width * 0.32);
                double plotH = floorY - tickRow - headTop - markH - gapAbove;
                columns = Math.max(1, (int) Math.ceil(legend.entries().size() * rowH / Math.max(rowH, plotH)));
                if (columns > 3) {
                    return null;
                }
                plotRight = rightEdge - columns * (colW + pad);
            }
            case TOP -> topRows = flowRows(p, legend, rightEdge - pad * 0.6, 0);
            case COLLAPSED -> topRows = 1;
            case NONE -> topRows = 0;
        }
        double plotTop0 = headTop + topRows * rowH + markH + gapAbove;
        boolean xOwnRow = xRow && present(s.xTitle)
                && (plotRight - leftNoTitle) * (floorY - tickRow - xTitleRow - plotTop0) >= MIN_PLOT_SHARE * area
                && floorY - tickRow - xTitleRow - plotTop0 >= 3 * t.font();
        double plotBottom = floorY - tickRow - (xOwnRow ? xTitleRow : 0);
        boolean yRotated = present(s.yTitle) && plotBottom - plotTop0 >= yTitleW + pad;
        if (present(s.yTitle) && !yRotated && topRows == 0) {
            topRows = 1;
        }
        double plotTop = headTop + topRows * rowH + markH + gapAbove;
        double labelW = yLabelWidth(p, plotBottom - plotTop);
        double plotLeft = pad * 0.6 + (yRotated ? t.font() * 1.3 : 0) + labelW + t.tick() + t.small() * 0.4;
        return new Geo(place, topRows, markRows, columns, colW, xOwnRow, yRotated, plotLeft, plotTop,
                Math.max(plotLeft + 1, plotRight), Math.max(plotTop + 1, plotBottom));
    }

    /** The legend folded into one row: as many entries as fit, names shortened, the rest counted ("+2"). */
    private void collapsed(Painter p, Legend legend, double x0, double rightEdge, double cy) {
        List<Legend.Entry> es = legend.entries();
        double minName = p.textWidth("Ab…", t.small(), false);
        for (int shown = es.size(); shown >= 1; shown--) {
            String more = shown < es.size() ? "+" + (es.size() - shown) : "";
            double moreW = more.isEmpty() ? 0 : p.textWidth(more, t.small(), false) + t.font() * 0.5;
            double each = (rightEdge - x0 - moreW) / shown;
            double nameRoom = each - Legend.swatchWidth(t) - t.small() * 0.4 - t.font() * 0.6;
            if (nameRoom < minName && shown > 1) {
                continue;
            }
            double x = x0;
            for (int i = 0; i < shown; i++) {
                Legend.Entry e = es.get(i);
                String name = nameRoom >= minName ? fit(p, e.name(), t.small(), nameRoom) : "";
                legendEntry(p, e, name, x, cy);
                x += Legend.swatchWidth(t) + t.small() * 0.4 + (name.isEmpty() ? 0 : p.textWidth(name, t.small(), false))
                        + t.font() * 0.6;
            }
            if (!more.isEmpty()) {
                legendBoxes.add(new Box(x, cy - t.small() * 0.7, p.textWidth(more, t.small(), false), t.small() * 1.4));
                place(p, more, x, cy + t.small() * 0.35, t.small(), Painter.Anchor.START, false, false, Palette.MUTED);
            }
            return;
        }
    }

    private void legendEntry(Painter p, Legend.Entry e, String name, double x, double cy) {
        legendItems.add(new LegendItem(e, name, x, cy));
        legendBoxes.add(new Box(x, cy - t.small() * 0.7, entryWidth(p, name), t.small() * 1.4));
        if (!name.isEmpty()) {
            place(p, name, x + Legend.swatchWidth(t) + t.small() * 0.4, cy + t.small() * 0.35, t.small(),
                    Painter.Anchor.START, false, false, Palette.INK);
        }
    }

    private double entryWidth(Painter p, String name) {
        return Legend.swatchWidth(t) + t.small() * 0.4 + p.textWidth(name, t.small(), false);
    }

    private double legendColumnWidth(Painter p, Legend legend, double limit) {
        double wmax = 0;
        for (Legend.Entry e : legend.entries()) {
            wmax = Math.max(wmax, p.textWidth(e.name(), t.small(), false));
        }
        return Math.min(limit, Legend.swatchWidth(t) + t.small() * 0.4 + wmax + 1);
    }

    /** How many rows the legend's entries take flowing across {@code room} pixels after {@code start}. */
    private int flowRows(Painter p, Legend legend, double room, double start) {
        int rows = 1;
        double x = start;
        for (Legend.Entry e : legend.entries()) {
            double ew = entryWidth(p, e.name());
            if (x + ew > room && x > 0) {
                rows++;
                x = 0;
            }
            x += ew + t.font() * 0.8;
        }
        return rows;
    }

    private double yLabelWidth(Painter p, double plotH) {
        Ticks.Range r = s.y.range(maxTicks(plotH, t.small() * 1.9, 9));
        double wmax = 0;
        for (String l : Ticks.labels(r.ticks())) {
            wmax = Math.max(wmax, p.textWidth(l, t.small(), false));
        }
        return wmax;
    }

    private static int maxTicks(double room, double per, int most) {
        return Math.max(2, Math.min(most, (int) (room / per) + 1));
    }

    /** The y ticks at least a label's height and a gap apart, from the bottom up. */
    private double[] thinY(double[] ticks) {
        List<Double> kept = new ArrayList<>();
        double last = Double.POSITIVE_INFINITY;
        for (double v : ticks) {
            double yy = py(v);
            if (last - yy >= t.small() * 1.25 || kept.isEmpty()) {
                kept.add(v);
                last = yy;
            }
        }
        return kept.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private Painter.Anchor xAnchor(Painter p, String label, double xx) {
        double lw = p.textWidth(label, t.small(), false);
        if (xx + lw / 2 > s.width - 1) {
            return Painter.Anchor.END;
        }
        return xx - lw / 2 < 1 ? Painter.Anchor.START : Painter.Anchor.MIDDLE;
    }

    /**
     * The ticks whose labels stand apart (a gap of half a character or more) and clear of the x title;
     * null where some would touch and fewer ticks may do, unless {@code last}: then the touching ones go.
     */
    private double[] xLabelsApart(Painter p, Ticks.Range rx, double labelY, Box avoid, boolean last) {
        String[] labs = Ticks.labels(rx.ticks());
        List<Double> kept = new ArrayList<>();
        double end = Double.NEGATIVE_INFINITY;
        double gap = t.small() * 0.6;
        for (int i = 0; i < labs.length; i++) {
            double xx = left + frac(rx.ticks()[i], rx.min(), rx.max(), s.x.log()) * (right - left);
            double lw = p.textWidth(labs[i], t.small(), false);
            Box b = Theme.textBox(lw, xx, labelY, t.small(), xAnchorFor(xx, lw), false);
            if (avoid != null && b.maxX() > avoid.x() - gap) {
                continue; // the one under the x title makes way for it; the others keep their spacing
            }
            boolean clash = b.x() < end + gap;
            if (clash && !last) {
                return null;
            }
            if (!clash) {
                kept.add(rx.ticks()[i]);
                end = b.maxX();
            }
        }
        return kept.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private Painter.Anchor xAnchorFor(double xx, double lw) {
        if (xx + lw / 2 > s.width - 1) {
            return Painter.Anchor.END;
        }
        return xx - lw / 2 < 1 ? Painter.Anchor.START : Painter.Anchor.MIDDLE;
    }

    private Box place(Painter p, String text, double x, double y, double size, Painter.Anchor a, boolean bold,
                      boolean rotated, Color color) {
        Box b = Theme.textBox(p.textWidth(text, size, bold), x, y, size, a, rotated);
        labels.add(new Label(text, x, y, size, a, bold, rotated, color, b));
        return b;
    }

    private static String fit(Painter p, String s, double size, double room) {
        if (p.textWidth(s, size, false) <= room + 0.5) {
            return s;
        }
        String cut = s;
        while (cut.length() > 1 && p.textWidth(cut + "…", size, false) > room) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.length() <= 1 && p.textWidth(cut + "…", size, false) > room ? "" : cut + "…";
    }

    /** A text the caller draws itself (a gauge's value, a bar's label), recorded with the frame's own. */
    public Box text(Painter p, String text, double x, double y, double size, Painter.Anchor a, boolean bold, Color color) {
        Box b = Theme.textBox(p.textWidth(text, size, bold), x, y, size, a, false);
        p.text(text, x, y, size, a, bold, false, color);
        extra.add(new Layout.Placed(text, b));
        return b;
    }

    /** Where everything went: the plot area and every text's bounds. */
    public Layout layout() {
        List<Layout.Placed> all = new ArrayList<>();
        for (Label l : labels) {
            if (!l.text().isEmpty()) {
                all.add(new Layout.Placed(l.text(), l.box()));
            }
        }
        all.addAll(extra);
        return new Layout(new Box(0, 0, s.width, s.height), new Box(left, top, right - left, bottom - top), all);
    }

    /** Where the legend's entries are (a click there folds or unfolds it). */
    public List<Box> legendBoxes() {
        return List.copyOf(legendBoxes);
    }

    public LegendPlace legendPlace() {
        return legendPlace;
    }

    /** How many marks got a label (a label that fits nowhere is left out; its line stays). */
    public int marksLabelled() {
        return marksLabelled;
    }

    public double[] xTicks() {
        return xTicks.clone();
    }

    public double[] yTicks() {
        return yTicks.clone();
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
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

    private static double frac(double v, double min, double max, boolean log) {
        return log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : (v - min) / (max - min);
    }

    /** Pixel x of a value on a numeric axis (the live plots call this per point: the ends' logarithms are kept). */
    public double px(double v) {
        return left + ((logX ? Math.log10(v) : v) - x0) * xScale;
    }

    /** Pixel y of a value (values that are not positive on a log axis go to the bottom). */
    public double py(double v) {
        if (logY && !(v > 0)) {
            return bottom;
        }
        return bottom - ((logY ? Math.log10(v) : v) - y0) * yScale;
    }

    public double xMin() {
        return xr.min();
    }

    public double xMax() {
        return xr.max();
    }

    public double yMin() {
        return yr.min();
    }

    public double yMax() {
        return yr.max();
    }

    /** Centre of category {@code i}'s slot, and the slot's width. */
    double slotCentre(int i) {
        return left + (i + 0.5) * slotWidth();
    }

    double slotWidth() {
        return (right - left) / s.categories.length;
    }

    /** Whether a value can be drawn on the axes (finite, and positive on a log axis). */
    public boolean drawable(double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && (!s.x.log() || x > 0) && (!s.y.log() || y > 0);
    }

    /** Background, title, grid, axes, ticks, axis titles, legend and marks: everything but the data. */
    public void drawFrame(Painter p) {
        if (s.background) {
            p.fillRect(0, 0, s.width, s.height, Palette.BACKGROUND);
        }
        for (double v : yTicks) {
            double yy = py(v);
            p.line(left, yy, right, yy, Palette.GRID, t.thin(), false);
            p.line(left - t.tick(), yy, left, yy, Palette.INK, t.thin(), false);
        }
        for (double v : xTicks) {
            double xx = px(v);
            p.line(xx, top, xx, bottom, Palette.GRID, t.thin(), false);
            p.line(xx, bottom, xx, bottom + t.tick(), Palette.INK, t.thin(), false);
        }
        p.line(left, bottom, right, bottom, Palette.INK, t.thin(), false);
        p.line(left, top, left, bottom, Palette.INK, t.thin(), false);
        for (Mark m : s.marks) {
            double xx = px(m.x());
            p.line(xx, markRowTop, xx, bottom, m.color(), t.line(), true);
        }
        for (Label l : labels) {
            if (!l.text().isEmpty()) {
                p.text(l.text(), l.x(), l.y(), l.size(), l.anchor(), l.bold(), l.rotated(), l.color());
            }
        }
        for (LegendItem li : legendItems) {
            Legend.swatch(p, t, li.entry(), li.x(), li.cy(), Legend.swatchWidth(t));
        }
    }
}
