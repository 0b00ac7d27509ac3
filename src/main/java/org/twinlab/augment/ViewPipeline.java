package org.twinlab.augment;

import java.util.SplittableRandom;
import org.twinlab.data.ImageShape;

/** Applies one view's configuration to one image, drawing every random choice from the given generator. */
public final class ViewPipeline {
    private final ViewConfig config;
    private final ImageShape shape;

    public ViewPipeline(ViewConfig config, ImageShape shape) {
        this.config = config;
        this.shape = shape;
    }

    public ViewConfig config() {
        return config;
    }

    /**
     * Augments the image at {@code src[srcOff]} into {@code dst[dstOff]}, values still in [0, 1];
     * {@code tmp} is scratch space of one image.
     */
    public void apply(float[] src, int srcOff, float[] dst, int dstOff, SplittableRandom rnd, float[] tmp) {
        int[] box = cropBox(rnd);
        ImageOps.resizedCrop(src, srcOff, dst, dstOff, shape, box[0], box[1], box[2], box[3]);
        if (rnd.nextDouble() < config.flipP()) {
            ImageOps.flipHorizontal(dst, dstOff, shape);
        }
        boolean colour = shape.channels() == 3;
        ViewConfig.Jitter j = config.jitter();
        if (rnd.nextDouble() < j.p()) {
            jitter(dst, dstOff, j, colour, rnd);
        }
        // grayscale, saturation and hue act on colour alone: skipped on one-channel data
        if (colour && rnd.nextDouble() < config.grayscaleP()) {
            ImageOps.grayscale(dst, dstOff, shape);
        }
        ViewConfig.Blur b = config.blur();
        if (rnd.nextDouble() < b.p()) {
            float sigma = (float) (b.sigmaMin() + rnd.nextDouble() * (b.sigmaMax() - b.sigmaMin()));
            ImageOps.gaussianBlur(dst, dstOff, shape, sigma, tmp);
        }
        if (rnd.nextDouble() < config.solarize().p()) {
            ImageOps.solarize(dst, dstOff, shape, (float) config.solarize().threshold());
        }
    }

    /** torchvision's ColorJitter: the four factors drawn, then applied in a random order. */
    private void jitter(float[] img, int off, ViewConfig.Jitter j, boolean colour, SplittableRandom rnd) {
        int[] order = {0, 1, 2, 3};
        for (int i = 3; i > 0; i--) {
            int k = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        float bright = factor(rnd, j.brightness());
        float contrast = factor(rnd, j.contrast());
        float sat = factor(rnd, j.saturation());
        float hue = (float) ((rnd.nextDouble() * 2 - 1) * j.hue());
        for (int op : order) {
            switch (op) {
                case 0 -> {
                    if (j.brightness() > 0) {
                        ImageOps.brightness(img, off, shape, bright);
                    }
                }
                case 1 -> {
                    if (j.contrast() > 0) {
                        ImageOps.contrast(img, off, shape, contrast);
                    }
                }
                case 2 -> {
                    if (colour && j.saturation() > 0) {
                        ImageOps.saturation(img, off, shape, sat);
                    }
                }
                default -> {
                    if (colour && j.hue() > 0) {
                        ImageOps.hue(img, off, shape, hue);
                    }
                }
            }
        }
    }

    private static float factor(SplittableRandom rnd, double strength) {
        double lo = Math.max(0, 1 - strength);
        return (float) (lo + rnd.nextDouble() * (1 + strength - lo));
    }

    /** torchvision's RandomResizedCrop.get_params: {top, left, height, width}. */
    int[] cropBox(SplittableRandom rnd) {
        int H = shape.height();
        int W = shape.width();
        ViewConfig.Crop c = config.crop();
        double area = (double) H * W;
        double logMin = Math.log(c.ratioMin());
        double logMax = Math.log(c.ratioMax());
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * (c.scaleMin() + rnd.nextDouble() * (c.scaleMax() - c.scaleMin()));
            double aspect = Math.exp(logMin + rnd.nextDouble() * (logMax - logMin));
            int w = (int) Math.round(Math.sqrt(target * aspect));
            int h = (int) Math.round(Math.sqrt(target / aspect));
            if (w > 0 && w <= W && h > 0 && h <= H) {
                return new int[] {rnd.nextInt(H - h + 1), rnd.nextInt(W - w + 1), h, w};
            }
        }
        double inRatio = (double) W / H;
        int w;
        int h;
        if (inRatio < c.ratioMin()) {
            w = W;
            h = (int) Math.round(w / c.ratioMin());
        } else if (inRatio > c.ratioMax()) {
            h = H;
            w = (int) Math.round(h * c.ratioMax());
        } else {
            w = W;
            h = H;
        }
        return new int[] {(H - h) / 2, (W - w) / 2, h, w};
    }
}
