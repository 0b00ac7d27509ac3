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
import javafx.stage.Stage;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.train.RunControl;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.StepTimer;
import org.twinlab.train.TrainingLoop;
import org.twinlab.train.TrainingEvent;

/**
 * {@code ./twinlab bench-ui}: what the window costs. (1) A full heatmap redraw of a 1024-wide C
 * (colour mapping into the PixelBuffer and its update, on the FX thread), averaged over 200 after a
 * warm-up. (2) A redraw of the loss plot holding 100,000 points per curve. (3) Training pairs per
 * second with the window open and rendering, with the gaps between FX pulses meanwhile, against the
 * same run headless (run folder and checkpoints included, as `./twinlab train` does), alternating
 * twice. Fixed seeds; the default configuration on the built-in sample. A {@link WakeupProbe} runs through
 * each phase, headless ones included, so the pulse gaps can be read against the scheduling delays the
 * machine gives a thread that does nothing.
 */
public final class UiBenchmark extends Application {
    private static final int WARMUP_STEPS = 10;
    private static final int TIMED_STEPS = 60;
    private static final long IDLE_MILLIS = 15_000;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** bench-ui's flags: none, the default benchmark; {@code --runs N [--steps S]}, the scripted session. */
    public record Options(int runs, int steps) {
        public static final String USAGE = """
                Usage: twinlab bench-ui [--runs N [--steps S]]
                What the window costs (needs a display).
                  (no flags)    heatmap and loss-plot redraws, training with the window open against headless
                  --runs N      a scripted session: N default runs on the sample one after another, each
                                followed by the process's resident memory and Start -> first step
                  --steps S     steps per run of the session (default 62, two epochs of the sample)
                  -h, --help    this text
                """;

        public static boolean helpAsked(String[] args) {
            return java.util.Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("--help"));
        }

