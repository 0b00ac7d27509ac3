package org.twinlab.ui;

import java.nio.IntBuffer;
import java.util.stream.IntStream;

/** Maps a square matrix of values in [-1, 1] to premultiplied ARGB pixels (opaque, so premultiplied is plain). */
public final class HeatmapRenderer {
    private HeatmapRenderer() {
    }

    /** Writes side x side cells of {@code values} into {@code pixels}; rows in parallel above 256 cells a side. */
    public static void render(float[] values, int side, IntBuffer pixels) {
        int[] dst = pixels.array();
        if (side >= 256) {
            IntStream.range(0, side).parallel().forEach(r -> row(values, side, dst, r));
        } else {
            for (int r = 0; r < side; r++) {
                row(values, side, dst, r);
            }
        }
    }

    private static void row(float[] values, int side, int[] dst, int r) {
        org.twinlab.export.chart.Palette.divergingCells(values, r * side, side, dst);
    }
}
