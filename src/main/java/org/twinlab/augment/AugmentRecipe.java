package org.twinlab.augment;

import org.twinlab.data.ImageShape;
import org.twinlab.util.Choice;

/** The named augmentation recipes, each adapted to the image size. */
public enum AugmentRecipe implements Choice {
    /** The paper's two views (see {@link ViewConfig#official}). */
    OFFICIAL("official"),
    /** Random resized crop and flip only: the light recipe, and the "why colour distortion matters" contrast. */
    CROP_FLIP("crop-flip");

    private final String key;

    AugmentRecipe(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public AugmentConfig config(ImageShape shape) {
        return this == OFFICIAL ? AugmentConfig.official(shape) : AugmentConfig.cropFlip(shape);
    }
}
