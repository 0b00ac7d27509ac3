package org.twinlab.export.chart;

/**
 * A figure that draws itself at any size on a {@link Painter}: the same chart gives a PNG
 * ({@link Charts#png}) or an SVG ({@link Charts#svg}). Type, line widths and markers scale with the
 * figure's height, so a 1600 x 1000 figure stays legible on a projector.
 *
 * <p>The implementations: {@link LineChart} (named series, optional log axes, reference lines),
 * {@link Heatmap} (a matrix on the fixed [-1, 1] diverging map with a colour bar), {@link ScatterChart}
 * (points coloured by class) and {@link BarChart} (grouped bars, optional error bars).
 */
public interface Chart {
    /**
     * Draws the whole figure, background included, on an area of {@code width} x {@code height} pixels, and
     * says where its plot area and texts went.
     */
    Layout draw(Painter painter, int width, int height);
}
