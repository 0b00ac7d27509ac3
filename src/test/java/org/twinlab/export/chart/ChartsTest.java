package org.twinlab.export.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartsTest {
    static Path snapshots() throws Exception {
        Path dir = Path.of(System.getProperty("twinlab.snapshots", "target/snapshots"));
        Files.createDirectories(dir);
        return dir;
    }

    @Test
    void logTicksAreWholeDecadesOverManyDecadesAndOneThreeBelowTwo() {
        assertArrayEquals(new double[] {0.1, 1, 10, 100, 1000}, Ticks.log(0.3, 800, 8).ticks(), 1e-12);
        assertArrayEquals(new double[] {1, 3, 10, 30}, Ticks.log(1.2, 25, 8).ticks(), 1e-12);
        double[] many = Ticks.log(1e-6, 1e6, 5).ticks();
        assertTrue(many.length <= 5, java.util.Arrays.toString(many));
        assertEquals(1e-6, many[0], 1e-18);
        assertEquals("1e-4", Ticks.format(1e-4, 1e-4));
        assertEquals("0.003", Ticks.format(0.003, 0.003));
        assertEquals("30", Ticks.format(30, 30));
    }

    @Test
    void linearTicksStepByOneTwoOrFive() {
        Ticks.Range r = Ticks.linear(0.13, 0.87, 6);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, r.ticks(), 1e-12);
        assertArrayEquals(new String[] {"0", "0.2", "0.4", "0.6", "0.8", "1"}, Ticks.labels(r.ticks()));
    }

    @Test
    void figureSizeParsesAndRefusesInOneLine() {
        assertEquals(new FigureSize(1600, 1000), FigureSize.parse("1600x1000"));
        var e = assertThrows(IllegalArgumentException.class, () -> FigureSize.parse("big"));
        assertTrue(e.getMessage().contains("WIDTHxHEIGHT"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FigureSize.parse("10x10"));
    }

    @Test
    void everyChartDrawsAsPngAndSvg() throws Exception {
        int n = 400;
        double[] x = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            a[i] = 500 * Math.exp(-i / 60.0) + 2;
            b[i] = 80 * Math.exp(-i / 90.0) + 1;
        }
        Chart line = new LineChart("Loss").subtitle("log scale").axes("step", "loss").logY(true)
                .add(LineChart.Series.line("total", x, a)).add(LineChart.Series.line("invariance", x, b).dashed())
                .add(LineChart.Series.reference("reference", 5));
        float[] m = new float[32 * 32];
        for (int i = 0; i < 32; i++) {
            for (int j = 0; j < 32; j++) {
                m[i * 32 + j] = i == j ? 1f : (float) Math.sin(i * j) * 0.3f;
            }
        }
        m[1] = -1f;
        Chart heat = new Heatmap("C").matrix(m, 32, 32).axes("j", "i").subtitle("mean diagonal 1.00");
        double[] px = new double[300];
        double[] py = new double[300];
        int[] lab = new int[300];
        for (int i = 0; i < 300; i++) {
            lab[i] = i % 10;
            px[i] = lab[i] + Math.cos(i);
            py[i] = lab[i] * 0.5 + Math.sin(i * 7);
        }
        Chart scatter = new ScatterChart("PCA").axes("PC 1", "PC 2").points(px, py, lab,
                List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));
        Chart bars = new BarChart("Probe").axes(null, "top-1 (%)").categories(List.of("linear", "kNN"))
                .series("trained", new double[] {86.6, 86.0}, new double[] {0.4, 0.3}).series("pixels", new double[] {84.6, 85.7})
                .valueFormat("%.1f");
        double[] lambdas = {1e-4, 1e-3, 5.1e-3, 2e-2, 1e-1};
        Chart sweep = new LineChart("Sweep").axes("λ", "accuracy").logX(true).yRange(0, 1)
                .add(LineChart.Series.points("seed 0", lambdas, new double[] {0.6, 0.7, 0.8, 0.75, 0.5}))
                .add(LineChart.Series.points("seed 1", lambdas, new double[] {0.62, 0.71, 0.82, 0.74, 0.52}))
                .add(LineChart.Series.linePoints("mean", lambdas, new double[] {0.61, 0.705, 0.81, 0.745, 0.51}));
        Path dir = snapshots();
        FigureSize size = new FigureSize(1200, 750);
        String[] names = {"line", "heatmap", "scatter", "bars", "sweep"};
        Chart[] charts = {line, heat, scatter, bars, sweep};
        for (int i = 0; i < charts.length; i++) {
            Path png = dir.resolve("chart-" + names[i] + ".png");
            Charts.write(charts[i], png, size);
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(1200, img.getWidth());
            assertEquals(750, img.getHeight());
            String svg = Charts.svg(charts[i], size);
            assertTrue(svg.startsWith("<?xml") && svg.trim().endsWith("</svg>"), names[i]);
            Charts.write(charts[i], dir.resolve("chart-" + names[i] + ".svg"), size);
        }
        // the heatmap's colours are fixed: the diagonal (1) is deep red, C[0][1] = -1 deep blue
        BufferedImage img = Charts.image(new Heatmap(null).matrix(new float[] {1f, -1f, 0f, 1f}, 2, 2), new FigureSize(400, 400));
        assertEquals(Palette.diverging(1f) & 0xffffff, colourAtCell(img, 0, 0) & 0xffffff);
        assertEquals(Palette.diverging(-1f) & 0xffffff, colourAtCell(img, 0, 1) & 0xffffff);
    }

    /** The figures keep their texts apart and their plot area at every size, from a slide's thumbnail to 1600 x 1000. */
    @Test
    void figuresKeepTheirTextsApartAtEverySize() {
        int n = 200;
        double[] x = new double[n];
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            a[i] = 500 * Math.exp(-i / 60.0) + 2;
        }
        Chart line = new LineChart("Loss").subtitle("λ = 0.0051, smoothed").axes("step", "loss (log scale)").logY(true)
                .add(LineChart.Series.line("total", x, a)).add(LineChart.Series.line("invariance", x, a).dashed())
                .add(LineChart.Series.reference("random encoder (linear)", 5));
        Chart bars = new BarChart("Ablation").axes(null, "top-1 (%)").categories(List.of("baseline", "no BN", "λ = 0", "no projector"))
                .series("linear", new double[] {71.3, 71.2, 70.9, 71.0}).series("kNN", new double[] {71.2, 71.3, 70.8, 70.9})
                .series("lecture", new double[] {73.2, 71.1, 57.3, 61.3}).valueFormat("%.1f").yRange(0, 100);
        for (int[] size : new int[][] {{400, 250}, {640, 400}, {800, 500}, {1200, 750}, {1600, 1000}}) {
            for (Chart c : List.of(line, bars)) {
                Layout l = c.draw(new ImagePainter(new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB)), size[0], size[1]);
                assertTrue(l.problems(0.3).isEmpty(), size[0] + "x" + size[1] + ": " + l.problems(0.3));
            }
        }
    }

    /** Neighbouring bars of nearly equal value: their labels never run together ("71.371.2"). */
    @Test
    void barLabelsOfNeighboursStandApart() throws Exception {
        Chart bars = new BarChart("Ablation at a tiny budget").axes(null, "top-1 (%)")
                .categories(List.of("baseline", "no BN", "λ = 0", "no projector", "only invariance", "cosine"))
                .series("linear", new double[] {71.3, 71.2, 70.9, 71.0, 70.8, 71.1})
                .series("kNN", new double[] {71.2, 71.3, 70.8, 70.9, 71.0, 71.1})
                .series("the lecture", new double[] {73.2, 71.1, 57.3, 61.3, 57.3, 60.0}).valueFormat("%.1f");
        for (int w : new int[] {500, 800, 1200}) {
            BufferedImage img = new BufferedImage(w, w * 5 / 8, BufferedImage.TYPE_INT_RGB);
            Layout l = bars.draw(new ImagePainter(img), img.getWidth(), img.getHeight());
            long values = l.texts().stream().filter(t -> t.text().matches("\\d+\\.\\d")).count();
            assertEquals(18, values, "every bar has its label");
            assertTrue(l.problems(0).isEmpty(), w + ": " + l.problems(0));
        }
        Charts.write(bars, snapshots().resolve("chart-bars-tiny-budget.png"), new FigureSize(800, 500));
    }

    /** The colour in the middle of a cell of a 2x2 heatmap, found by scanning for its outlined square. */
    private static int colourAtCell(BufferedImage img, int row, int col) {
        int red = Palette.diverging(1f) & 0xffffff;
        int minX = img.getWidth();
        int minY = img.getHeight();
        int maxX = 0;
        int maxY = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth() / 2 + 60; x++) {
                if ((img.getRGB(x, y) & 0xffffff) == red) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        int cell = (maxX - minX + 1) / 2;
        return img.getRGB(minX + col * cell + cell / 2, minY + row * cell + cell / 2);
    }
}
