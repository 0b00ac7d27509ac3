package org.twinlab.augment;

import java.util.ArrayList;
import java.util.List;
import org.twinlab.data.ImageShape;

/** The two view pipelines, each configured on its own as in the official code. */
public record AugmentConfig(ViewConfig viewA, ViewConfig viewB) {

    /** The official recipe, adapted to the image size (see {@link ViewConfig#official}). */
    public static AugmentConfig official(ImageShape shape) {
        return new AugmentConfig(ViewConfig.official(true, shape), ViewConfig.official(false, shape));
    }

    public static AugmentConfig cropFlip(ImageShape shape) {
        return new AugmentConfig(ViewConfig.cropFlip(shape), ViewConfig.cropFlip(shape));
    }

    public AugmentConfig withViewA(ViewConfig a) {
        return new AugmentConfig(a, viewB);
    }

    public AugmentConfig withViewB(ViewConfig b) {
        return new AugmentConfig(viewA, b);
    }

    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (viewA == null || viewB == null) {
            out.add("augmentation needs both view A and view B");
            return out;
        }
        out.addAll(viewA.problems("A"));
        out.addAll(viewB.problems("B"));
        return out;
    }
}
