package org.twinlab.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.twinlab.export.chart.Chart;
import org.twinlab.export.chart.Charts;
import org.twinlab.export.chart.FigureSize;
import org.twinlab.runs.SweepResults;

/**
 * A sweep's results: the chosen metric against each swept setting (a point per seed, a line through their
 * means, a log axis for settings spanning decades such as λ), and a parallel-coordinates view of the
 * settings and the metric where dragging along an axis keeps only the runs inside it. Both export as PNG.
 */
final class SweepResultsView extends VBox {
    private final Navigator nav;
    final ComboBox<String> metric = new ComboBox<>();
    final HBox charts = new HBox(8);
    final ParallelCoordinatesView parallel = new ParallelCoordinatesView();
    final Label passing = new Label();
    final Label title = new Label("Results");
    final Button exportPng = new Button("Export plots as PNG\u2026");
    private SweepResultsModel model;

    SweepResultsView(Navigator nav) {
        super(8);
        this.nav = nav;
        setPadding(new Insets(0, 0, 0, 8));
        metric.getItems().setAll(SweepResults.METRICS.keySet());
        metric.setValue("linearTop1");
        metric.setConverter(new StringConverter<>() {
            @Override
            public String toString(String k) {
                return k == null ? "" : SweepResults.METRICS.getOrDefault(k, k);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        metric.valueProperty().addListener(o -> redraw());
        exportPng.setOnAction(e -> {
            DirectoryChooser ch = new DirectoryChooser();
            ch.setTitle("Where to write the sweep's plots");
            File f = ch.showDialog(getScene().getWindow());
            if (f != null) {
                exportTo(f.toPath());
            }
        });
        exportPng.setDisable(true);
        title.getStyleClass().add("panel-title");
        passing.getStyleClass().add("caption");
        HBox bar = new HBox(8, new Label("metric"), metric, exportPng, passing);
        bar.setAlignment(Pos.CENTER_LEFT);
        parallel.setOnBrush(this::count);
        VBox pc = Controls.panel("Parallel coordinates: drag along an axis to keep only the runs inside (click it to clear)",
                parallel);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox.setVgrow(pc, Priority.ALWAYS);
        charts.setMinHeight(200);
        charts.setPrefHeight(320);
        getChildren().addAll(title, bar, charts, pc);
    }

    void show(SweepResultsModel m) {
        this.model = m;
        exportPng.setDisable(m == null);
        title.setText(m == null ? "Results" : "Results of " + m.dir().getFileName() + " (" + m.results().rowCount() + " runs)");
        redraw();
    }

    private void redraw() {
        charts.getChildren().clear();
        if (model == null || metric.getValue() == null || model.results().rowCount() == 0) {
            Label none = new Label(model == null ? "Start a sweep, or open a sweep folder, to see its results here."
                    : "No results yet: each run's result appears here when it ends.");
            none.getStyleClass().add("caption");
            charts.getChildren().add(none);
            parallel.setModel(null);
            return;
        }
        for (Map.Entry<String, Chart> e : model.charts(metric.getValue()).entrySet()) {
            ChartCanvas c = new ChartCanvas();
            c.setChart(e.getValue());
            HBox.setHgrow(c, Priority.ALWAYS);
            c.setPrefWidth(360);
            c.getStyleClass().add("panel");
            charts.getChildren().add(c);
        }
        parallel.setModel(model.parallel(metric.getValue()));
    }

    private void count() {
        passing.setText(model == null ? "" : parallel.passing().size() + " of " + model.results().rowCount()
                + " runs inside the brushes");
    }

    /** The charts drawn now (tests read them). */
    List<ChartCanvas> chartCanvases() {
        List<ChartCanvas> out = new ArrayList<>();
        charts.getChildren().stream().filter(n -> n instanceof ChartCanvas).forEach(n -> out.add((ChartCanvas) n));
        return out;
    }

    /** Writes each chart as {@code <metric>-vs-<setting>.png} and the parallel coordinates as they are shown. */
    void exportTo(Path dir) {
        if (model == null) {
            return;
        }
        String m = metric.getValue();
        Map<String, Chart> all = model.charts(m);
        WritableImage pc = parallel.canvas().snapshot(null, null);
        java.awt.image.BufferedImage pcImage = SwingFXUtils.fromFXImage(pc, null);
        Background.run("sweep-png", () -> {
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, Chart> e : all.entrySet()) {
                Path f = dir.resolve(m + "-vs-" + e.getKey() + ".png");
                Charts.write(e.getValue(), f, FigureSize.DEFAULT);
                files.add(f);
            }
            Path f = dir.resolve("parallel-coordinates-" + m + ".png");
            javax.imageio.ImageIO.write(pcImage, "png", f.toFile());
            files.add(f);
            return files;
        }, files -> nav.notify("Wrote " + files.size() + " plots to " + dir), nav::notify);
    }
}
