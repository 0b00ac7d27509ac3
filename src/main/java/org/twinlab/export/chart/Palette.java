package org.twinlab.export.chart;

import java.awt.Color;

/**
 * The one palette of the window, the figures and the report: ten distinct series/class colours
 * (matplotlib's "tab10"), the named colours of the quantities every view shows (the loss and its terms,
 * the probes and their baselines, the collapse gauges, the marks of live changes), and the diverging map
 * for correlations, fixed to [-1, 1] (ColorBrewer RdBu reversed: -1 deep blue, 0 near white, +1 deep
 * red; {@link #diverging} is the colour map of every picture of C).
 */
public final class Palette {
    private static final int LUT_SIZE = 1024;
    private static final int[] DIVERGING_STOPS = {0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7,
        0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F};
    private static final int[] DIVERGING = new int[LUT_SIZE];
    private static final int[] CATEGORY = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2,
        0x7f7f7f, 0xbcbd22, 0x17becf};
    /** Text, axes and grid. */
    public static final Color INK = new Color(0x24292f);
    public static final Color MUTED = new Color(0x57606a);
    public static final Color GRID = new Color(0xE3E3E3);
    public static final Color BACKGROUND = Color.WHITE;
    /** The total loss, then the terms in the order the objective declares them (invariance, redundancy, ...). */
    public static final Color LOSS_TOTAL = INK;
    private static final Color[] LOSS_TERMS = {new Color(0x0969da), new Color(0xcf222e), new Color(0x1a7f37),
        new Color(0x8250df)};
    /** The linear probe and kNN of the trained encoder; the raw-pixel and random-encoder baselines (dashed). */
    public static final Color LINEAR = new Color(0x1a7f37);
    public static final Color KNN = new Color(0xbf8700);
    public static final Color PIXELS = new Color(0x57606a);
    public static final Color RANDOM = new Color(0xa40e26);
    /** A live change of lambda or of the learning rate; the learning-rate curve. */
    public static final Color LAMBDA_MARK = new Color(0xcf222e);
    public static final Color RATE = new Color(0x8250df);
    /** A collapse gauge above and below its level. */
    public static final Color HEALTHY = new Color(0x1a7f37);
    public static final Color COLLAPSED = new Color(0xcf222e);
    /** The histograms of C's diagonal and off-diagonal (the ends of the diverging map). */
    public static final Color DIAGONAL = new Color(0xb2182b);
    public static final Color OFF_DIAGONAL = new Color(0x2166ac);

    static {
        for (int i = 0; i < LUT_SIZE; i++) {
            double t = (double) i / (LUT_SIZE - 1) * (DIVERGING_STOPS.length - 1);
            int k = Math.min((int) t, DIVERGING_STOPS.length - 2);
            double f = t - k;
            int a = DIVERGING_STOPS[k];
            int b = DIVERGING_STOPS[k + 1];
            int r = (int) Math.round(((a >> 16) & 0xff) * (1 - f) + ((b >> 16) & 0xff) * f);
            int g = (int) Math.round(((a >> 8) & 0xff) * (1 - f) + ((b >> 8) & 0xff) * f);
            int bl = (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
            DIVERGING[i] = 0xFF000000 | r << 16 | g << 8 | bl;
        }
    }

    private Palette() {
    }

    /** The opaque ARGB colour of a correlation value; values outside [-1, 1] take the end colours, NaN is grey. */
    public static int diverging(float v) {
        if (Float.isNaN(v)) {
            return 0xFFBDBDBD;
        }
        int i = (int) ((v + 1f) * 0.5f * (LUT_SIZE - 1) + 0.5f);
        return DIVERGING[i < 0 ? 0 : (i >= LUT_SIZE ? LUT_SIZE - 1 : i)];
    }

    /** The colour of loss term {@code k} (0 the first term after the total). */
    public static Color lossTerm(int k) {
        return LOSS_TERMS[Math.floorMod(k, LOSS_TERMS.length)];
    }

    /**
     * Colours {@code count} cells of C from {@code values[from]} into {@code dst[from]}: the one cell colouring of
     * the window's heatmap, the exported heatmap and the movie of C, so they are the same drawing.
     */
    public static void divergingCells(float[] values, int from, int count, int[] dst) {
        for (int i = from, end = from + count; i < end; i++) {
            dst[i] = diverging(values[i]);
        }
    }

    /** The RGB (no alpha) of series or class {@code index}; after ten the colours repeat, darker. */
    public static int categoryRgb(int index) {
        int rgb = CATEGORY[Math.floorMod(index, CATEGORY.length)];
        if (index < CATEGORY.length) {
            return rgb;
        }
        return (int) (((rgb >> 16) & 0xff) * 0.7) << 16 | (int) (((rgb >> 8) & 0xff) * 0.7) << 8 | (int) ((rgb & 0xff) * 0.7);
    }

    /** Series or class colour {@code index} as a Java2D colour. */
    public static Color category(int index) {
        return new Color(categoryRgb(index));
    }
}
