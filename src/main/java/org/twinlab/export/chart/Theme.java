package org.twinlab.export.chart;

/**
 * Sizes that follow the figure: the base font is about 1/34 of the shorter side (29 px at 1600 x 1000,
 * 15 px at 800 x 500), so the type reads the same when the figure is scaled to a slide.
 */
record Theme(double font) {
    static Theme of(int width, int height) {
        double base = Math.min(height, width * 0.625) / 34.0;
        return new Theme(Math.max(10, Math.min(48, base)));
    }

    double title() {
        return font * 1.25;
    }

    double small() {
        return font * 0.85;
    }

    double pad() {
        return font * 0.8;
    }

    double line() {
        return Math.max(1.5, font / 7);
    }

    double thin() {
        return Math.max(1, font / 18);
    }

    double tick() {
        return font * 0.35;
    }
}
