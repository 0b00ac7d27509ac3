package org.twinlab.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
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
import org.twinlab.lesson.Lesson;
import org.twinlab.lesson.LessonStep;
import org.twinlab.model.ObjectiveKind;
import org.twinlab.runs.RunFolder;
import org.twinlab.train.Preset;
import org.twinlab.train.RunState;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainingEvent;

/**
 * The workbench window's content: toolbar, configuration (or the lesson) on the left, the live panels
 * (C with its collapse gauges, loss, probe accuracy, embeddings; a lesson may add the views) and the
 * status bar. An AnimationTimer is its clock: on each pulse it looks at the run's version and redraws
 * what changed, so the training loop never posts to the FX thread and a fast loop cannot flood it.
 */
public final class WorkbenchView extends StackPane {
    private static final PseudoClass WAITING = PseudoClass.getPseudoClass("waiting");
    private final WorkbenchViewModel vm;
    final LessonViewModel lessons;
    final ConfigView config;
    final LessonView lessonView;
    final HeatmapView heatmap = new HeatmapView();
    final LossPlot loss = new LossPlot();
    final RatePlot rate = new RatePlot();
    final ProbePlot probe = new ProbePlot();
    final ScatterPlot scatter = new ScatterPlot();
    final ViewsPanel views;
    final Button start = new Button("Start");
    /** Race…: the form's run against one that differs (a dialog); its panels are the race board's. */
    final Button race = new Button("Race\u2026");
    final RaceBoard raceBoard = new RaceBoard();
    /** The race the panels show (null: a single run's panels). */
    private LiveRace shownRace;
    /** The last Race… dialog opened (tests fill it in). */
    RaceDialog raceDialog;
    final Button pause = new Button("Pause");
    final Button step = new Button("Step");
    final Button stop = new Button("Stop");
    final Button reset = new Button("Reset");
    final MenuButton file = new MenuButton("File");
    final MenuButton lessonMenu = new MenuButton("Lesson");
    final ToggleButton settingsShown = new ToggleButton("Settings");
    final Label blocked = new Label();
    final ToggleButton presenter = new ToggleButton("Presenter");
    final ToolBar toolbar;
    private final Separator runSeparator = new Separator();
    private final Separator toolSeparator = new Separator();
    final NoticeBar notifications = new NoticeBar();
    final HBox statusBar;
    private final BorderPane root = new BorderPane();
    private final GridPane grid = new GridPane();
    /** The panels by the names lesson files use. */
    final Map<String, Node> panels = new LinkedHashMap<>();
    private final Label lossFormula = new Label();
    /** The loss plot's log box: unticked and disabled while the chart must be linear (a loss at 0 or below). */
    final CheckBox logScale = new CheckBox("log scale");
    /** The panel that fills the stage in focus mode (null: the usual layout). */
    private Node focused;
    /** The panels on screen, in order: keys 1-5 name them. */
    private List<Node> shownPanels = List.of();
    private final Label smoothingValue = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    final Label progressText = new Label("ready");
    private final Label speed = new Label("");
    final Label stepText = new Label("");
    private final Label device = new Label("CPU");
    final Label runName = new Label("");
    private final Label memory = new Label("");
    /** The keyboard shortcuts: the tooltips are written from the same combinations, so they cannot disagree. */
    final Map<KeyCodeCombination, ButtonBase> shortcuts = new LinkedHashMap<>();
    /**
     * 10 redraws a second: curves still move smoothly, and with a software renderer on a 2-core laptop
     * each full-window frame costs the training threads CPU (30 a second cost 3x as much for nothing).
     */
    private static final long REDRAW_NANOS = 100_000_000L;
    private final PulseMonitor pulses = new PulseMonitor();
    /** The status bar's words, computed on the clock (tested without a window). */
    final StatusBarModel status = new StatusBarModel();
    private long seenVersion = -1;
    private LiveRun seenRun;
    private TrainingEvent.Correlation seenCorrelation;
    private TrainingEvent.Embedding seenEmbedding;
    private int seenProbes;
    private long lastPlotNanos;
    private double fontSize = 13;
    /** The type size presenter mode chose (13 outside it): the window's tabs and side buttons follow it. */
    final javafx.beans.property.ReadOnlyDoubleWrapper typeSize = new javafx.beans.property.ReadOnlyDoubleWrapper(13);

