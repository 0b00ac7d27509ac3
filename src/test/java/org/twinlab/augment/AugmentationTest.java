package org.twinlab.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.data.ArgbImage;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.data.ImageShape;

class AugmentationTest {
    private static final ImageShape RGB = new ImageShape(3, 8, 6);
    private static final ImageShape GRAY = new ImageShape(1, 28, 28);

    private static float[] ramp(ImageShape s) {
        float[] img = new float[s.size()];
        for (int k = 0; k < img.length; k++) {
            img[k] = (k * 37 % 101) / 100f;
        }
        return img;
    }

    @Test
    void flipMirrorsEveryRow() {
        float[] img = ramp(RGB);
        float[] copy = img.clone();
        ImageOps.flipHorizontal(img, 0, RGB);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 6; x++) {
                    assertEquals(copy[(c * 8 + y) * 6 + x], img[(c * 8 + y) * 6 + (5 - x)]);
                }
            }
        }
    }

    @Test
    void solarizeInvertsAtOrAboveTheThresholdOnly() {
        float[] img = {0.1f, 0.49f, 0.5f, 0.9f};
        ImageOps.solarize(img, 0, new ImageShape(1, 2, 2), 0.5f);
        assertArrayEquals(new float[] {0.1f, 0.49f, 0.5f, 1 - 0.9f}, img, 1e-6f);
    }

    @Test
    void grayscaleMakesChannelsEqualWithLumaWeights() {
        float[] img = ramp(RGB);
        float r = img[5];
        float g = img[48 + 5];
        float b = img[96 + 5];
        ImageOps.grayscale(img, 0, RGB);
        for (int k = 0; k < 48; k++) {
            assertEquals(img[k], img[48 + k]);
            assertEquals(img[k], img[96 + k]);
        }
        assertEquals(0.299f * r + 0.587f * g + 0.114f * b, img[5], 1e-6f);
    }

    @Test
    void cropOfTheWholeImageIsTheIdentity() {
        float[] img = ramp(GRAY);
        float[] out = new float[img.length];
        ImageOps.resizedCrop(img, 0, out, 0, GRAY, 0, 0, 28, 28);
        assertArrayEquals(img, out, 1e-6f);
        ViewConfig v = ViewConfig.cropFlip(GRAY).withCrop(new ViewConfig.Crop(1, 1, 1, 1)).withFlipP(0);
        float[] viaPipeline = new float[img.length];
        new ViewPipeline(v, GRAY).apply(img, 0, viaPipeline, 0, new SplittableRandom(1), new float[img.length]);
        assertArrayEquals(img, viaPipeline, 1e-6f);
    }

    @Test
    void cropZoomsIntoTheChosenBox() {
        float[] img = new float[GRAY.size()];
        // left half dark, right half bright; a crop of the right half is all bright
        for (int y = 0; y < 28; y++) {
            for (int x = 14; x < 28; x++) {
                img[y * 28 + x] = 1f;
            }
        }
        float[] out = new float[img.length];
        ImageOps.resizedCrop(img, 0, out, 0, GRAY, 0, 14, 28, 14);
        for (float v : out) {
            assertEquals(1f, v, 1e-6f);
        }
    }

    @Test
    void cropBoxesStayInsideTheImageAndWithinTheScaleRange() {
        ViewPipeline p = new ViewPipeline(ViewConfig.official(true, GRAY), GRAY);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 2000; i++) {
            int[] box = p.cropBox(rnd);
            assertTrue(box[0] >= 0 && box[1] >= 0 && box[0] + box[2] <= 28 && box[1] + box[3] <= 28);
            double area = (double) box[2] * box[3] / (28 * 28);
            assertTrue(area >= 0.15 && area <= 1.0, "area " + area);
        }
    }

    @Test
    void blurKeepsAConstantImageAndSmoothsAnEdge() {
        ImageShape s = new ImageShape(1, 10, 10);
        float[] flat = new float[100];
        java.util.Arrays.fill(flat, 0.7f);
        ImageOps.gaussianBlur(flat, 0, s, 1.0f, new float[100]);
        for (float v : flat) {
            assertEquals(0.7f, v, 1e-5f);
        }
        float[] edge = new float[100];
        for (int y = 0; y < 10; y++) {
            for (int x = 5; x < 10; x++) {
                edge[y * 10 + x] = 1f;
            }
        }
        ImageOps.gaussianBlur(edge, 0, s, 1.0f, new float[100]);
        assertTrue(edge[5 * 10 + 4] > 0.1f && edge[5 * 10 + 5] < 0.9f);
    }

    @Test
    void jitterHueAndSaturationKeepValuesInRange() {
        float[] img = ramp(RGB);
        ImageOps.brightness(img, 0, RGB, 1.4f);
        ImageOps.contrast(img, 0, RGB, 1.4f);
        ImageOps.saturation(img, 0, RGB, 1.2f);
        ImageOps.hue(img, 0, RGB, 0.1f);
        for (float v : img) {
            assertTrue(v >= 0f && v <= 1.0001f, "value " + v);
        }
        float[] grey = new float[RGB.size()];
        java.util.Arrays.fill(grey, 0.4f);
        ImageOps.hue(grey, 0, RGB, 0.3f);
        ImageOps.saturation(grey, 0, RGB, 0.1f);
        for (float v : grey) {
            assertEquals(0.4f, v, 1e-6f);
        }
    }

    @Test
    void viewsAreSeededIndependentOfThreadCountAndTheTwoViewsDiffer() throws Exception {
        Dataset d = DatasetCatalog.open(DatasetCatalog.SAMPLE);
        TwoViewAugmenter aug = TwoViewAugmenter.forDataset(d, AugmentConfig.official(d.shape()));
        int[] idx = {0, 5, 77, 1000, 4242, 7999, 3, 9};
        int n = idx.length * d.shape().size();
        float[] a1 = new float[n];
        float[] b1 = new float[n];
        aug.views(d.train(), idx, 42, a1, b1, true);
        float[] a2 = new float[n];
        float[] b2 = new float[n];
        ForkJoinPool single = new ForkJoinPool(1);
        single.submit(() -> aug.views(d.train(), idx, 42, a2, b2, true)).get();
        single.shutdown();
        assertArrayEquals(a1, a2);
        assertArrayEquals(b1, b2);
        float[] a3 = new float[n];
        aug.views(d.train(), idx, 43, a3, new float[n], true);
        assertFalse(java.util.Arrays.equals(a1, a3), "another seed gives other views");
        assertFalse(java.util.Arrays.equals(a1, b1), "view A and view B differ");
    }

    @Test
    void onlyTheSameViewConfigIsValidAndProblemsNameTheSetting() {
        ViewConfig bad = ViewConfig.official(true, GRAY).withFlipP(1.5).withCrop(new ViewConfig.Crop(0.5, 0.2, 0.75, 1.33));
        var problems = new AugmentConfig(bad, ViewConfig.official(false, GRAY)).problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("view A crop scale"), problems.toString());
        assertTrue(problems.get(1).contains("view A flip probability"), problems.toString());
        assertTrue(AugmentConfig.official(GRAY).problems().isEmpty());
    }

    @Test
    void previewShowsOriginalsAboveTheirTwoViews(@TempDir Path dir) {
        Dataset d = DatasetCatalog.open(DatasetCatalog.SAMPLE);
        int[] idx = AugmentPreview.pickIndices(d, 6, 1);
        ArgbImage img = AugmentPreview.render(d, AugmentConfig.official(d.shape()), idx, 1, 2);
        assertEquals(6 * 56 + 7 * AugmentPreview.GAP, img.width());
        assertEquals(3 * 56 + 4 * AugmentPreview.GAP, img.height());
        // the first cell of the top row is the original image, pixel for pixel
        int v = d.train().pixel(idx[0], 0, 14, 14);
        int argb = img.get(AugmentPreview.GAP + 28, AugmentPreview.GAP + 28);
        assertEquals(v, argb & 0xff, 1);
        Path png = dir.resolve("pairs.png");
        img.writePng(png);
        assertTrue(Files.isRegularFile(png));
    }
}
