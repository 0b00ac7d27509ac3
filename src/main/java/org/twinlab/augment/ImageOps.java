package org.twinlab.augment;

import org.twinlab.data.ImageShape;

/**
 * The augmentation operations on one image held as floats in [0, 1], channels first. Each follows
 * torchvision's definition of the operation so results match the official code's views.
 */
public final class ImageOps {
    private ImageOps() {
    }

    /** Crop rows [top, top+h) and columns [left, left+w) and resize them bilinearly to the full size. */
    public static void resizedCrop(float[] src, int srcOff, float[] dst, int dstOff, ImageShape s, int top, int left, int h, int w) {
        int H = s.height();
        int W = s.width();
        float sy = (float) h / H;
        float sx = (float) w / W;
        for (int c = 0; c < s.channels(); c++) {
            int sp = srcOff + c * s.plane();
            int dp = dstOff + c * s.plane();
            for (int y = 0; y < H; y++) {
                // align_corners=False: sample at pixel centres, clamped to the crop
                float fy = Math.min(Math.max((y + 0.5f) * sy - 0.5f, 0f), h - 1);
                int y0 = (int) fy;
                int y1 = Math.min(y0 + 1, h - 1);
                float wy = fy - y0;
                int r0 = sp + (top + y0) * W + left;
                int r1 = sp + (top + y1) * W + left;
                for (int x = 0; x < W; x++) {
                    float fx = Math.min(Math.max((x + 0.5f) * sx - 0.5f, 0f), w - 1);
                    int x0 = (int) fx;
                    int x1 = Math.min(x0 + 1, w - 1);
                    float wx = fx - x0;
                    float top0 = src[r0 + x0] + (src[r0 + x1] - src[r0 + x0]) * wx;
                    float bot0 = src[r1 + x0] + (src[r1 + x1] - src[r1 + x0]) * wx;
                    dst[dp + y * W + x] = top0 + (bot0 - top0) * wy;
                }
            }
        }
    }

    public static void flipHorizontal(float[] img, int off, ImageShape s) {
        int W = s.width();
        for (int row = 0; row < s.channels() * s.height(); row++) {
            int base = off + row * W;
            for (int a = base, b = base + W - 1; a < b; a++, b--) {
                float t = img[a];
                img[a] = img[b];
                img[b] = t;
            }
        }
    }

    public static void brightness(float[] img, int off, ImageShape s, float factor) {
        for (int k = off; k < off + s.size(); k++) {
            img[k] = clamp(img[k] * factor);
        }
    }

    /** Blends with the mean of the image's grayscale, as torchvision's adjust_contrast. */
    public static void contrast(float[] img, int off, ImageShape s, float factor) {
        double sum = 0;
        int plane = s.plane();
        for (int k = 0; k < plane; k++) {
            sum += gray(img, off, s, k);
        }
        float mean = (float) (sum / plane);
        float add = (1 - factor) * mean;
        for (int k = off; k < off + s.size(); k++) {
            img[k] = clamp(img[k] * factor + add);
        }
    }

    /** Blends each pixel with its own grayscale value (three-channel images only). */
    public static void saturation(float[] img, int off, ImageShape s, float factor) {
        int plane = s.plane();
        for (int k = 0; k < plane; k++) {
            float g = gray(img, off, s, k) * (1 - factor);
            for (int c = 0; c < 3; c++) {
                int i = off + c * plane + k;
                img[i] = clamp(img[i] * factor + g);
            }
        }
    }

    /** Rotates the hue by {@code shift} of a full turn, in HSV (three-channel images only). */
    public static void hue(float[] img, int off, ImageShape s, float shift) {
        int plane = s.plane();
        for (int k = 0; k < plane; k++) {
            float r = img[off + k];
            float g = img[off + plane + k];
            float b = img[off + 2 * plane + k];
            float max = Math.max(r, Math.max(g, b));
            float min = Math.min(r, Math.min(g, b));
            float d = max - min;
            if (d <= 0) {
                continue; // grey: hue has no effect
            }
            float h;
            if (max == r) {
                h = ((g - b) / d) / 6f;
            } else if (max == g) {
                h = ((b - r) / d + 2f) / 6f;
            } else {
                h = ((r - g) / d + 4f) / 6f;
            }
            h += shift;
            h -= (float) Math.floor(h);
            float sat = d / max;
            float v = max;
            float h6 = h * 6f;
            int sector = Math.min((int) h6, 5);
            float f = h6 - sector;
            float p = v * (1 - sat);
            float q = v * (1 - sat * f);
            float t = v * (1 - sat * (1 - f));
            float nr, ng, nb;
            switch (sector) {
                case 0 -> { nr = v; ng = t; nb = p; }
                case 1 -> { nr = q; ng = v; nb = p; }
                case 2 -> { nr = p; ng = v; nb = t; }
                case 3 -> { nr = p; ng = q; nb = v; }
                case 4 -> { nr = t; ng = p; nb = v; }
                default -> { nr = v; ng = p; nb = q; }
            }
            img[off + k] = nr;
            img[off + plane + k] = ng;
            img[off + 2 * plane + k] = nb;
        }
    }

    /** Replaces every channel with the luma 0.299 R + 0.587 G + 0.114 B. */
    public static void grayscale(float[] img, int off, ImageShape s) {
        if (s.channels() != 3) {
            return;
        }
        int plane = s.plane();
        for (int k = 0; k < plane; k++) {
            float g = gray(img, off, s, k);
            img[off + k] = g;
            img[off + plane + k] = g;
            img[off + 2 * plane + k] = g;
        }
    }

    /** Separable Gaussian blur with reflected borders; {@code tmp} holds at least one image. */
    public static void gaussianBlur(float[] img, int off, ImageShape s, float sigma, float[] tmp) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        radius = Math.min(radius, Math.min(s.height(), s.width()) - 1);
        float[] kernel = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        int H = s.height();
        int W = s.width();
        for (int c = 0; c < s.channels(); c++) {
            int p = off + c * s.plane();
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    float acc = 0;
                    for (int i = -radius; i <= radius; i++) {
                        acc += kernel[i + radius] * img[p + y * W + reflect(x + i, W)];
                    }
                    tmp[y * W + x] = acc;
                }
            }
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    float acc = 0;
                    for (int i = -radius; i <= radius; i++) {
                        acc += kernel[i + radius] * tmp[reflect(y + i, H) * W + x];
                    }
                    img[p + y * W + x] = acc;
                }
            }
        }
    }

    /** Inverts every value at or above the threshold, as PIL's solarize. */
    public static void solarize(float[] img, int off, ImageShape s, float threshold) {
        for (int k = off; k < off + s.size(); k++) {
            if (img[k] >= threshold) {
                img[k] = 1f - img[k];
            }
        }
    }

    public static void normalize(float[] img, int off, ImageShape s, float[] mean, float[] std) {
        for (int c = 0; c < s.channels(); c++) {
            float m = mean[c];
            float inv = 1f / std[c];
            int base = off + c * s.plane();
            for (int k = base; k < base + s.plane(); k++) {
                img[k] = (img[k] - m) * inv;
            }
        }
    }

    private static float gray(float[] img, int off, ImageShape s, int k) {
        if (s.channels() == 1) {
            return img[off + k];
        }
        int plane = s.plane();
        return 0.299f * img[off + k] + 0.587f * img[off + plane + k] + 0.114f * img[off + 2 * plane + k];
    }

    private static int reflect(int i, int n) {
        if (i < 0) {
            return -i;
        }
        return i >= n ? 2 * n - 2 - i : i;
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }
}
