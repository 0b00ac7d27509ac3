package org.twinlab.ui;

import javafx.scene.paint.Color;
import org.twinlab.export.chart.Palette;

/** Colours: the diverging map for C (fixed to [-1, 1]) and the class palette. */
public final class ColorMaps {
    private ColorMaps() {
    }

    /** The ARGB colour of a correlation value, clamped to [-1, 1] (the same map as the exported figures). */
    public static int diverging(float v) {
        return Palette.diverging(v);
    }

    public static Color divergingColor(double v) {
        int argb = diverging((float) v);
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }

    public static Color classColor(int label) {
        int rgb = Palette.categoryRgb(label);
        return Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }
}
