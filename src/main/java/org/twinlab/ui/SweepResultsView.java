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
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.twinlab.export.SweepFigures;
import org.twinlab.export.chart.Chart;
import org.twinlab.export.chart.Charts;
import org.twinlab.export.chart.FigureSize;
import org.twinlab.runs.Study;
import org.twinlab.runs.SweepResults;
import tech.tablesaw.api.Table;

/**
 * A sweep's results: the chosen metric against each swept setting (a point per seed, a line through their
 * means, a log axis for settings spanning decades such as λ), and a parallel-coordinates view of the
 * settings and the metric where dragging along an axis keeps only the runs inside it. Both export as PNG.
 * For one of the lecture's comparisons: its table, the lecture's ImageNet numbers beside the measured ones,
 * and its bars.
 */
final class SweepResultsView extends VBox {
    private final Navigator nav;
    final ComboBox<String> metric = new ComboBox<>();
    final HBox charts = new HBox(8);
    final ParallelCoordinatesView parallel = new ParallelCoordinatesView();
    final Label passing = new Label();
    final Label title = new Label("Results");
    final Button exportPng = new Button("Export plots as PNG\u2026");
    /** A study's table, laid out like the lecture's (shown for the lecture's comparisons only). */
    final GridPane studyTable = new GridPane();
    private final HBox bar;
    private final VBox pc;
    private SweepResultsModel model;

    private final TaskExecutor tasks;

    SweepResultsView(Navigator nav, TaskExecutor tasks) {
        super(8);
        this.nav = nav;
        this.tasks = tasks;
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
        bar = new HBox(8, new Label("metric"), metric, exportPng, passing);
        bar.setAlignment(Pos.CENTER_LEFT);
        parallel.setOnBrush(this::count);
        studyTable.setHgap(18);
        studyTable.setVgap(4);
        studyTable.getStyleClass().add("study-table");
        pc = Controls.panel("Parallel coordinates: drag along an axis to keep only the runs inside (click it to clear)",
                parallel);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox.setVgrow(pc, Priority.ALWAYS);
        charts.setMinHeight(200);
        charts.setPrefHeight(320);
        getChildren().addAll(title, bar, studyTable, charts, pc);
    }

    void show(SweepResultsModel m) {
        this.model = m;
        exportPng.setDisable(m == null);
        title.setText(m == null ? "Results" : "Results of " + m.dir().getFileName() + " (" + m.results().rowCount() + " runs)");
        redraw();
    }

    private void redraw() {
        charts.getChildren().clear();
        boolean study = model != null && model.study() != null;
        // a study varies one choice: its table and bars say it all, a metric menu and parallel axes would not
        metric.setVisible(!study);
        metric.setManaged(!study);
        bar.getChildren().get(0).setVisible(!study);
        bar.getChildren().get(0).setManaged(!study);
        pc.setVisible(!study);
        pc.setManaged(!study);
        studyTable.setVisible(study);
        studyTable.setManaged(study);
        if (study) {
            passing.setText("");
            fillStudyTable(model.studyTable(), model.study());
            ChartCanvas c = new ChartCanvas();
            c.setChart(model.studyChart());
            HBox.setHgrow(c, Priority.ALWAYS);
            c.setPrefWidth(720);
            c.getStyleClass().add("panel");
            charts.getChildren().add(c);
            parallel.setModel(null);
            return;
        }
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

    /** The study's rows in the lecture's order; a row not run yet shows dashes. */
    private void fillStudyTable(Table t, Study study) {
        studyTable.getChildren().clear();
        String[] heads = {study == Study.COLOUR ? "augmentation" : "objective", "lecture", "linear", "kNN", "diag C",
            "rank", "runs"};
        String[] tips = {null, "the lecture's ImageNet linear top-1 (ResNet-50, hundreds of epochs)",
            "measured linear-probe top-1", "measured kNN top-1", "C's mean diagonal at the end (1: the twins agree)",
            "the embeddings' effective rank at the end (1: collapsed onto a line)", "runs averaged (seeds)"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("caption");
            if (tips[c] != null) {
                h.setTooltip(new javafx.scene.control.Tooltip(tips[c]));
            }
            h.setMinWidth(Region.USE_PREF_SIZE);
            studyTable.add(h, c, 0);
        }
        for (int r = 0; r < t.rowCount(); r++) {
            String[] cells = {t.stringColumn("row").get(r), pct(t.doubleColumn("lectureTop1Pct").getDouble(r)),
                pct(t.doubleColumn("linearTop1Pct").getDouble(r)), pct(t.doubleColumn("knnTop1Pct").getDouble(r)),
                num(t.doubleColumn("meanDiagonal").getDouble(r), "%.3f"), num(t.doubleColumn("effectiveRank").getDouble(r), "%.1f"),
                Integer.toString(t.intColumn("runs").getInt(r))};
            for (int c = 0; c < cells.length; c++) {
                Label l = new Label(cells[c]);
                if (c > 0) {
                    // the numbers never shrink to "7…": the row's name gives way instead
                    GridPane.setHalignment(l, javafx.geometry.HPos.RIGHT);
                    l.setMinWidth(Region.USE_PREF_SIZE);
                }
                studyTable.add(l, c, r + 1);
            }
        }
    }

    private static String pct(double v) {
        return num(v, "%.1f%%");
    }

    private static String num(double v, String format) {
        return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, format, v) : "\u2014";
    }

    /** The study table's cell at a row (from 0, below the header) and column, as shown (tests read it). */
    String studyCell(int row, int column) {
        return studyTable.getChildren().stream()
                .filter(n -> GridPane.getRowIndex(n) == row + 1 && GridPane.getColumnIndex(n) == column)
                .map(n -> ((Label) n).getText()).findFirst().orElse(null);
    }

    private void count() {
        passing.setText(model == null || model.study() != null ? "" : parallel.passing().size() + " of " + model.results().rowCount()
                + " runs inside the brushes");
    }

    /** Whether the parallel coordinates are on screen (not for a study: one choice varies). */
    boolean parallelShown() {
        return pc.isVisible();
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
        if (model.study() != null) {
            Chart bars = model.studyChart();
            tasks.submit("sweep-png", () -> {
                Path f = dir.resolve(SweepFigures.STUDY_CHART);
                Charts.write(bars, f, SweepFigures.WIDE);
                return f;
            }, f -> nav.notify("Wrote " + f), nav::notify);
            return;
        }
        String m = metric.getValue();
        Map<String, Chart> all = model.charts(m);
        WritableImage pc = parallel.canvas().snapshot(null, null);
        java.awt.image.BufferedImage pcImage = SwingFXUtils.fromFXImage(pc, null);
        tasks.submit("sweep-png", () -> {
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, Chart> e : all.entrySet()) {
                Path f = dir.resolve(m + "-vs-" + e.getKey() + ".png");
                Charts.write(e.getValue(), f, FigureSize.DEFAULT);
                files.add(f);
            }
            Path f = dir.resolve("parallel-coordinates-" + m + ".png");
            org.twinlab.runs.AtomicFiles.write(f, o -> javax.imageio.ImageIO.write(pcImage, "png", o));
            files.add(f);
            return files;
        }, files -> nav.notify("Wrote " + files.size() + " plots to " + dir), nav::notify);
    }
}
