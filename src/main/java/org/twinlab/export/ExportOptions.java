package org.twinlab.export;

import org.twinlab.export.chart.FigureSize;

/**
 * How to export: with the projector's weights or not, how many test images go to TensorBoard's
 * projector and the PCA (0: the whole test split), and the figures' size in pixels.
 */
public record ExportOptions(boolean withProjector, int points, FigureSize figureSize) {
    public ExportOptions {
        if (points < 0) {
            throw new IllegalArgumentException("points: must be 0 (the whole test split) or more, not " + points);
        }
        if (figureSize == null) {
            figureSize = FigureSize.DEFAULT;
        }
    }

    /** The encoder alone, the whole test split, 1600 x 1000 figures. */
    public static ExportOptions defaults() {
        return new ExportOptions(false, 0, FigureSize.DEFAULT);
    }
}
