package org.twinlab.ui;

import javafx.scene.canvas.GraphicsContext;
import org.twinlab.export.chart.Chart;

/**
 * A chart of the chart package drawn on a canvas that fills its region: what is on screen is what the PNG
 * export writes. The chart is laid out at a reduced size and scaled up, so its type (which follows the
 * figure's size) stays legible in a small panel.
 */
final class ChartCanvas extends CanvasRegion {
    /** Layout size over screen size: type and markers come out about 1.5 times the chart package's own. */
    private static final double ZOOM = 1.5;
    private Chart chart;
    private long draws;

    ChartCanvas() {
        setMinSize(160, 120);
    }

    void setChart(Chart chart) {
        this.chart = chart;
        redraw();
    }

    Chart chart() {
        return chart;
    }

    /** How many times a chart was drawn (tests read it). */
    long draws() {
        return draws;
    }

    @Override
    protected void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        int w = (int) (canvas.getWidth() / ZOOM);
        int h = (int) (canvas.getHeight() / ZOOM);
        if (chart == null || w < 60 || h < 40) {
            return;
        }
        g.save();
        g.scale(ZOOM, ZOOM);
        chart.draw(new FxPainter(g), w, h);
        g.restore();
        draws++;
    }
}
