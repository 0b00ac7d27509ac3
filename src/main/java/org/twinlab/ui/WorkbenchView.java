package org.twinlab.ui;

import java.io.File;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.NotificationPane;
import org.twinlab.train.TrainingEvent;

/**
 * The workbench window's content: toolbar, configuration on the left, the four live panels (C, loss,
 * probe accuracy, embeddings) and the status bar. An AnimationTimer is its clock: on each pulse it
 * looks at the run's version and redraws what changed, so the training loop never posts to the FX
 * thread and a fast loop cannot flood it.
 */
public final class WorkbenchView extends StackPane {
    private final WorkbenchViewModel vm;
    final ConfigView config;
    final HeatmapView heatmap = new HeatmapView();
    final LossPlot loss = new LossPlot();
    final RatePlot rate = new RatePlot();
    final ProbePlot probe = new ProbePlot();
    final ScatterPlot scatter = new ScatterPlot();
    final Button start = new Button("Start");
    final Button pause = new Button("Pause");
    final Button step = new Button("Step");
    final Button stop = new Button("Stop");
    final Button reset = new Button("Reset");
    final Label blocked = new Label();
    final ToggleButton presenter = new ToggleButton("Presenter");
    final NotificationPane notifications;
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label("ready");
    private final Label speed = new Label("");
    private final Label stepText = new Label("");
    private final Label device = new Label("CPU");
    private final Label folder = new Label("");
    private final Label memory = new Label("");
    /**
     * 10 redraws a second: curves still move smoothly, and with a software renderer on a 2-core laptop
     * each full-window frame costs the training threads CPU (30 a second cost 3x as much for nothing).
     */
    private static final long REDRAW_NANOS = 100_000_000L;
    private final PulseMonitor pulses = new PulseMonitor();
    private long seenVersion = -1;
    private LiveRun seenRun;
    private TrainingEvent.Correlation seenCorrelation;
    private TrainingEvent.Embedding seenEmbedding;
    private int seenProbes;
    private long lastPlotNanos;

