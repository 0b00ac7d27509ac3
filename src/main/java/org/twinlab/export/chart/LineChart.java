package org.twinlab.export.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Curves against a numeric x: several named series, each a line, a dashed line, points, or a line
 * with points; horizontal reference lines across the whole x range (baselines); optional logarithmic
 * x and y axes. NaN values break a line; on a log axis, values that are not positive are left out.
 *
 * <pre>{@code
 * Chart c = new LineChart("Loss").axes("step", "loss").logY(true)
 *         .add(LineChart.Series.line("total", steps, loss))
 *         .add(LineChart.Series.line("invariance", steps, inv).dashed())
 *         .add(LineChart.Series.reference("raw pixels", 0.846));
 * Charts.write(c, Path.of("loss.png"), FigureSize.DEFAULT);
 * }</pre>
 * For a sweep: {@code logX(true)}, one {@link Series#points} series per seed and a
 * {@link Series#linePoints} series for the mean.
 */
public final class LineChart extends TitledChart<LineChart> {
    /** How a series is drawn. */
    public enum Style { LINE, DASHED, POINTS, LINE_POINTS }

    /**
     * One named series; {@code color} null takes the next palette colour. A {@code reference} series
     * is a horizontal line at {@code y[0]} across the x range.
     */
    public record Series(String name, double[] x, double[] y, Style style, Color color, boolean reference) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length + " y values");
            }
        }

        public static Series line(String name, double[] x, double[] y) {
            return new Series(name, x, y, Style.LINE, null, false);
        }

        public static Series points(String name, double[] x, double[] y) {
            return new Series(name, x, y, Style.POINTS, null, false);
        }

        public static Series linePoints(String name, double[] x, double[] y) {
            return new Series(name, x, y, Style.LINE_POINTS, null, false);
        }

        /** A dashed horizontal line at {@code y} across the chart, e.g. a baseline's accuracy. */
        public static Series reference(String name, double y) {
            return new Series(name, new double[] {Double.NaN}, new double[] {y}, Style.DASHED, null, true);
        }

        public Series dashed() {
            return new Series(name, x, y, Style.DASHED, color, reference);
        }

        public Series color(Color c) {
            return new Series(name, x, y, style, c, reference);
        }
    }

    private boolean logX;
    private boolean logY;
    private double xMin = Double.NaN;
    private double xMax = Double.NaN;
    private double yMin = Double.NaN;
    private double yMax = Double.NaN;
    private final List<Series> series = new ArrayList<>();

    public LineChart(String title) {
        super(title);
    }

    public LineChart logX(boolean on) {
        this.logX = on;
        return this;
    }

    public LineChart logY(boolean on) {
        this.logY = on;
        return this;
    }

    /** Fixes the x range (NaN for an end taken from the data). */
    public LineChart xRange(double min, double max) {
        this.xMin = min;
        this.xMax = max;
        return this;
    }

    /** Fixes the y range (NaN for an end taken from the data), e.g. 0 to 1 for accuracies. */
    public LineChart yRange(double min, double max) {
        this.yMin = min;
        this.yMax = max;
        return this;
    }

    public boolean logY() {
        return logY;
    }

    /** The fixed ends of x and y ({@code {xMin, xMax, yMin, yMax}}, NaN where taken from the data). */
    public double[] fixedRange() {
        return new double[] {xMin, xMax, yMin, yMax};
    }

    public LineChart add(Series s) {
        series.add(s);
        return this;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    private Color colorOf(int i) {
        Series s = series.get(i);
        return s.color() != null ? s.color() : Palette.category(i);
    }

    @Override
    public Layout draw(Painter p, int width, int height) {
        Theme t = Theme.of(width, height);
        double[] xe = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] ye = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        List<Legend.Entry> entries = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            for (int k = 0; k < s.y().length; k++) {
                double xv = s.x()[k];
                double yv = s.y()[k];
                if (!s.reference() && Double.isFinite(xv) && (!logX || xv > 0)) {
                    xe[0] = Math.min(xe[0], xv);
                    xe[1] = Math.max(xe[1], xv);
                }
                if (Double.isFinite(yv) && (!logY || yv > 0)) {
                    ye[0] = Math.min(ye[0], yv);
                    ye[1] = Math.max(ye[1], yv);
                }
            }
            Legend.Swatch sw = switch (s.style()) {
                case LINE, LINE_POINTS -> Legend.Swatch.LINE;
                case DASHED -> Legend.Swatch.DASHED;
                case POINTS -> Legend.Swatch.DOT;
            };
            entries.add(new Legend.Entry(s.name(), colorOf(i), sw));
        }
        Frame f = new Frame.Spec(width, height, t).titles(title, subtitle).legend(new Legend(entries))
                .x(xTitle, new Frame.Extent(xe[0], xe[1], logX, xMin, xMax))
                .y(yTitle, new Frame.Extent(ye[0], ye[1], logY, yMin, yMax)).layout(p);
        f.drawFrame(p);
        p.clip(f.left, f.top - t.line(), f.right - f.left + t.line(), f.bottom - f.top + 2 * t.line());
        for (int i = 0; i < series.size(); i++) {
            drawSeries(p, f, t, series.get(i), colorOf(i));
        }
        p.unclip();
        return f.layout();
    }

    private void drawSeries(Painter p, Frame f, Theme t, Series s, Color c) {
        if (s.reference()) {
            if (f.drawable(logX ? 1 : 0, s.y()[0])) {
                double yy = f.py(s.y()[0]);
                p.line(f.left, yy, f.right, yy, c, t.line(), true);
            }
            return;
        }
        int n = s.x().length;
        boolean lines = s.style() != Style.POINTS;
        if (lines) {
            double[] xs = new double[n];
            double[] ys = new double[n];
            int run = 0;
            for (int k = 0; k <= n; k++) {
                if (k < n && f.drawable(s.x()[k], s.y()[k])) {
                    xs[run] = f.px(s.x()[k]);
                    ys[run] = f.py(s.y()[k]);
                    run++;
                } else {
                    p.polyline(xs, ys, run, c, t.line(), s.style() == Style.DASHED);
                    if (run == 1 && s.style() != Style.LINE_POINTS) {
                        p.fillCircle(xs[0], ys[0], t.line() * 1.2, c);
                    }
                    run = 0;
                }
            }
        }
        if (s.style() == Style.POINTS || s.style() == Style.LINE_POINTS) {
            double r = s.style() == Style.POINTS ? t.font() * 0.22 : t.font() * 0.28;
            for (int k = 0; k < n; k++) {
                if (f.drawable(s.x()[k], s.y()[k])) {
                    p.fillCircle(f.px(s.x()[k]), f.py(s.y()[k]), r, c);
                }
            }
        }
    }
}