        /** The flags, or an IllegalArgumentException naming the one that is wrong. */
        public static Options parse(String[] args) {
            int runs = 0;
            int steps = 62;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!(a.equals("--runs") || a.equals("--steps"))) {
                    throw new IllegalArgumentException("bench-ui: unknown flag " + a + " (twinlab bench-ui --help lists them)");
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("bench-ui: " + a + " needs a number");
                }
                int v;
                try {
                    v = Integer.parseInt(args[++i]);
                } catch (NumberFormatException e) {
                    v = 0;
                }
                if (v < 1) {
                    throw new IllegalArgumentException("bench-ui: " + a + " must be a whole number of at least 1, not " + args[i]);
                }
                if (a.equals("--runs")) {
                    runs = v;
                } else {
                    steps = v;
                }
            }
            return new Options(runs, steps);
        }
    }

    public static void main(String[] args) {
        Options o = Options.parse(args);
        if (o.runs() > 0) {
            UiSessionBenchmark.options = o;
            launch(UiSessionBenchmark.class);
        } else {
            launch(UiBenchmark.class);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        Path runs = Files.createTempDirectory("twinlab-bench-ui");
        WorkbenchViewModel vm = new WorkbenchViewModel(runs);
        WorkbenchView view = WorkbenchApp.show(stage, vm);
        Thread t = new Thread(() -> {
            try {
                run(vm, view, runs);
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

    private void run(WorkbenchViewModel vm, WorkbenchView view, Path runs) throws Exception {
        // 1. heatmap redraw, 1024 x 1024
        float[] values = new float[1024 * 1024];
        SplittableRandom rnd = new SplittableRandom(0);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        // wall time, and the FX thread's own CPU time (which a busy machine's other processes do not inflate)
        double[] redrawMs = fx(() -> {
            for (int i = 0; i < 50; i++) {
                view.heatmap.draw(values, 1024);
            }
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < 200; i++) {
                view.heatmap.draw(values, 1024);
            }
            return new double[] {(System.nanoTime() - t0) / 200 / 1e6, (CPU.getCurrentThreadCpuTime() - c0) / 200 / 1e6};
        });
        System.out.printf(Locale.ROOT, "heatmap 1024x1024 full redraw (map + PixelBuffer update, FX thread): %.2f ms "
                + "(FX thread CPU %.2f ms)%n", redrawMs[0], redrawMs[1]);

        // 2. the loss curves with 100,000 points (decimated per pixel column, no node per point)
        LiveRun synthetic = new LiveRun();
        synthetic.onEvent(new TrainingEvent.Started(TrainConfig.defaults(), "CPU", 0, 100_000, 31, 0, null,
                org.twinlab.model.BarlowTwinsLoss.standard().terms()));
        for (int i = 1; i <= 100_000; i++) {
            double l = 100 * Math.exp(-i / 20000.0) + 5 * rnd.nextDouble();
            synthetic.onEvent(new TrainingEvent.Step(i, i / 31.0, l, new double[] {0.7 * l, 0.3 * l}, 0.0051, 1e-3, 1000,
                    i, 0, 0));
        }
        double[] curveMs = fx(() -> {
            view.loss.setRun(synthetic);
            for (int i = 0; i < 20; i++) {
                view.loss.redraw();
            }
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < 50; i++) {
                view.loss.redraw();
            }
            return new double[] {(System.nanoTime() - t0) / 50 / 1e6, (CPU.getCurrentThreadCpuTime() - c0) / 50 / 1e6};
        });
        System.out.printf(Locale.ROOT, "loss plot with 100,000 points x 3 curves, smoothed, full redraw (FX thread): %.2f ms "
                + "(FX thread CPU %.2f ms)%n", curveMs[0], curveMs[1]);

        // 3. training with the window open
        CountDownLatch loaded = new CountDownLatch(1);
        Platform.runLater(() -> {
            if (vm.datasetProperty().get() != null) {
                loaded.countDown();
            } else {
                vm.datasetProperty().addListener(o -> loaded.countDown());
            }
        });
        loaded.await(60, TimeUnit.SECONDS);
        // the window alone, no run: the gaps this machine's display and toolkit give by themselves
        fx(() -> {
            view.pulses().reset();
            return null;
        });
        WakeupProbe idleProbe = new WakeupProbe();
        Thread.sleep(IDLE_MILLIS);
        idleProbe.close();
        double[] idle = fx(() -> new double[] {view.pulses().pulses(), view.pulses().maxGapMillis(),
            view.pulses().percentileMillis(0.99), view.pulses().gapsOver(50)});
        System.out.printf(Locale.ROOT, "window open, no run, %d s: FX pulses: %d, longest gap %.1f ms, 99th percentile %.1f ms, "
                + "%d gaps over 50 ms; %s%n", IDLE_MILLIS / 1000, (long) idle[0], idle[1], idle[2], (long) idle[3], idleProbe);
        // alternate headless and window runs so neither gains from going second (JIT, allocator, caches)
        TrainConfig cfg = fx(vm::config).toBuilder().build();
        TrainConfig.Builder b = cfg.toBuilder();
        b.epochs = (double) (WARMUP_STEPS + TIMED_STEPS + 2) / cfg.stepsPerEpoch(fx(vm.datasetProperty()::get));
        b.probeEvery = 0;
        TrainConfig timed = b.build();
        double[] headless = new double[2];
        double[][] window = new double[2][];
        for (int round = 0; round < 2; round++) {
            // the probe runs through both: its lateness headless shows what the machine does to any thread while libtorch trains
            WakeupProbe headlessProbe = new WakeupProbe();
            headless[round] = headless(timed, runs);
            headlessProbe.close();
            fx(() -> {
                vm.apply(timed);
                vm.start();
                return null;
            });
            WakeupProbe windowProbe = new WakeupProbe();
            window[round] = time(vm, view);
            windowProbe.close();
            System.out.printf(Locale.ROOT, "round %d: headless %.0f pairs/s, window open %.0f pairs/s; FX pulses: %d, longest gap "
                    + "%.1f ms, 99th percentile %.1f ms, %d gaps over 50 ms; longest redraw by the window %.1f ms%n", round + 1,
                    headless[round], window[round][0], (long) window[round][2], window[round][1], window[round][3],
                    (long) window[round][4], window[round][5]);
            System.out.printf(Locale.ROOT, "         headless run: %s%n         window run:   %s%n", headlessProbe, windowProbe);
        }
        Path shot = Path.of(System.getProperty("twinlab.benchShot", "target/bench-ui.png"));
        fx(() -> {
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(view.getScene().snapshot(null), null),
                    "png", shot.toFile());
            return null;
        });
        double h = (headless[0] + headless[1]) / 2;
        double w = (window[0][0] + window[1][0]) / 2;
        System.out.printf(Locale.ROOT, "mean: headless %.0f pairs/s, window open %.0f pairs/s = %.1f%% of headless (window saved to %s)%n",
                h, w, 100 * w / h, shot);
    }

    /** The same run as `./twinlab train` makes it: run folder, recorder, checkpoints; no window. */
    private static double headless(TrainConfig cfg, Path runs) throws java.io.IOException {
        StepTimer timer = new StepTimer(WARMUP_STEPS, WARMUP_STEPS + TIMED_STEPS);
        org.twinlab.runs.RunSession.create(runs, cfg, "twinlab bench-ui").probes(false).listener(timer).run();
        return timer.pairsPerSecond(cfg.batchSize());
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
        int batch = fx(() -> vm.config().batchSize());
        return fx(() -> new double[] {TIMED_STEPS * batch / seconds, view.pulses().maxGapMillis(), view.pulses().pulses(),
            view.pulses().percentileMillis(0.99), view.pulses().gapsOver(50), view.pulses().maxWorkMillis()});
    }

    static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
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
