package org.twinlab.ui;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import java.util.Set;
import org.twinlab.export.ComparisonCharts;
import org.twinlab.runs.RunComparison;
import org.twinlab.runs.Smoothing;
import org.twinlab.runs.SettingsDiff;

/**
 * The Compare view: the settings in which the chosen runs differ (one column per run, its header the
 * run's legend entry: click to hide or show the run everywhere), their loss curves overlaid (the total or
 * one term, smoothed, log or linear), their probe accuracies overlaid (linear solid, kNN dashed), and their
 * final C side by side on one colour scale. The plots export as PNG.
 */
final class CompareView extends BorderPane {
    private final CompareViewModel model;
    private final Navigator nav;
    final OverlayPlot loss = new OverlayPlot();
    final OverlayPlot accuracy = new OverlayPlot();
    final CorrelationTiles tiles = new CorrelationTiles();
    final GridPane settings = new GridPane();
    final List<CheckBox> legend = new ArrayList<>();
    final ComboBox<String> curve = new ComboBox<>();
    final Button exportPng = new Button("Export plots as PNG\u2026");
    private final Label empty = new Label("Select two or more runs on the Runs tab (Ctrl+click) and press Compare.");

    CompareView(CompareViewModel model, Navigator nav) {
        this.model = model;
        this.nav = nav;
        setPadding(new Insets(8));
        setTop(toolbar());
        // curves on the left, one above the other; the C tiles beside them get a square's worth of room
        VBox curves = new VBox(8, panel("Loss against step", loss),
                panel("Probe accuracy (top-1 %): linear solid, kNN dashed", accuracy));
        for (Node n : curves.getChildren()) {
            VBox.setVgrow(n, Priority.ALWAYS);
        }
        VBox finalC = panel("Final C of each run, one colour scale", tiles);
        HBox plots = new HBox(8, curves, finalC);
        HBox.setHgrow(curves, Priority.ALWAYS);
        curves.setPrefWidth(600);
        finalC.setPrefWidth(420);
        finalC.setMinWidth(260);
        VBox body = new VBox(8, scrolled(settings), plots);
        VBox.setVgrow(plots, Priority.ALWAYS);
        settings.setHgap(14);
        settings.setVgap(3);
        setCenter(body);
        empty.getStyleClass().add("caption");
        model.comparisonProperty().addListener((o, a, c) -> rebuild(c));
        model.hidden.addListener((SetChangeListener<Integer>) c -> redraw());
        model.curve.addListener(o -> redraw());
        model.smoothing.addListener(o -> redraw());
        model.logScale.addListener(o -> redraw());
        rebuild(null);
    }

    private static ScrollPane scrolled(Node n) {
        ScrollPane s = new ScrollPane(n);
        s.setFitToHeight(true);
        s.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        s.getStyleClass().add("edge-to-edge");
        return s;
    }

    private HBox toolbar() {
        curve.setConverter(new StringConverter<>() {
            @Override
            public String toString(String key) {
                RunComparison c = model.comparisonProperty().get();
                return key == null ? "" : c == null ? key : c.curveLabels().getOrDefault(key, key);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        curve.valueProperty().bindBidirectional(model.curve);
        CheckBox log = new CheckBox("log scale");
        log.selectedProperty().bindBidirectional(model.logScale);
        Slider smooth = new Slider(0, 0.99, Smoothing.DEFAULT);
        smooth.valueProperty().bindBidirectional(model.smoothing);
        exportPng.setOnAction(e -> {
            DirectoryChooser ch = new DirectoryChooser();
            ch.setTitle("Where to write compare-loss.png, compare-accuracy.png and compare-c.png");
            File f = ch.showDialog(getScene().getWindow());
            if (f != null) {
                exportTo(f.toPath());
            }
        });
        exportPng.disableProperty().bind(model.comparisonProperty().isNull());
        Label title = new Label("Compare runs");
        title.getStyleClass().add("panel-title");
        HBox bar = new HBox(8, title, new Label("loss curve"), curve, log, new Label("smoothing"), smooth, exportPng);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));
        return bar;
    }

    /** Writes the PNGs into {@code dir} and says where they went. */
    void exportTo(java.nio.file.Path dir) {
        model.exportPng(dir, files -> nav.notify("Wrote " + files.size() + " plots to " + dir + ": "
                + String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList())), nav::notify);
    }

    private static VBox panel(String title, Node content) {
        return Controls.panel(title, content);
    }

    /** A new comparison: the legend and settings grid are made again, then every plot is drawn. */
    private void rebuild(RunComparison c) {
        settings.getChildren().clear();
        legend.clear();
        curve.getItems().setAll(c == null ? List.of(RunComparison.TOTAL) : List.copyOf(c.curveLabels().keySet()));
        if (c == null) {
            settings.add(empty, 0, 0);
            redraw();
            return;
        }
        Label runs = new Label("run");
        runs.getStyleClass().add("section-title");
        settings.add(runs, 0, 0);
        for (int i = 0; i < c.runs().size(); i++) {
            int index = i;
            CheckBox entry = new CheckBox(c.runs().get(i).name());
            Rectangle swatch = new Rectangle(16, 4, color(i));
            entry.setGraphic(swatch);
            entry.setSelected(!model.hidden.contains(i));
            entry.setOnAction(e -> model.toggle(index));
            legend.add(entry);
            settings.add(entry, i + 1, 0);
        }
        List<SettingsDiff.Difference> diffs = c.differences();
        if (diffs.isEmpty()) {
            settings.add(new Label("The runs' settings are the same."), 0, 1, c.runs().size() + 1, 1);
        }
        for (int r = 0; r < diffs.size(); r++) {
            Label key = new Label(diffs.get(r).label());
            key.getStyleClass().add("section-title");
            settings.add(key, 0, r + 1);
            for (int i = 0; i < diffs.get(r).values().size(); i++) {
                settings.add(new Label(diffs.get(r).values().get(i)), i + 1, r + 1);
            }
        }
        redraw();
    }

    static Color color(int run) {
        return ColorMaps.classColor(run);
    }

    /** The tab draws the comparison's own charts (those its PNG export writes), not a second copy of their curves. */
    private void redraw() {
        RunComparison c = model.comparisonProperty().get();
        List<CorrelationTiles.Tile> shown = new ArrayList<>();
        if (c == null) {
            loss.setChart(null);
            accuracy.setChart(null);
            tiles.setTiles(shown);
            return;
        }
        for (int i = 0; i < c.runs().size(); i++) {
            if (i < legend.size()) {
                legend.get(i).setSelected(!model.hidden.contains(i));
            }
            RunComparison.Run r = c.runs().get(i);
            if (!model.hidden.contains(i)) {
                shown.add(new CorrelationTiles.Tile(r.name(), color(i), r.correlation()));
            }
        }
        Set<Integer> off = Set.copyOf(model.hidden);
        loss.setChart(ComparisonCharts.loss(c, model.curve.get(), off, model.smoothing.get(), model.logScale.get()));
        accuracy.setChart(ComparisonCharts.accuracy(c, off));
        tiles.setTiles(shown);
    }

    /** The curves' keys and labels offered, for tests. */
    Map<String, String> curveLabels() {
        RunComparison c = model.comparisonProperty().get();
        return c == null ? Map.of() : c.curveLabels();
    }
}
