package org.twinlab.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.scene.canvas.GraphicsContext;
import org.twinlab.export.chart.Frame;
import org.twinlab.export.chart.Painter;
import org.twinlab.export.chart.Palette;

/**
 * One collapse gauge against step, beside C: the effective rank of the embeddings (log axis from 1 to D)
 * or their spread (0 to 1). Its value is written large over the curve and turns red below the level
 * that means a collapse, so a class sees a run collapse while it happens, whatever the objective.
 */
final class GaugePlot extends PlotCanvas {
    private final String name;
    private final Function<LiveRun, MetricSeries> series;
    private final boolean rank;
    private LiveRun run;
    private double shown = Double.NaN;

    /** @param rank the effective rank (log axis up to D, collapsed below 2), else the spread (collapsed below 0.1) */
    GaugePlot(String name, Function<LiveRun, MetricSeries> series, boolean rank) {
        this.name = name;
        this.series = series;
        this.rank = rank;
        setMinSize(60, 50);
    }

    /** The name and the value take two lines above the frame; the ticks are short numbers. */
    @Override
    void setFontSize(double size) {
        setMinHeight(6.5 * size); // two lines of text and room for two ticks
        super.setFontSize(size);
    }

    void setRun(LiveRun run) {
        this.run = run;
        redraw();
    }

    /** The value last drawn, NaN before the first snapshot (tests read it). */
    double shown() {
        return shown;
    }

    boolean collapsed(double v) {
        return rank ? v < 2 : v < 0.1;
    }

    private double valueSize() {
        return fontSize() * 1.25;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        LiveRun r = run;
        MetricSeries.View steps = r == null ? null : r.snapshotStep.view();
        int n = steps == null ? 0 : Math.min(steps.n(), series.apply(r).size());
        var started = r == null ? null : r.started.get();
        double dim = started == null ? 512 : started.config().projectorWidth();
        double hi = rank ? dim : 1;
        double[] ys = new double[n];
        MetricSeries.View v = n == 0 ? null : series.apply(r).view();
        for (int i = 0; i < n; i++) {
            ys[i] = v.get(i);
            hi = Math.max(hi, ys[i] * 1.05);
        }
        double x0 = n == 0 ? 0 : steps.get(0);
        double x1 = n == 0 ? 100 : Math.max(steps.get(n - 1), x0 + 1);
        double fs = fontSize();
        double lines = fs * 1.0 + valueSize() * 1.05;
        Frame f = frame(g, spec().reserveTop(lines).x("step", Frame.Extent.exact(x0, x1, false))
                .y(null, Frame.Extent.exact(rank ? 1 : 0, hi, rank)));
        shown = n == 0 ? Double.NaN : ys[n - 1];
        if (n > 0) {
            curve(g, steps, ys, n, FxPainter.fx(collapsed(shown) ? Palette.COLLAPSED : Palette.HEALTHY), 2 * lineScale());
        }
        double x = 2;
        double room = w - 4;
        double nameBase = f.reservedTop + fs * 0.8;
        double valueBase = f.reservedTop + fs * 1.0 + valueSize() * 0.8;
        String shownName = fitting(List.of(name, name.replace("effective ", "")), fs, false, room);
        double nameW = FxPainter.width(shownName, fs, false);
        if (!shownName.isEmpty()) {
            text(g, shownName, x, nameBase, fs, false, Painter.Anchor.START, Palette.INK);
        }
        if (n == 0) {
            return;
        }
        boolean bad = collapsed(shown);
        java.awt.Color colour = bad ? Palette.COLLAPSED : Palette.INK;
        List<String> values = rank
                ? List.of(String.format(Locale.ROOT, "%.1f of %d", shown, (int) dim),
                        String.format(Locale.ROOT, "%.1f/%d", shown, (int) dim), String.format(Locale.ROOT, "%.1f", shown))
                : List.of(String.format(Locale.ROOT, "%.2f", shown));
        String value = fitting(values, valueSize(), true, room);
        if (!bad) {
            text(g, value, x, valueBase, valueSize(), true, Painter.Anchor.START, colour);
            return;
        }
        // "collapsed" where it fits beside a text, never on the curve (which lies along the bottom when it says so)
        String word = "collapsed";
        double gap = fs * 0.6;
        double wordV = FxPainter.width(word, valueSize(), true);
        double wordN = FxPainter.width(word, fs, true);
        for (String val : values) {
            if (FxPainter.width(val, valueSize(), true) + gap + wordV <= room) {
                text(g, val, x, valueBase, valueSize(), true, Painter.Anchor.START, colour);
                text(g, word, w - 2, valueBase, valueSize(), true, Painter.Anchor.END, colour);
                return;
            }
        }
        if (value.isEmpty()) {
            return;
        }
        text(g, value, x, valueBase, valueSize(), true, Painter.Anchor.START, colour);
        if (nameW + gap + wordN <= room) {
            text(g, word, w - 2, nameBase, fs, true, Painter.Anchor.END, colour);
        }
    }

    /** The first of the texts that fits in {@code room}, else "" (a text is shortened, never cut). */
    private static String fitting(List<String> choices, double size, boolean bold, double room) {
        for (String c : choices) {
            if (FxPainter.width(c, size, bold) <= room) {
                return c;
            }
        }
        return "";
    }
}
