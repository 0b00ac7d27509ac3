package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.twinlab.eval.ProbeResult;
import org.twinlab.export.chart.Box;
import org.twinlab.export.chart.Frame;
import org.twinlab.export.chart.Layout;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;

/**
 * The live plots read from the back of a room: at every canvas size a panel gets (300 x 150 up to
 * 900 x 600) and at the window's and the presenter's type sizes (12, 16.6 and 22 px: 13, 18 and 24 px
 * type), no text of a plot overlaps another or leaves the canvas, and the plot area keeps 40% of it. The
 * bounds are the chart model's own layout, measured with the canvas's font; PNGs of a few go to
 * target/snapshots.
 */
class PlotLayoutTest {
    private static final double[] FONTS = {12, 12 * 18 / 13.0, 12 * 24 / 13.0};
    private static final int[][] SIZES = {{300, 150}, {360, 200}, {420, 160}, {480, 270}, {600, 220}, {640, 400},
        {900, 300}, {900, 600}};

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** A run of 3,000 steps with a lambda change at step 800 and one of the learning rate at 2,000, 12 snapshots, 6 probes. */
    private static LiveRun run(boolean collapsing) {
        LiveRun r = new LiveRun();
        TrainConfig cfg = TrainConfig.defaults();
        r.onEvent(new TrainingEvent.Started(cfg, "CPU", 0, 3000, 31, 0, null,
                org.twinlab.model.BarlowTwinsLoss.standard().terms()));
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int i = 1; i <= 3000; i++) {
            double l = 900 * Math.exp(-i / 500.0) + 40 + 5 * rnd.nextDouble();
            r.onEvent(new TrainingEvent.Step(i, i / 31.0, l, new double[] {0.7 * l, 0.3 * l}, 0.0051, 1e-3, 1000, i, 0, 0));
            if (i == 800) {
                r.onEvent(new TrainingEvent.LiveChange(i, Settings.LAMBDA.key(), 0.05));
            }
            if (i == 2000) {
                r.onEvent(new TrainingEvent.LiveChange(i, Settings.LEARNING_RATE.key(), 3e-4));
            }
            if (i % 250 == 0) {
                double rank = collapsing ? Math.max(1.2, 60 - i / 50.0) : 5 + i / 30.0;
                r.onEvent(new TrainingEvent.Correlation(i, 8, 8, 1, new float[64], 0, 0, 0, new float[0], 0.5, 0.2,
                        new int[40], new int[40], rank, collapsing ? 0.05 : 0.6));
            }
            if (i % 500 == 0) {
                r.onEvent(new TrainingEvent.Probe(new ProbeResult(ProbeResult.TRAINED, i, i / 31.0, 0.6 + i / 15000.0, 0.9,
                        0.58 + i / 16000.0, 1)));
            }
        }
        r.onEvent(new TrainingEvent.Probe(new ProbeResult(ProbeResult.PIXELS, 0, 0, 0.771, 0.9, 0.76, 1)));
        r.onEvent(new TrainingEvent.Probe(new ProbeResult(ProbeResult.RANDOM, 0, 0, 0.713, 0.9, 0.70, 1)));
        int n = 500;
        float[] x = new float[n];
        float[] y = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            x[i] = (float) (labels[i] * 0.8 + rnd.nextGaussian() * 0.3);
            y[i] = (float) (Math.sin(labels[i]) * 2 + rnd.nextGaussian() * 0.3);
        }
        r.onEvent(new TrainingEvent.Embedding(3000, x, y, labels, List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
                "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")));
        return r;
    }

    private record Case(String name, Supplier<PlotCanvas> make) {
    }

    private static List<Case> plots() {
        LiveRun healthy = run(false);
        LiveRun collapsing = run(true);
        return List.of(
                new Case("loss", () -> {
                    LossPlot p = new LossPlot();
                    p.setRun(healthy);
                    return p;
                }),
                new Case("rate", () -> {
                    RatePlot p = new RatePlot();
                    p.setRun(healthy);
                    return p;
                }),
                new Case("probe", () -> {
                    ProbePlot p = new ProbePlot();
                    p.setResults(List.copyOf(healthy.probes), 3000 / 31.0);
                    return p;
                }),
                new Case("scatter", () -> {
                    ScatterPlot p = new ScatterPlot();
                    p.setEmbedding(healthy.embedding.get());
                    return p;
                }),
                new Case("gauge", () -> {
                    GaugePlot p = new GaugePlot("effective rank", r -> r.effectiveRank, true);
                    p.setRun(collapsing);
                    return p;
                }));
    }

    /**
     * Whether a panel of this size is shown at this type size: the full-HD presenter type (22 px) comes
     * with a window 1.5 times as large, so its panels are 420 x 220 or more; the smaller types go down to 300 x 150.
     */
    private static boolean presented(double font, int[] size) {
        return font < 20 || (size[0] >= 420 && size[1] >= 220);
    }

    private static Layout drawAt(PlotCanvas p, double font, int w, int h) {
        p.setFontSize(font);
        p.resize(w, h);
        p.layout();
        p.redraw();
        return p.lastLayout();
    }

    @Test
    void everyLivePlotKeepsItsTextsApartAndItsPlotAreaAtEveryPanelSize() throws Exception {
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new ArrayList<>();
            for (Case c : plots()) {
                PlotCanvas p = c.make().get();
                for (double font : FONTS) {
                    for (int[] s : SIZES) {
                        if (!presented(font, s)) {
                            continue;
                        }
                        Layout l = drawAt(p, font, s[0], s[1]);
                        for (String problem : l.problems(Frame.MIN_PLOT_SHARE)) {
                            out.add(String.format(Locale.ROOT, "%s at %dx%d, %.1f px: %s", c.name(), s[0], s[1], font, problem));
                        }
                    }
                }
            }
            return out;
        }).get(60, TimeUnit.SECONDS);
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void theLossLegendAndTheLambdaMarkStayOffTheCurves() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            LossPlot p = new LossPlot();
            p.setRun(run(false));
            for (double font : FONTS) {
                for (int[] s : SIZES) {
                    if (!presented(font, s)) {
                        continue;
                    }
                    Layout l = drawAt(p, font, s[0], s[1]);
                    Box plot = l.plot();
                    String where = s[0] + "x" + s[1] + " at " + font + " px";
                    for (Layout.Placed t : l.texts()) {
                        if (t.text().startsWith("\u03bb") || t.text().equals("total") || t.text().equals("invariance")) {
                            assertTrue(!t.box().overlaps(plot), where + ": '" + t.text() + "' lies on the data " + t.box());
                        }
                    }
                    assertEquals(2, p.lastMarks(), where);
                    // the smallest panel cannot spare a row for it: the dashed line stays, the label goes
                    assertTrue(s[1] < 200 || l.texts().stream().anyMatch(t -> t.text().startsWith("\u03bb \u2192 0.05")),
                            where + ": the lambda change is labelled");
                }
            }
            // a click on the legend folds it into one row, and the plot grows
            drawAt(p, FONTS[1], 480, 270);
            double before = p.lastLayout().plotShare();
            p.setLegendFolded(true);
            assertEquals(Frame.LegendPlace.COLLAPSED, p.lastFrame().legendPlace());
            assertTrue(p.lastLayout().plotShare() >= before - 1e-9, "folding the legend never shrinks the plot");
            return null;
        }).get(60, TimeUnit.SECONDS);
    }

    @Test
    void gaugeTicksNeverRunTogether() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            GaugePlot p = new GaugePlot("effective rank", r -> r.effectiveRank, true);
            p.setRun(run(true));
            for (int w = 80; w <= 260; w += 20) {
                Layout l = drawAt(p, FONTS[1] * 11 / 12, w, 120);
                assertTrue(l.problems(0).isEmpty(), w + " px: " + l.problems(0));
                assertTrue(p.lastFrame().xTicks().length >= 1 && p.lastFrame().yTicks().length >= 1, w + " px: " + l.texts());
            }
            return null;
        }).get(60, TimeUnit.SECONDS);
    }

    @Test
    void snapshotsOfTheLivePlots() throws Exception {
        Files.createDirectories(WindowTests.SNAPSHOTS);
        for (Case c : plots()) {
            for (int[] s : new int[][] {{300, 150}, {480, 270}, {900, 300}}) {
                WritableImage img = WaitForAsyncUtils.asyncFx(() -> {
                    PlotCanvas p = c.make().get();
                    drawAt(p, FONTS[1], s[0], s[1]);
                    javafx.scene.layout.StackPane pane = new javafx.scene.layout.StackPane(p);
                    pane.setStyle("-fx-background-color: white;");
                    new javafx.scene.Scene(pane, s[0], s[1]);
                    pane.layout();
                    return pane.snapshot(null, null);
                }).get(30, TimeUnit.SECONDS);
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png",
                        WindowTests.SNAPSHOTS.resolve("plot-" + c.name() + "-" + s[0] + "x" + s[1] + ".png").toFile());
            }
        }
    }
}