    public WorkbenchView(WorkbenchViewModel vm) {
        this.vm = vm;
        this.lessons = new LessonViewModel(vm);
        this.config = new ConfigView(vm);
        this.lessonView = new LessonView(lessons, vm, config);
        this.views = new ViewsPanel(config);
        lessons.drawViews = config::newSamples;
        toolbar = toolbar();
        statusBar = statusBar();
        panels.put("views", views);
        panels.put("heatmap", heatmap);
        panels.put("loss", lossPanel());
        panels.put("probe", panel("Probe accuracy", probe,
                "Top-1 accuracy on the test split: how well a linear classifier (and kNN) on the frozen encoder's features finds the labels the "
                        + "training never saw. Dashed: the same on raw pixels and on a random, untrained encoder. "
                        + "Hover a point for its values."));
        panels.put("embeddings", panel("Embeddings (PCA of the test set)", scatter,
                "The test images' encoder features projected on their two main directions (principal "
                        + "components), one dot per image, coloured by its class."));
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        grid.setMinSize(0, 0);
        // a click on a panel's title focuses the panel (and a second click gives the layout back)
        grid.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != grid; n = n.getParent()) {
                if (n.getStyleClass().contains("panel-title")) {
                    Node panel = n;
                    while (panel.getParent() != null && panel.getParent() != grid) {
                        panel = panel.getParent();
                    }
                    if (panel.getParent() == grid) {
                        focus(panel);
                    }
                    return;
                }
            }
        });
        VBox center = new VBox(notifications, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        center.setMinSize(0, 0);
        root.setTop(toolbar);
        root.setCenter(center);
        root.setBottom(statusBar);
        getChildren().add(root);
        getStyleClass().add("workbench");
        settingsShown.setSelected(true);
        settingsShown.selectedProperty().addListener(o -> arrange());
        lessons.step.addListener(o -> arrange());
        arrange();
        vm.notice.addListener((o, a, b) -> {
            if (b != null && !b.isBlank()) {
                notifications.show(b);
                vm.notice.set(null);
            }
        });
        vm.confirmation.addListener((o, a, b) -> {
            if (b != null && !b.isBlank()) {
                notifications.show(b, true);
                vm.confirmation.set(null);
            }
        });
        vm.field(Settings.OBJECTIVE).addListener(o -> showLossFormula());
        heatmap.setOnRegionChange((r, c) -> vm.session().setRegion(r, c));
        heatmap.setOnStep(this::markStep);
        for (HeatmapView h : raceBoard.heatmaps) {
            h.setOnRegionChange((r, c) -> vm.session().setRegion(r, c));
        }
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                s.widthProperty().addListener(x -> presenterZoom(presenter.isSelected()));
                s.heightProperty().addListener(x -> presenterZoom(presenter.isSelected()));
            }
        });
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
        race.setOnAction(e -> openRace());
        // a going run is no reason: the race stops it first and says so
        race.disableProperty().bind(vm.session().sweepingProperty().or(vm.loadingProperty()).or(vm.stoppingProperty()));
        pause.textProperty().bind(Bindings.when(vm.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.setOnAction(e -> vm.togglePause());
        // the wider of its two words sets its width: the toolbar does not shift when Pause becomes Resume
        pause.fontProperty().addListener((o, a, f) -> widestOf(pause, "Pause", "Resume"));
        pause.paddingProperty().addListener((o, a, p) -> widestOf(pause, "Pause", "Resume"));
        widestOf(pause, "Pause", "Resume");
        // nothing to pause or step once a stop is asked for: the run is saving its checkpoint
        pause.disableProperty().bind(vm.runningProperty().not().or(vm.stoppingProperty()));
        step.setOnAction(e -> vm.step());
        step.disableProperty().bind(vm.runningProperty().not().or(vm.stoppingProperty()));
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.runningProperty().not().or(vm.stoppingProperty()));
        shortcut(start, "Start a run", new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN));
        race.setTooltip(new Tooltip("Race the form's run against one that differs in a setting: both train at once, "
                + "side by side"));
        shortcut(pause, "Pause or resume", new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN));
        shortcut(step, "One step, then pause: C and the status show that step", new KeyCodeCombination(KeyCode.RIGHT,
                KeyCombination.SHORTCUT_DOWN));
        shortcut(stop, "Stop; the run folder and its checkpoint are kept", new KeyCodeCombination(KeyCode.ESCAPE));
        shortcut(presenter, "Larger type and pictures for a projector", new KeyCodeCombination(KeyCode.EQUALS,
                KeyCombination.SHORTCUT_DOWN));
        reset.setOnAction(e -> vm.resetToDefaults());
        reset.disableProperty().bind(vm.runningProperty());
        reset.setTooltip(new Tooltip("Every setting back to its default; the panels forget the last run"));
        MenuItem save = new MenuItem("Save settings\u2026");
        save.setOnAction(e -> {
            File f = chooser("Save the settings").showSaveDialog(getScene().getWindow());
            if (f != null) {
                vm.saveSettings(f.toPath());
            }
        });
        MenuItem open = new MenuItem("Open settings\u2026");
        open.setOnAction(e -> {
            File f = chooser("Open settings").showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.openSettings(f.toPath());
            }
        });
        open.disableProperty().bind(vm.runningProperty());
        // the measured recipes, as train --preset gives them: the form takes every setting, the dataset loads
        javafx.scene.control.Menu presets = new javafx.scene.control.Menu("Presets");
        for (Preset p : Preset.values()) {
            MenuItem item = new MenuItem(p.label());
            item.setOnAction(e -> vm.usePreset(p));
            item.disableProperty().bind(vm.runningProperty());
            presets.getItems().add(item);
        }
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> quit());
        file.getItems().addAll(save, open, new SeparatorMenuItem(), presets, new SeparatorMenuItem(), quit);
        MenuItem builtIn = new MenuItem("Barlow Twins (built in)");
        builtIn.setOnAction(e -> openLesson(Lesson.builtIn()));
        MenuItem openLesson = new MenuItem("Open a lesson file\u2026");
        openLesson.setOnAction(e -> {
            FileChooser ch = new FileChooser();
            ch.setTitle("A lesson file (JSON)");
            ch.getExtensionFilters().add(new FileChooser.ExtensionFilter("Twinlab lesson", "*.json"));
            File f = ch.showOpenDialog(getScene().getWindow());
            if (f != null) {
                lessons.open(f.toPath());
            }
        });
        MenuItem end = new MenuItem("End the lesson");
        end.setOnAction(e -> lessons.close());
        end.disableProperty().bind(lessons.lesson.isNull());
        lessonMenu.getItems().addAll(builtIn, openLesson, new SeparatorMenuItem(), end);
        lessonMenu.setTooltip(new Tooltip("A guided lesson: one step at a time, only the controls it needs"));
        settingsShown.setTooltip(new Tooltip("Show or hide the settings column (the panels take its room)"));
        presenter.selectedProperty().addListener((o, a, on) -> {
            presenterZoom(on);
            arrange();
            // a projector wants the panels: the settings column makes way, and comes back with the button
            settingsShown.setSelected(!on);
        });
        // why Start is disabled; a going run is no problem to report, and a dataset still loading no fault
        blocked.textProperty().bind(Bindings.when(vm.runningProperty()).then("").otherwise(vm.startBlockedReason()));
        blocked.getStyleClass().add("blocked");
        blocked.setMinWidth(0);
        vm.loadingProperty().addListener((o, a, b) -> blocked.pseudoClassStateChanged(WAITING, b));
        blocked.pseudoClassStateChanged(WAITING, vm.loadingProperty().get());
        HBox.setHgrow(blocked, Priority.SOMETIMES);
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (ButtonBase b : new ButtonBase[] {start, race, pause, step, stop, reset, file, lessonMenu, settingsShown, presenter}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the reason beside them gives way, not the buttons
        }
        ToolBar bar = new ToolBar(brand, runSeparator, start, race, pause, step, stop, toolSeparator, reset, file, settingsShown,
                lessonMenu, blocked, spacer, presenter);
        // the reason wraps within the room the buttons leave: one too wide for the row would send it, and
        // Presenter after it, into the toolbar's overflow menu (two bad fields at 1280 px in presenter mode)
        blocked.setWrapText(true);
        bar.widthProperty().addListener(o -> fitReason(bar));
        blocked.textProperty().addListener(o -> fitReason(bar));
        blocked.fontProperty().addListener(o -> fitReason(bar));
        return bar;
    }

    private void fitReason(ToolBar bar) {
        double used = bar.snappedLeftInset() + bar.snappedRightInset() + 24; // 24: room for the overflow button
        double gap = 10; // the tool bar's spacing between items (a CSS value it does not expose), with a margin
        for (Node item : bar.getItems()) {
            if (item != blocked && item.isManaged()) {
                used += item.prefWidth(-1) + gap;
            }
        }
        blocked.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        blocked.setPrefHeight(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        blocked.setMinHeight(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        double natural = blocked.prefWidth(-1);
        double w = Math.max(0, Math.min(natural, bar.getWidth() - used));
        blocked.setPrefWidth(w);
        // the tool bar lays its items out at their one-line height: give the wrapped lines theirs
        double h = blocked.prefHeight(w);
        blocked.setPrefHeight(h);
        blocked.setMinHeight(h);
    }

    /** File ▸ Quit: closes the window as its close box does (a run stops and saves its checkpoint first). */
    void quit() {
        if (getScene() == null || getScene().getWindow() == null) {
            return;
        }
        javafx.stage.Window w = getScene().getWindow();
        javafx.stage.WindowEvent close = new javafx.stage.WindowEvent(w, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST);
        w.fireEvent(close);
        if (!close.isConsumed()) {
            w.hide();
        }
    }

    /** Fixes a button's width to that of its widest text. */
    static void widestOf(ButtonBase b, String... texts) {
        double w = 0;
        for (String t : texts) {
            javafx.scene.text.Text probe = new javafx.scene.text.Text(t);
            probe.setFont(b.getFont());
            w = Math.max(w, probe.getLayoutBounds().getWidth());
        }
        Insets in = b.getPadding() == null ? Insets.EMPTY : b.getPadding();
        double width = Math.ceil(w + in.getLeft() + in.getRight() + 4);
        b.setMinWidth(width);
        b.setPrefWidth(width);
    }

    private void shortcut(ButtonBase b, String what, KeyCodeCombination keys) {
        shortcuts.put(keys, b);
        b.setTooltip(new Tooltip(what + " (" + keysText(keys) + ")"));
    }

    /** "Ctrl+Enter", "Esc", "Ctrl+=": in words a class can read off a projector (JavaFX writes Enter as a glyph). */
    static String keysText(KeyCodeCombination keys) {
        String key = switch (keys.getCode()) {
            case ESCAPE -> "Esc";
            case EQUALS -> "=";
            default -> keys.getCode().getName();
        };
        boolean mac = System.getProperty("os.name", "").startsWith("Mac");
        return (keys.getShortcut() == KeyCombination.ModifierValue.DOWN ? (mac ? "Cmd+" : "Ctrl+") : "") + key;
    }

    /** The shortcuts, and the lesson's Next/Back keys, on the window's scene. */
    void installShortcuts(Scene scene) {
        shortcuts.forEach((keys, b) -> scene.getAccelerators().put(keys, b::fire));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::lessonKeys);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::focusKeys);
    }

    /** PageDown/PageUp always move a lesson; Right/Left too when no field or slider wants the arrows. */
    private void lessonKeys(KeyEvent e) {
        if (!lessons.active() || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        boolean arrowsFree = !(focus instanceof TextInputControl || focus instanceof Slider
                || focus instanceof ComboBoxBase || focus instanceof Spinner);
        KeyCode k = e.getCode();
        if (k == KeyCode.PAGE_DOWN || (k == KeyCode.RIGHT && arrowsFree)) {
            lessons.next();
            e.consume();
        } else if (k == KeyCode.PAGE_UP || (k == KeyCode.LEFT && arrowsFree)) {
            lessons.back();
            e.consume();
        }
    }

    /** Starts a lesson in the window (the menu's built-in lesson, a test's). */
    void openLesson(Lesson l) {
        lessons.open(l);
    }

    /** Settings dialogs open in the runs folder, where each run's config.json is. */
    FileChooser chooser(String title) {
        FileChooser ch = new FileChooser();
        ch.setTitle(title);
        ch.setInitialFileName("config.json");
        ch.getExtensionFilters().add(new FileChooser.ExtensionFilter("Twinlab settings", "*.json"));
        Path dir = vm.runRoot();
        try {
            Files.createDirectories(dir);
            ch.setInitialDirectory(dir.toFile());
        } catch (IOException | UnsupportedOperationException e) {
            // the dialog then opens where the system puts it
        }
        return ch;
    }

    private VBox lossPanel() {
        CheckBox log = logScale;
        log.setSelected(true);
        log.selectedProperty().addListener((o, a, b) -> {
            if (!log.isDisabled()) {
                wantLog = b;
                loss.setLog(b);
            }
        });
        Slider smoothing = new Slider(0, 0.99, 0.6);
        smoothing.setMinWidth(60);
        smoothingValue.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        smoothing.valueProperty().addListener((o, a, b) -> {
            loss.setSmoothing(b.doubleValue());
            smoothingValue.setText(String.format(Locale.ROOT, "%.2f", b.doubleValue()));
        });
        smoothingValue.setText("0.60");
        smoothing.setTooltip(new Tooltip("TensorBoard's smoothing: an exponential moving average with this weight "
                + "(0: the raw values)"));
        HBox.setHgrow(smoothing, Priority.ALWAYS);
        Label smoothingLabel = new Label("smoothing");
        smoothingLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        log.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox tools = new HBox(8, log, smoothingLabel, smoothing, smoothingValue);
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox box = panel("Loss", loss, "The loss against step, with each term of the objective. The total is the "
                + "sum of the terms. Dashed lines mark where \u03bb or the learning rate was changed during the run.");
        lossFormula.getStyleClass().add("formula-caption");
        lossFormula.setWrapText(true);
        lossFormula.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.getChildren().add(1, lossFormula);
        rate.setPrefHeight(80);
        rate.setMinHeight(50);
        box.getChildren().addAll(tools, rate);
        showLossFormula();
        return box;
    }

    /** The box tells the truth: a chart drawn linear (the cosine objectives go below 0) shows it unticked. */
    private void showLogPossible() {
        boolean possible = loss.logShown() || !wantLog;
        if (possible == !logScale.isDisabled()) {
            return;
        }
        if (!possible) {
            logScale.setDisable(true);
            logScale.setSelected(false);
            logScale.setTooltip(new Tooltip("This loss goes to 0 or below: the chart is linear"));
        } else {
            logScale.setSelected(wantLog);
            logScale.setDisable(false);
            logScale.setTooltip(null);
        }
    }

    /** What the lecturer chose for the log box, kept while the box must stay unticked. */
    private boolean wantLog = true;

    /** The loss written out for the run on screen, or for the objective the form holds. */
    private void showLossFormula() {
        TrainingEvent.Started s = vm.live().started.get();
        ObjectiveKind k = s != null ? s.config().objective() : null;
        if (k == null) {
            try {
                k = Settings.OBJECTIVE.parse(vm.field(Settings.OBJECTIVE).get());
            } catch (RuntimeException e) {
                lossFormula.setText("");
                return;
            }
        }
        lossFormula.setText(ObjectiveHelp.formula(k));
    }

    private static VBox panel(String title, Node content, String help) {
        Label t = new Label(title);
        t.getStyleClass().add("panel-title");
        t.setTooltip(HeatmapView.help(help));
        VBox box = new VBox(6, t, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        box.setMinSize(0, 0);
        box.getStyleClass().add("panel");
        return box;
    }

    private HBox statusBar() {
        progress.setPrefWidth(140);
        progress.setMinWidth(60);
        for (Label l : new Label[] {progressText, speed, stepText, device, memory}) {
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        // the run's name gives way (ends in "...") before anything else does; its folder is in the tooltip
        runName.setMinWidth(0);
        HBox.setHgrow(runName, Priority.ALWAYS);
        HBox bar = new HBox(14, progress, progressText, speed, stepText, device, memory, runName);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        progress.progressProperty().bind(status.progress);
        progressText.textProperty().bind(status.activity);
        speed.textProperty().bind(status.speed);
        stepText.textProperty().bind(status.stepText);
        device.textProperty().bind(status.device);
        memory.textProperty().bind(status.memory);
        runName.textProperty().bind(status.runName);
        status.runFolder.addListener((o, a, f) -> runName.setTooltip(f == null ? null : new Tooltip(f)));
        vm.stoppingProperty().addListener((o, a, b) -> {
            if (b) {
                status.activity.set("stopping\u2026");
            }
        });
        return bar;
    }

    /**
     * Puts the left column and the panels in place: the settings (or nothing) normally, the lesson's
     * step with only its panels and run buttons during a lesson.
     */
    private void arrange() {
        LessonStep s = lessons.step.get();
        boolean lesson = s != null;
        root.setLeft(lesson ? lessonView : settingsShown.isSelected() ? config : null);
        for (Node n : new Node[] {reset, file, settingsShown, toolSeparator}) {
            show(n, !lesson);
        }
        for (Map.Entry<String, ButtonBase> b : Map.of("start", (ButtonBase) start, "race", race, "pause", pause, "step",
                step, "stop", stop).entrySet()) {
            show(b.getValue(), !lesson || s.controls().contains(b.getKey()));
        }
        show(runSeparator, start.isVisible() || race.isVisible() || pause.isVisible() || step.isVisible() || stop.isVisible());
        List<Node> shown = new ArrayList<>();
        for (Map.Entry<String, Node> p : panels.entrySet()) {
            boolean on = lesson ? s.shows(p.getKey()) : !p.getKey().equals("views");
            if (on) {
                shown.add(shownRace == null ? p.getValue() : raced(p.getKey(), p.getValue()));
            }
        }
        shown.remove(null);
        layoutPanels(shown);
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    /**
     * One panel fills the grid (and in focus mode the focused one alone); two share it side by side; three:
     * the first on the left, two stacked; four: 2 x 2. Spans are always given: a node keeps the span of its
     * last placement otherwise.
     */
    private void layoutPanels(List<Node> shown) {
        shownPanels = List.copyOf(shown);
        grid.getChildren().clear();
        grid.getColumnConstraints().setAll(percentColumn(50), percentColumn(50));
        if (focused != null && shown.contains(focused)) {
            // focus mode: the one panel fills the stage
            grid.getRowConstraints().setAll(percentRow(57), percentRow(43));
            grid.add(focused, 0, 0, 2, 2);
            return;
        }
        focused = null;
        int n = shown.size();
        if (shownRace != null && n > 0 && shown.get(0) == raceBoard.matrices) {
            // a race: the two Cs side by side across the top (a little more of the height), the overlaid curves below
            grid.getRowConstraints().setAll(percentRow(62), percentRow(38));
            grid.add(shown.get(0), 0, 0, 2, n == 1 ? 2 : 1);
            for (int i = 1; i < n; i++) {
                grid.add(shown.get(i), n == 2 ? 0 : i - 1, 1, n == 2 ? 2 : 1, 1);
            }
            return;
        }
        // presenter mode too: 2 x 2 (three stacked on the right left the probe and PCA plots 60-100 px strips
        // at 1280x800, while C, as wide as half the window, could not use the height it was given); the top row
        // the taller: C's square needs the height, the probe and PCA plots keep 40% of their panels
        grid.getRowConstraints().setAll(percentRow(60), percentRow(40));
        for (int i = 0; i < n; i++) {
            Node p = shown.get(i);
            switch (n) {
                case 1 -> grid.add(p, 0, 0, 2, 2);
                case 2 -> grid.add(p, i, 0, 1, 2);
                case 3 -> grid.add(p, i == 0 ? 0 : 1, i == 0 ? 0 : i - 1, 1, i == 0 ? 2 : 1);
                default -> grid.add(p, i % 2, i / 2, 1, 1);
            }
        }
    }

    /** A race's panel in place of the single run's (null: none in a race, the embeddings). */
    private Node raced(String key, Node single) {
        return switch (key) {
            case "heatmap" -> raceBoard.matrices;
            case "loss" -> raceBoard.lossPanel;
            case "probe" -> raceBoard.probePanel;
            case "embeddings" -> null;
            default -> single;
        };
    }

    /** Race…: the dialog; its Race stops what trains (saying so) and starts the race. */
    void openRace() {
        if (raceDialog != null && raceDialog.dialog.isShowing()) {
            raceDialog.dialog.getDialogPane().getScene().getWindow().requestFocus(); // pressed twice: the one dialog
            return;
        }
        raceDialog = new RaceDialog(vm, getScene() == null ? null : getScene().getWindow(), this::race);
        raceDialog.dialog.getDialogPane().setStyle(getStyle()); // presenter mode's type in the dialog too
        raceDialog.show();
    }

    /** Races the form's run against one with {@code changes}; a run that goes is stopped first, in one line. */
    void race(Map<org.twinlab.train.Setting<?>, String> changes) {
        notifications.hide();
        TrainingEvent.Step last = vm.runningProperty().get() ? vm.session().live().lastStep() : null;
        boolean going = vm.runningProperty().get();
        vm.raceNew(null, changes, why -> {
            if (!why.isEmpty()) {
                notifications.show("The race could not start: " + why);
            } else if (going) {
                notifications.show("Stopped the run at step " + (last == null ? 0 : last.step())
                        + " (its folder keeps it); the race started.", true);
            }
        });
    }

    /**
     * Focus mode: {@code panel} alone fills the panels' area (keys 1-5, or a click on its title); null, or the
     * same panel again, gives the layout back (Esc).
     */
    void focus(Node panel) {
        focused = panel == focused ? null : panel;
        arrange();
    }

    /** The panel focus mode shows, or null. */
    Node focused() {
        return focused;
    }

    /** Keys 1-5 focus the n-th panel on screen, Esc leaves focus mode (before Esc's Stop), when no field has the keyboard. */
    private void focusKeys(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || !isVisible() || getScene() == null) {
            return;
        }
        Node owner = getScene().getFocusOwner();
        if (owner instanceof TextInputControl || owner instanceof Spinner || owner instanceof ComboBoxBase) {
            return;
        }
        if (e.getCode() == KeyCode.ESCAPE && focused != null) {
            focus(null);
            e.consume();
            return;
        }
        int k = e.getCode().isDigitKey() ? e.getCode().getCode() - KeyCode.DIGIT1.getCode() : -1;
        if (e.getCode().isKeypadKey() && e.getCode().getName().startsWith("Numpad")) {
            k = e.getCode().getCode() - KeyCode.NUMPAD1.getCode();
        }
        if (k >= 0 && k < 5 && k < shownPanels.size()) {
            focus(shownPanels.get(k));
            e.consume();
        }
    }

    private static ColumnConstraints percentColumn(double pct) {
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(pct);
        return c;
    }

    private static RowConstraints percentRow(double pct) {
        RowConstraints r = new RowConstraints();
        r.setPercentHeight(pct);
        return r;
    }

    /**
     * Presenter mode: the type follows the window (18 px at 1280x800, 24 px at full HD) so it reads from
     * the back of a room at either, and the drawings (plots, colour bar, histograms, gauges) with it.
     */
    private void presenterZoom(boolean on) {
        double size = 13;
        if (on && getScene() != null) {
            size = Math.round(Math.max(16, Math.min(26, Math.min(getScene().getHeight() / 44, getScene().getWidth() / 70))));
        } else if (on) {
            size = 18;
        }
        // the lesson's column takes at most 30% of the window: at 1280 px its panels keep room for C and its labels
        double sceneWidth = getScene() == null ? 1280 : getScene().getWidth();
        lessonView.setPrefWidth(Math.min(380 * Math.min(size / 13, 1.5), Math.max(260, 0.3 * sceneWidth)));
        if (size == fontSize && on == presenter.isSelected() && getStyle().contains(size + "px")) {
            return;
        }
        fontSize = size;
        typeSize.set(size);
        double s = size / 13;
        setStyle("-fx-font-size: " + size + "px;");
        config.setPrefWidth(360 * Math.min(s, 1.3)); // the settings column keeps its labels readable
        for (PlotCanvas p : new PlotCanvas[] {loss, rate, probe, scatter}) {
            p.setFontSize(12 * s);
        }
        heatmap.setScale(s);
        raceBoard.setScale(s);
        rate.setPrefHeight(70 * s);
        rate.setMinHeight(45 * s);
    }

    double fontSize() {
        return fontSize;
    }

    /** The clock: redraw what changed since the last pulse, at most 10 times a second. */
    private void refresh(long now) {
        LiveRace r = vm.race();
        if (r != shownRace) {
            shownRace = r;
            raceBoard.setRace(r);
            arrange();
        }
        LiveRun run = vm.live();
        if (run != seenRun) {
            seenRun = run;
            seenVersion = -1;
            seenProbes = 0;
            seenCorrelation = null;
            seenEmbedding = null;
            loss.setRun(run);
            rate.setRun(run);
            heatmap.setRun(run);
            boolean own = vm.source().showsSession();
            heatmap.clear(own && vm.runningProperty().get() ? "waiting for the first step\u2026"
                    : own || lessons.step.get() == null ? HeatmapView.WAITING : "This screen's button starts its run");
            probe.setResults(List.of(), 1);
            scatter.setEmbedding(null);
            if (!vm.runningProperty().get() || !vm.source().showsSession()) {
                clearStatus();
            }
        }
        long v = run.version();
        if (now - lastPlotNanos < REDRAW_NANOS) {
            return;
        }
        raceBoard.refresh(); // each of its runs by its own version: one may go on while the other has ended
        if (v == seenVersion) {
            if (run.started.get() != null) {
                status(run, now); // a probe phase's seconds go on without events
            }
            lastPlotNanos = now;
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
        showLogPossible();
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
        TrainingEvent.Notice n = run.notice.getAndSet(null);
        if (n != null) {
            notifications.show(n.message()); // a warning: it stays until read
        }
        showLossFormula();
        status(run, now);
    }

    private void clearStatus() {
        status.clear();
    }

    private void status(LiveRun run, long now) {
        status.update(run, vm.stoppingProperty().get(), now);
        TrainingEvent.State st = run.state.get();
        if (st != null && st.state().isTerminal()) {
            // the title says the step C is of: the note says only how the run ended
            heatmap.markEnded("the run " + st.state().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** The step C's timeline shows, marked on the loss and probe plots too (NaN: none). */
    private void markStep(double step) {
        loss.mark(step);
        rate.mark(step);
        TrainingEvent.Started s = vm.live().started.get();
        probe.mark(s == null || Double.isNaN(step) ? Double.NaN : step / Math.max(1, s.stepsPerEpoch()));
    }

    /** The gaps between FX pulses and the window's own redraw time, for the benchmark. */
    public PulseMonitor pulses() {
        return pulses;
    }
}
