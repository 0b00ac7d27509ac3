package org.twinlab.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A canvas that fills its region and is drawn again when the region's size changes (after the resize,
 * not before it): the base of the window's plots that draw everything themselves, no node per point.
 */
abstract class CanvasRegion extends Region {
    protected final Canvas canvas = new Canvas();

    CanvasRegion() {
        getChildren().add(canvas);
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(Math.max(1, getWidth()));
            canvas.setHeight(Math.max(1, getHeight()));
            redraw();
        }
    }

    /** Draws the whole canvas from the current state. */
    protected abstract void redraw();
}
