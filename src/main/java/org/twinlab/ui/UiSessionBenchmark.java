package org.twinlab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.twinlab.train.ResidentMemory;
import org.twinlab.train.TrainConfig;

/**
 * {@code twinlab bench-ui --runs N [--steps S]}: a lecturer's session, scripted. The window starts N runs
 * of the default configuration on the sample one after another (each cut to S steps so the session takes
 * minutes), as Start would, and prints after each the resident memory of the whole process, and the time
 * from Start to the first step. Ends with run N against run 3 (the first two warm the JIT and allocator).
 */
public final class UiSessionBenchmark extends Application {
    static volatile UiBenchmark.Options options;

    @Override
    public void start(Stage stage) throws Exception {
        Path runs = Files.createTempDirectory("twinlab-bench-session");
        WorkbenchViewModel vm = new WorkbenchViewModel(runs);
        WorkbenchApp.show(stage, vm);
        Thread t = new Thread(() -> {
            try {
                session(vm, options);
            } catch (Exception e) {
                System.err.println("bench-ui: the session stopped: " + e);
            } finally {
                Platform.runLater(() -> {
                    vm.shutdown();
                    Platform.exit();
                });
            }
        }, "bench-ui-session");
        t.setDaemon(true);
        t.start();
    }

    private static void session(WorkbenchViewModel vm, UiBenchmark.Options o) throws Exception {
        CountDownLatch loaded = new CountDownLatch(1);
        Platform.runLater(() -> {
            if (vm.datasetProperty().get() != null) {
                loaded.countDown();
            } else {
                vm.datasetProperty().addListener(x -> loaded.countDown());
            }
        });
        if (!loaded.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the sample did not load in 60 s");
        }
        TrainConfig.Builder b = UiBenchmark.fx(vm::config).toBuilder();
        b.steps = o.steps();
        TrainConfig cfg = b.build();
        System.out.printf(Locale.ROOT, "session: %d runs of the default configuration on %s, %d steps each; "
                + "resident memory before the first: %.0f MB%n", o.runs(), cfg.dataset(), cfg.steps(), ResidentMemory.megabytes());
        List<Double> rss = new ArrayList<>();
        List<Double> firstStep = new ArrayList<>();
        for (int run = 1; run <= o.runs(); run++) {
            CountDownLatch finished = new CountDownLatch(1);
            long t0 = UiBenchmark.fx(() -> {
                vm.runningProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends Boolean> v, Boolean was, Boolean now) {
                        if (!now) {
                            v.removeListener(this);
                            finished.countDown();
                        }
                    }
                });
                vm.apply(cfg);
                long t = System.nanoTime();
                vm.start();
                return t;
            });
            // the first step is in the live series as soon as the training thread publishes it
            while (vm.live().elapsed.size() == 0 && finished.getCount() > 0) {
                Thread.sleep(2);
            }
            double toFirst = (System.nanoTime() - t0) / 1e6;
            if (!finished.await(20, TimeUnit.MINUTES)) {
                throw new IllegalStateException("run " + run + " did not finish");
            }
            // as a lecturer would: the finished run stays on screen a moment before the next Start
            Thread.sleep(1000);
            UiBenchmark.fx(() -> null);
            double mb = ResidentMemory.megabytes();
            rss.add(mb);
            firstStep.add(toFirst);
            System.out.printf(Locale.ROOT, "run %2d: Start -> first step %.0f ms; resident after the run %.0f MB%n",
                    run, toFirst, mb);
        }
        if (rss.size() >= 3) {
            double r3 = rss.get(2);
            double rn = rss.get(rss.size() - 1);
            double median = firstStep.stream().sorted().toList().get(firstStep.size() / 2);
            System.out.printf(Locale.ROOT, "resident after run 3: %.0f MB, after run %d: %.0f MB (%+.1f%%), peak after a run %.0f MB; "
                    + "Start -> first step: first run %.0f ms, median %.0f ms%n", r3, rss.size(), rn, 100 * (rn - r3) / r3,
                    rss.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), firstStep.get(0), median);
        }
    }
}
