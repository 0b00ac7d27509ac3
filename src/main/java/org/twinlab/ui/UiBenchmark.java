package org.twinlab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.train.RunControl;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.Trainer;
import org.twinlab.train.TrainingEvent;

/**
 * {@code ./twinlab bench-ui}: what the window costs. (1) A full heatmap redraw of a 1024-wide C
 * (colour mapping into the PixelBuffer and its update, on the FX thread), averaged over 200 after a
 * warm-up. (2) Training pairs per second with the window open and rendering, and the longest gap
 * between FX pulses meanwhile, against the same run headless. Fixed seeds; default configuration.
 */
public final class UiBenchmark extends Application {
    private static final int WARMUP_STEPS = 10;
    private static final int TIMED_STEPS = 60;

    public static void main(String[] args) {
        launch(UiBenchmark.class, args);
    }

    @Override
    public void start(Stage stage) throws Exception {
        Path runs = Files.createTempDirectory("twinlab-bench-ui");
        WorkbenchViewModel vm = new WorkbenchViewModel(runs);
        Scene scene = WorkbenchApp.createScene(vm);
        WorkbenchView view = (WorkbenchView) scene.getRoot();
        stage.setScene(scene);
        stage.show();
        Thread t = new Thread(() -> {
            try {
                run(vm, view);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.runLater(() -> {
                    vm.shutdown();
                    Platform.exit();
                });
            }
        }, "bench-ui");
        t.setDaemon(true);
        t.start();
    }

    private void run(WorkbenchViewModel vm, WorkbenchView view) throws Exception {
        // 1. heatmap redraw, 1024 x 1024
        float[] values = new float[1024 * 1024];
        SplittableRandom rnd = new SplittableRandom(0);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        double redrawMs = fx(() -> {
            for (int i = 0; i < 50; i++) {
                view.heatmap.draw(values, 1024);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                view.heatmap.draw(values, 1024);
            }
            return (System.nanoTime() - t0) / 200 / 1e6;
        });
        System.out.printf(Locale.ROOT, "heatmap 1024x1024 full redraw (map + PixelBuffer update, FX thread): %.2f ms%n", redrawMs);

        // 2. training with the window open
        CountDownLatch loaded = new CountDownLatch(1);
        Platform.runLater(() -> {
            if (vm.datasetProperty().get() != null) {
                loaded.countDown();
            } else {
                vm.datasetProperty().addListener(o -> loaded.countDown());
            }
        });
        loaded.await(60, TimeUnit.SECONDS);
        int spe = 8000 / 256;
        double epochs = (double) (WARMUP_STEPS + TIMED_STEPS + 2) / spe;
        fx(() -> {
            vm.epochs.set(String.format(Locale.ROOT, "%.4f", epochs));
            vm.probeEvery.set("0");
            return null;
        });
        fx(() -> {
            vm.start();
            return null;
        });
        double[] window = time(vm, view);
        Path shot = Path.of(System.getProperty("twinlab.benchShot", "target/bench-ui.png"));
        fx(() -> {
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(view.getScene().snapshot(null), null),
                    "png", shot.toFile());
            return null;
        });
        System.out.println("window after the run: " + shot);
        System.out.printf(Locale.ROOT, "window open:  %.0f pairs/s (steps %d-%d), longest gap between FX pulses %.1f ms over %d pulses%n",
                window[0], WARMUP_STEPS, WARMUP_STEPS + TIMED_STEPS, window[1], (long) window[2]);

        // 3. the same run headless
        TrainConfig cfg = fx(vm::config);
        double[] timing = new double[2];
        new Trainer(cfg, DatasetCatalog.open(cfg.dataset()), new RunControl()).probes(false).listener(e -> {
            if (e instanceof TrainingEvent.Step s) {
                if (s.step() == WARMUP_STEPS) {
                    timing[0] = s.elapsedSeconds();
                } else if (s.step() == WARMUP_STEPS + TIMED_STEPS) {
                    timing[1] = s.elapsedSeconds();
                }
            }
        }).run();
        double headless = TIMED_STEPS * 256 / (timing[1] - timing[0]);
        System.out.printf(Locale.ROOT, "headless:     %.0f pairs/s; window/headless = %.1f%%%n", headless, 100 * window[0] / headless);
    }

    /** Pairs per second between the warm-up and the last timed step, the longest pulse gap meanwhile, pulses. */
    private static double[] time(WorkbenchViewModel vm, WorkbenchView view) throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        fx(() -> {
            view.pulses().reset();
            vm.runningProperty().addListener((o, was, now) -> {
                if (!now) {
                    finished.countDown();
                }
            });
            return null;
        });
        if (!finished.await(20, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the window's run did not finish");
        }
        MetricSeries.View elapsed = vm.live().elapsed.view();
        double seconds = elapsed.get(WARMUP_STEPS + TIMED_STEPS - 1) - elapsed.get(WARMUP_STEPS - 1);
        return fx(() -> new double[] {TIMED_STEPS * 256 / seconds, view.pulses().maxGapMillis(), view.pulses().pulses()});
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }
}
