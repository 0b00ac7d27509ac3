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

    /** Viridis at a few stops: dark violet (0) through teal to yellow (1); reads in grey and to most colour-blind eyes. */
    private static final Color[] SEQUENTIAL = {Color.web("#440154"), Color.web("#3b528b"), Color.web("#21918c"),
        Color.web("#5ec962"), Color.web("#fde725")};

    /** A colour for a value from 0 (low) to 1 (high), e.g. a run's metric among the runs of a sweep. */
    public static Color sequential(double t) {
        double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (SEQUENTIAL.length - 1);
        int i = Math.min((int) x, SEQUENTIAL.length - 2);
        return SEQUENTIAL[i].interpolate(SEQUENTIAL[i + 1], x - i);
    }

    public static Color classColor(int label) {
        int rgb = Palette.categoryRgb(label);
        return Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }
}
