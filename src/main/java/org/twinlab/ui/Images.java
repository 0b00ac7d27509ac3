package org.twinlab.ui;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.twinlab.data.ArgbImage;

/** Core pictures (ARGB ints) as JavaFX images. */
final class Images {
    private Images() {
    }

    static WritableImage toFx(ArgbImage a) {
        WritableImage img = new WritableImage(a.width(), a.height());
        img.getPixelWriter().setPixels(0, 0, a.width(), a.height(), PixelFormat.getIntArgbInstance(), a.pixels(), 0, a.width());
        return img;
    }
}