    public WorkbenchView(WorkbenchViewModel vm) {
        this.vm = vm;
        this.config = new ConfigView(vm);
        BorderPane root = new BorderPane();
        root.setTop(toolbar());
        root.setLeft(config);
        root.setCenter(panels());
        root.setBottom(statusBar());
        notifications = new NotificationPane(root);
        notifications.setShowFromTop(true);
        getChildren().add(notifications);
        getStyleClass().add("workbench");
        vm.notice.addListener((o, a, b) -> {
            if (b != null && !b.isBlank()) {
                notifications.show(b);
                vm.notice.set(null);
            }
        });
        heatmap.setOnRegionChange((r, c) -> vm.service().control().setRegion(r, c));
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.pulse(now);
                long t0 = System.nanoTime();
                refresh(now);
                pulses.work(System.nanoTime() - t0);
            }
        }.start();
    }

    private ToolBar toolbar() {
        Label brand = new Label("Twinlab");
        brand.getStyleClass().add("brand");
        start.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        start.setOnAction(e -> {
            notifications.hide();
            vm.start();
        });
        start.disableProperty().bind(vm.canStart().not());
        start.setTooltip(new Tooltip("Start a run (Ctrl+Enter)"));
        pause.textProperty().bind(javafx.beans.binding.Bindings.when(vm.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.setOnAction(e -> vm.togglePause());
        pause.disableProperty().bind(vm.runningProperty().not());
        pause.setTooltip(new Tooltip("Pause or resume (Space)"));
        step.setOnAction(e -> vm.step());
        step.disableProperty().bind(vm.runningProperty().not());
        step.setTooltip(new Tooltip("One step, then pause (Ctrl+Right)"));
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setTooltip(new Tooltip("Stop; the run folder and its checkpoint are kept (Esc)"));
        reset.setOnAction(e -> vm.resetToDefaults());
        reset.disableProperty().bind(vm.runningProperty());
        reset.setTooltip(new Tooltip("Reset every setting to its default"));
        Button save = new Button("Save settings\u2026");
        save.setOnAction(e -> {
            File f = chooser().showSaveDialog(getScene().getWindow());
            if (f != null) {
                vm.saveSettings(f.toPath());
            }
        });
        Button open = new Button("Open settings\u2026");
        open.setOnAction(e -> {
            File f = chooser().showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.openSettings(f.toPath());
            }
        });
        open.disableProperty().bind(vm.runningProperty());
        presenter.setTooltip(new Tooltip("Larger type for a projector (Ctrl+Plus)"));
        presenter.selectedProperty().addListener((o, a, on) -> presenterZoom(on));
        // why Start is disabled; a going run is no problem to report
        blocked.textProperty().bind(javafx.beans.binding.Bindings.when(vm.runningProperty()).then("")
                .otherwise(vm.startBlockedReason()));
        blocked.getStyleClass().add("blocked");
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(brand, new Separator(), start, pause, step, stop, new Separator(), reset, save, open,
                blocked, spacer, presenter);
    }

    private FileChooser chooser() {
        FileChooser ch = new FileChooser();
        ch.setInitialFileName("config.json");
        ch.getExtensionFilters().add(new FileChooser.ExtensionFilter("Twinlab settings", "*.json"));
        return ch;
    }

    private GridPane panels() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(8));
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setPercentWidth(50);
        ColumnConstraints c2 = new ColumnConstraints();
        c2.setPercentWidth(50);
        g.getColumnConstraints().addAll(c1, c2);
        RowConstraints r1 = new RowConstraints();
        r1.setPercentHeight(55);
        RowConstraints r2 = new RowConstraints();
        r2.setPercentHeight(45);
        g.getRowConstraints().addAll(r1, r2);
        g.add(heatmap, 0, 0);
        g.add(lossPanel(), 1, 0);
        g.add(panel("Probe accuracy (top-1 %, test split)", probe), 0, 1);
        g.add(panel("Embeddings: PCA of the test set, by class", scatter), 1, 1);
        return g;
    }

    private VBox lossPanel() {
        CheckBox log = new CheckBox("log scale");
        log.setSelected(true);
        log.selectedProperty().addListener((o, a, b) -> loss.setLog(b));
        Slider smoothing = new Slider(0, 0.99, 0.6);
        smoothing.valueProperty().addListener((o, a, b) -> loss.setSmoothing(b.doubleValue()));
        HBox tools = new HBox(8, log, new Label("smoothing"), smoothing);
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox box = panel("Loss: total, invariance, \u03bb \u00b7 redundancy", loss);
        rate.setPrefHeight(80);
        rate.setMinHeight(60);
        box.getChildren().addAll(tools, rate);
        return box;
    }

    private static VBox panel(String title, javafx.scene.Node content) {
        return Controls.panel(title, content);
    }

    private HBox statusBar() {
        progress.setPrefWidth(160);
        HBox bar = new HBox(14, progress, progressText, speed, stepText, device, memory, folder);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void presenterZoom(boolean on) {
        double size = on ? 18 : 13;
        setStyle("-fx-font-size: " + size + "px;");
        config.setPrefWidth(on ? 470 : 360); // the settings column keeps its labels readable
        for (PlotCanvas p : new PlotCanvas[] {loss, rate, probe, scatter}) {
            p.setFontSize(on ? 16 : 12);
        }
    }

    /** The clock: redraw what changed since the last pulse, at most 10 times a second. */
    private void refresh(long now) {
        LiveRun run = vm.live();
        if (run != seenRun) {
            seenRun = run;
            seenVersion = -1;
            seenProbes = 0;
            seenCorrelation = null;
            seenEmbedding = null;
            heatmap.clear();
            loss.setRun(run);
            rate.setRun(run);
            probe.setResults(java.util.List.of(), 1);
            scatter.setEmbedding(null);
        }
        long v = run.version();
        if (v == seenVersion || now - lastPlotNanos < REDRAW_NANOS) {
            return;
        }
        seenVersion = v;
        lastPlotNanos = now;
        TrainingEvent.Correlation c = run.correlation.get();
        if (c != null && c != seenCorrelation) {
            seenCorrelation = c;
            heatmap.show(c);
        }
        loss.redraw();
        rate.redraw();
        TrainingEvent.Started started = run.started.get();
        if (run.probes.size() != seenProbes) {
            seenProbes = run.probes.size();
            double epochs = started == null ? 1 : (double) started.totalSteps() / started.stepsPerEpoch();
            probe.setResults(run.probes(), epochs);
        }
        TrainingEvent.Embedding e = run.embedding.get();
        if (e != null && e != seenEmbedding) {
            seenEmbedding = e;
            scatter.setEmbedding(e);
        }
        status(run, started);
    }

    private void status(LiveRun run, TrainingEvent.Started started) {
        TrainingEvent.Step s = run.lastStep();
        TrainingEvent.State st = run.state.get();
        if (started != null) {
            device.setText(started.device());
            folder.setText(started.runFolder() == null ? "" : started.runFolder());
        }
        if (s != null && started != null) {
            double frac = (double) s.step() / started.totalSteps();
            progress.setProgress(frac);
            long eta = org.twinlab.train.Eta.seconds(started, s);
            progressText.setText(String.format(Locale.ROOT, "%.0f%%  ETA %d:%02d", 100 * frac, eta / 60, eta % 60));
            speed.setText(String.format(Locale.ROOT, "%.0f pairs/s", s.pairsPerSecond()));
            stepText.setText(String.format(Locale.ROOT, "step %d, epoch %.2f", s.step(), s.epoch()));
            memory.setText(Double.isNaN(s.residentMegabytes()) ? "" : String.format(Locale.ROOT, "%.0f MB", s.residentMegabytes()));
        } else if (started != null) {
            progressText.setText("probing the baselines\u2026");
        }
        if (st != null && st.state().isTerminal()) {
            progressText.setText(st.state().name().toLowerCase(Locale.ROOT) + " at step " + st.step());
        } else if (st != null && st.state() == org.twinlab.train.RunState.PAUSED) {
            progressText.setText("paused at step " + st.step());
        }
    }

    /** The gaps between FX pulses and the window's own redraw time, for the benchmark. */
    public PulseMonitor pulses() {
        return pulses;
    }
}
