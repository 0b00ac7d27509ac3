package org.twinlab.ui;

import javafx.scene.paint.Color;

/** Colours: the diverging map for C (fixed to [-1, 1]) and the class palette. */
public final class ColorMaps {
    private static final int LUT_SIZE = 1024;
    private static final int[] DIVERGING = new int[LUT_SIZE];
    // ColorBrewer RdBu, reversed: -1 deep blue, 0 near white, +1 deep red
    private static final int[] STOPS = {0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582,
        0xD6604D, 0xB2182B, 0x67001F};
    private static final Color[] CLASSES = {Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"),
        Color.web("#d62728"), Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#7f7f7f"),
        Color.web("#bcbd22"), Color.web("#17becf")};

    static {
        for (int i = 0; i < LUT_SIZE; i++) {
            double t = (double) i / (LUT_SIZE - 1) * (STOPS.length - 1);
            int k = Math.min((int) t, STOPS.length - 2);
            double f = t - k;
            int a = STOPS[k];
            int b = STOPS[k + 1];
            int r = (int) Math.round(((a >> 16) & 0xff) * (1 - f) + ((b >> 16) & 0xff) * f);
            int g = (int) Math.round(((a >> 8) & 0xff) * (1 - f) + ((b >> 8) & 0xff) * f);
            int bl = (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
            DIVERGING[i] = 0xFF000000 | r << 16 | g << 8 | bl;
        }
    }

    private ColorMaps() {
    }

    /** The ARGB colour of a correlation value, clamped to [-1, 1]. */
    public static int diverging(float v) {
        int i = (int) ((v + 1f) * 0.5f * (LUT_SIZE - 1) + 0.5f);
        return DIVERGING[i < 0 ? 0 : (i >= LUT_SIZE ? LUT_SIZE - 1 : i)];
    }

    public static Color divergingColor(double v) {
        int argb = diverging((float) v);
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }

    public static Color classColor(int label) {
        Color c = CLASSES[label % CLASSES.length];
        return label < CLASSES.length ? c : c.deriveColor(0, 1, 0.7, 1);
    }
}
