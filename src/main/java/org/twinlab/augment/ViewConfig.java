package org.twinlab.augment;

import java.util.ArrayList;
import java.util.List;
import org.twinlab.data.ImageShape;

/**
 * One view's augmentation pipeline, applied in the official order: random resized crop, horizontal
 * flip, colour jitter (with probability, its four parts in random order), grayscale, Gaussian blur,
 * solarisation, then normalisation with the dataset's mean and std.
 */
public record ViewConfig(Crop crop, double flipP, Jitter jitter, double grayscaleP, Blur blur, Solarize solarize) {

    /** RandomResizedCrop: area fraction and aspect-ratio ranges; bilinear resize back to full size. */
    public record Crop(double scaleMin, double scaleMax, double ratioMin, double ratioMax) {
    }

    /** ColorJitter strengths (torchvision's meaning) and the probability of applying it. */
    public record Jitter(double p, double brightness, double contrast, double saturation, double hue) {
    }

    /** Gaussian blur with a sigma drawn from [sigmaMin, sigmaMax] pixels, applied with probability p. */
    public record Blur(double p, double sigmaMin, double sigmaMax) {
    }

    /** Inverts pixels at or above the threshold (in [0, 1]), with probability p. */
    public record Solarize(double p, double threshold) {
    }

    /**
     * The official recipe's view: view A blurs always and never solarises, view B blurs with p 0.1 and
     * solarises with p 0.2. For 28-32 px images the crop keeps at least 20% of the area (not 8%): an 8%
     * crop of a 28 px image is an 8 px patch, too little of the object for its two views to agree on,
     * and blur sigmas shrink with the image (2 px of blur on 28 px erases the detail the encoder needs).
     */
    public static ViewConfig official(boolean viewA, ImageShape shape) {
        boolean small = Math.max(shape.height(), shape.width()) <= 64;
        Crop crop = new Crop(small ? 0.2 : 0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0);
        Blur blur = new Blur(viewA ? 1.0 : 0.1, 0.1, small ? 1.0 : 2.0);
        Solarize solarize = new Solarize(viewA ? 0.0 : 0.2, 0.5);
        return new ViewConfig(crop, 0.5, new Jitter(0.8, 0.4, 0.4, 0.2, 0.1), 0.2, blur, solarize);
    }

    /** Only crop and flip: the light recipe many small-image experiments use. */
    public static ViewConfig cropFlip(ImageShape shape) {
        ViewConfig o = official(true, shape);
        return new ViewConfig(o.crop(), 0.5, new Jitter(0, 0.4, 0.4, 0.2, 0.1), 0, new Blur(0, 0.1, 1.0),
                new Solarize(0, 0.5));
    }

    public ViewConfig withCrop(Crop c) {
        return new ViewConfig(c, flipP, jitter, grayscaleP, blur, solarize);
    }

    public ViewConfig withFlipP(double p) {
        return new ViewConfig(crop, p, jitter, grayscaleP, blur, solarize);
    }

    public ViewConfig withJitter(Jitter j) {
        return new ViewConfig(crop, flipP, j, grayscaleP, blur, solarize);
    }

    public ViewConfig withGrayscaleP(double p) {
        return new ViewConfig(crop, flipP, jitter, p, blur, solarize);
    }

    public ViewConfig withBlur(Blur b) {
        return new ViewConfig(crop, flipP, jitter, grayscaleP, b, solarize);
    }

    public ViewConfig withSolarize(Solarize s) {
        return new ViewConfig(crop, flipP, jitter, grayscaleP, blur, s);
    }

    /** What is wrong with these settings, each naming the setting; empty when they are valid. */
    public List<String> problems(String view) {
        List<String> out = new ArrayList<>();
        String v = "view " + view + " ";
        if (crop == null || jitter == null || blur == null || solarize == null) {
            out.add(v + "is incomplete (crop, jitter, blur and solarize are all required)");
            return out;
        }
        if (!(crop.scaleMin() > 0 && crop.scaleMin() <= crop.scaleMax() && crop.scaleMax() <= 1)) {
            out.add(v + "crop scale must satisfy 0 < min <= max <= 1, not " + crop.scaleMin() + "-" + crop.scaleMax());
        }
        if (!(crop.ratioMin() > 0 && crop.ratioMin() <= crop.ratioMax())) {
            out.add(v + "crop ratio must satisfy 0 < min <= max, not " + crop.ratioMin() + "-" + crop.ratioMax());
        }
        probability(out, v + "flip probability", flipP);
        probability(out, v + "jitter probability", jitter.p());
        probability(out, v + "grayscale probability", grayscaleP);
        probability(out, v + "blur probability", blur.p());
        probability(out, v + "solarize probability", solarize.p());
        if (!(jitter.brightness() >= 0 && jitter.contrast() >= 0 && jitter.saturation() >= 0)) {
            out.add(v + "jitter brightness, contrast and saturation must be >= 0");
        }
        if (!(jitter.hue() >= 0 && jitter.hue() <= 0.5)) {
            out.add(v + "jitter hue must be in [0, 0.5], not " + jitter.hue());
        }
        if (!(blur.sigmaMin() > 0 && blur.sigmaMin() <= blur.sigmaMax() && blur.sigmaMax() <= 10)) {
            out.add(v + "blur sigma must satisfy 0 < min <= max <= 10, not " + blur.sigmaMin() + "-" + blur.sigmaMax());
        }
        if (!(solarize.threshold() >= 0 && solarize.threshold() <= 1)) {
            out.add(v + "solarize threshold must be in [0, 1], not " + solarize.threshold());
        }
        return out;
    }

    private static void probability(List<String> out, String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            out.add(what + " must be in [0, 1], not " + p);
        }
    }
}
