package org.twinlab.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.NotificationPane;

/**
 * The whole window: the live workbench and the exploration views as tabs (Workbench, Runs, Compare),
 * the encoder actions (Export…, Open encoder…) at the right of the tab row, and a notification bar over
 * everything. While the panels show a past run, a banner over them says so.
 */
public final class MainWindow extends StackPane implements Navigator {
    final WorkbenchView workbench;
    final PastRunBanner banner;
    final RunsView runs;
    final CompareView compare;
    final SweepView sweep;
    final SweepBanner sweepBanner;
    final SweepViewModel sweepModel;
    final ExportDialogs exports;
    final TabPane tabs = new TabPane();
    final Tab workbenchTab;
    final Tab runsTab;
    final Tab compareTab;
    final Tab sweepTab;
    final Button exportButton = new Button("Export\u2026");
    final Button openEncoder = new Button("Open encoder\u2026");
    final Button movieButton = new Button("Movie of C\u2026");
    final NotificationPane notifications;
    final RunsViewModel runsModel;
    final CompareViewModel compareModel;
    private final WorkbenchViewModel vm;

    /** {@code showDocument} opens a URI with the desktop (HostServices in the application; tests record it). */
    public MainWindow(WorkbenchViewModel vm, WorkbenchView workbench, Consumer<String> showDocument) {
        this.workbench = workbench;
        runsModel = new RunsViewModel(vm);
        compareModel = new CompareViewModel(vm.tasks());
        banner = new PastRunBanner(vm, this);
        runs = new RunsView(runsModel, this);
        compare = new CompareView(compareModel, this);
        sweepModel = new SweepViewModel(vm);
        sweep = new SweepView(sweepModel, vm, this);
        sweepBanner = new SweepBanner(sweepModel);
        this.vm = vm;
        // the past run's banner last: opened during a sweep, it is the one the panels show
        StackPane live = ToolbarBanner.over(workbench, sweepBanner, banner);
        workbenchTab = tab("Workbench", live);
        runsTab = tab("Runs", runs);
        compareTab = tab("Compare", compare);
        sweepTab = tab("Sweep", sweep);
        tabs.getTabs().addAll(workbenchTab, runsTab, compareTab, sweepTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // down the left edge: the workbench keeps every pixel of its height (800 px is already spoken for)
        tabs.setSide(javafx.geometry.Side.LEFT);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now == runsTab) {
                runsModel.reload(); // runs may have ended, been renamed or been added by the command line
            }
        });
        ExportViewModel exportModel = new ExportViewModel(vm);
        exports = new ExportDialogs(exportModel, this, this, showDocument);
        // one export or probe at a time: a second into the same folder would take the first for a killed one
        exportButton.disableProperty().bind(exportModel.busyProperty());
        openEncoder.disableProperty().bind(exportModel.busyProperty());
        exportButton.setTooltip(new Tooltip("Export the encoder of the run the panels show (finished or stopped)"));
        exportButton.setOnAction(e -> exports.exportCurrent());
        openEncoder.setTooltip(new Tooltip("Probe an exported encoder on the loaded dataset, and start a run from it"));
        openEncoder.setOnAction(e -> exports.openEncoder());
        movieButton.disableProperty().bind(exportModel.busyProperty());
        movieButton.setTooltip(new Tooltip("Export the run's C over all its snapshots as an animated GIF"));
        movieButton.setOnAction(e -> exports.movieCurrent());
        VBox actions = new VBox(6, sideways(exportButton), sideways(movieButton), sideways(openEncoder));
        actions.setAlignment(Pos.BOTTOM_CENTER);
        actions.setPadding(new Insets(0, 0, 8, 2));
        actions.setPickOnBounds(false);
        actions.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        // presenter mode: the tabs down the left edge grow with the workbench's type (the side buttons below them
        // keep theirs: both grown do not fit one above the other in 800 px)
        tabs.setId("main-tabs");
        workbench.typeSize.addListener((o, was, now) -> tabType(now.doubleValue()));
        StackPane top = new StackPane(tabs, actions);
        StackPane.setAlignment(actions, Pos.BOTTOM_LEFT);
        notifications = new NotificationPane(top);
        notifications.setShowFromTop(true);
        getChildren().add(notifications);
    }

    private void tabType(double size) {
        String css = "#main-tabs > .tab-header-area .tab-label { -fx-font-size: " + size + "px; }";
        tabs.getStylesheets().setAll("data:text/css;base64,"
                + java.util.Base64.getEncoder().encodeToString(css.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A button that reads bottom to top, as the tabs above it do, in the strip down the window's left edge. */
    private static Button sideways(Button b) {
        javafx.scene.control.Label text = new javafx.scene.control.Label(b.getText());
        text.setRotate(-90);
        b.setText(null);
        b.setGraphic(new javafx.scene.Group(text));
        b.getStyleClass().addAll("flat", "side-action");
        return b;
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setClosable(false);
        return t;
    }

    /** The window of a scene made by {@link WorkbenchApp#createScene}. */
    public static MainWindow of(Scene scene) {
        return (MainWindow) scene.getRoot();
    }

    public WorkbenchView workbench() {
        return workbench;
    }

    /** The window is closing: a sweep stops with its current run's checkpoint, then the live run does. */
    public void shutdown() {
        try {
            sweepModel.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        vm.shutdown();
    }

    @Override
    public void showWorkbench() {
        tabs.getSelectionModel().select(workbenchTab);
    }

    @Override
    public void compare(List<Path> runDirs) {
        compareModel.load(runDirs, this::notify);
        tabs.getSelectionModel().select(compareTab);
    }

    @Override
    public void export(Path run) {
        exports.exportRun(run);
    }

    @Override
    public void notify(String message) {
        notifications.show(message);
    }
}
