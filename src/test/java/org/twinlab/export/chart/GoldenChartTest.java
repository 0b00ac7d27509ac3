package org.twinlab.export.chart;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A regression in drawing fails here: a fixed figure (log-scale loss curves with a baseline and a legend,
 * beside a heatmap with its colour bar) is drawn and compared with the PNG shipped in
 * src/test/resources/golden. A small tolerance absorbs anti-aliasing; a missing curve, a moved axis or
 * a changed colour does not pass. After an intended change of the drawing, run this test with
 * {@code -Dtwinlab.golden.update=true}, look at the new PNG and commit it.
 */
class GoldenChartTest {
    private static final String GOLDEN = "golden/chart-panels.png";
    /** At most this share of pixels may differ by more than 64 in a channel, and the mean difference at most {@link #MEAN}. */
    private static final double SHARE = 0.002;
    private static final double MEAN = 1.0;

    static Chart figure(boolean withRedundancy) {
        int n = 300;
        double[] x = new double[n];
        double[] total = new double[n];
        double[] inv = new double[n];
        double[] red = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            inv[i] = 400 * Math.exp(-i / 50.0) + 20 + 3 * Math.sin(i / 3.0);
            red[i] = 150 * Math.exp(-i / 80.0) + 8;
            total[i] = inv[i] + red[i];
        }
        LineChart loss = new LineChart("Loss").axes("step", "loss").logY(true)
                .add(LineChart.Series.line("total", x, total).color(Palette.LOSS_TOTAL))
                .add(LineChart.Series.line("invariance", x, inv).color(Palette.lossTerm(0)));
        if (withRedundancy) {
            loss.add(LineChart.Series.line("λ·redundancy", x, red).color(Palette.lossTerm(1)));
        } else {
            loss.add(LineChart.Series.line("λ·redundancy", new double[0], new double[0]).color(Palette.lossTerm(1)));
        }
        loss.add(LineChart.Series.reference("baseline", 30).color(Palette.RANDOM));
        int d = 16;
        float[] c = new float[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c[i * d + j] = i == j ? 0.9f : (float) (0.35 * Math.sin(i * 1.7 + j * 0.9));
            }
        }
        Heatmap heat = new Heatmap("C").matrix(c, d, d).axes("j", "i");
        return new Panels("Golden figure", 2, List.of(loss, heat));
    }

    @Test
    void theFigureIsDrawnAsTheGoldenImage() throws Exception {
        BufferedImage now = Charts.image(figure(true), new FigureSize(800, 360));
        Path out = ChartsTest.snapshots().resolve("golden-chart-panels.png");
        ImageIO.write(now, "png", out.toFile());
        if (Boolean.getBoolean("twinlab.golden.update")) {
            Path src = Path.of("src/test/resources", GOLDEN);
            Files.createDirectories(src.getParent());
            ImageIO.write(now, "png", src.toFile());
        }
        BufferedImage golden;
        try (InputStream in = GoldenChartTest.class.getClassLoader().getResourceAsStream(GOLDEN)) {
            assertNotNull(in, GOLDEN + " is missing: run with -Dtwinlab.golden.update=true to make it");
            golden = ImageIO.read(in);
        }
        assertTrue(golden.getWidth() == now.getWidth() && golden.getHeight() == now.getHeight(), "size changed");
        double[] d = difference(now, golden);
        assertTrue(d[0] <= SHARE && d[1] <= MEAN, String.format(Locale.ROOT,
                "%.3f%% of the pixels differ from %s by more than 64 (at most %.1f%%), mean difference %.2f (at most %.1f); "
                        + "the drawing is in %s", 100 * d[0], GOLDEN, 100 * SHARE, d[1], MEAN, out));
    }

    /** The check can fail: the same figure without its redundancy curve is told apart. */
    @Test
    void aMissingCurveIsNotWithinTheTolerance() {
        BufferedImage full = Charts.image(figure(true), new FigureSize(800, 360));
        BufferedImage less = Charts.image(figure(false), new FigureSize(800, 360));
        double[] d = difference(full, less);
        assertTrue(!(d[0] <= SHARE && d[1] <= MEAN), "a missing curve passes: " + d[0] + ", " + d[1]);
    }

    /** The share of pixels that differ by more than 64 in a channel, and the mean difference per channel. */
    static double[] difference(BufferedImage now, BufferedImage golden) {
        long differing = 0;
        double sum = 0;
        for (int y = 0; y < now.getHeight(); y++) {
            for (int x = 0; x < now.getWidth(); x++) {
                int a = now.getRGB(x, y);
                int b = golden.getRGB(x, y);
                int dmax = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    int diff = Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff));
                    dmax = Math.max(dmax, diff);
                    sum += diff;
                }
                if (dmax > 64) {
                    differing++;
                }
            }
        }
        double pixels = (double) now.getWidth() * now.getHeight();
        return new double[] {differing / pixels, sum / (3 * pixels)};
    }
}
