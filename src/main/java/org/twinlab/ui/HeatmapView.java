package org.twinlab.ui;

import org.twinlab.export.chart.Palette;
import org.twinlab.export.chart.Theme;
import java.nio.IntBuffer;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.twinlab.train.TrainingEvent;

/**
 * The cross-correlation matrix as a heatmap: a PixelBuffer-backed image (one pixel per cell, scaled
 * without smoothing), a [-1, 1] colour bar, the value under the pointer, mean diagonal and mean
 * |off-diagonal| with a histogram of each, and beside it the two collapse gauges (effective rank and
 * spread) of the same snapshots. Matrices wider than 1024 show block averages, with an exact 256 x 256
 * window that can be moved across C.
 */
public final class HeatmapView extends VBox {
    static final String WAITING = "Press Start to watch C turn into the identity";
    private final ImageView image = new ImageView();
    /** The value under the pointer, over the picture's corner: it takes no row of the panel. */
    private final Label hover = new Label(" ");
    private final StackPane holder = new StackPane(image, hover);
    private final ColourBar legend = new ColourBar();
    static final String TITLE = "C: view A's features against view B's";
    private final Label title = new Label(TITLE);
    /** Under C: every snapshot of the run, to scrub and play (hidden for a run without a history). */
    final CorrelationTimeline timeline = new CorrelationTimeline();
    private java.util.function.Consumer<Double> onStep = s -> { };
    private final Label info = new Label(WAITING);
    private final Label stats = new Label(" ");
    private final Histogram diagonal = new Histogram("diagonal C\u1d62\u1d62", Palette.DIAGONAL);
    private final Histogram offDiagonal = new Histogram("off-diagonal C\u1d62\u2c7c", Palette.OFF_DIAGONAL);
    final GaugePlot rank = new GaugePlot("effective rank", r -> r.effectiveRank, true);
    final GaugePlot spread = new GaugePlot("spread", r -> r.spread, false);
    /**
     * Beside the matrix: the collapse gauges over the run, then the histograms of this snapshot; in one column,
     * or two (gauges, histograms) where the panel is too short for four rows (presenter mode's 2 x 2 grid).
     */
    private final VBox gaugeColumn = new VBox(6, rank, spread);
    private final VBox histogramColumn = new VBox(6, diagonal, offDiagonal);
    private final HBox gauges = new HBox(8, gaugeColumn);
    private boolean twoColumns;
    private double scale = 1;
    private final ToggleButton exact = new ToggleButton("Exact 256\u00d7256");
    private final Spinner<Integer> rowOrigin = new Spinner<>(0, 8192, 0, 64);
    private final Spinner<Integer> colOrigin = new Spinner<>(0, 8192, 0, 64);
    private final HBox zoomBar = new HBox(6, exact, new Label("from row"), rowOrigin, new Label("col"), colOrigin);
    private PixelBuffer<IntBuffer> buffer;
    private int side;
    private TrainingEvent.Correlation shown;
    private long renders;

    public HeatmapView() {
        setSpacing(3);
        setPadding(new Insets(8));
        setMinSize(0, 0);
        getStyleClass().add("panel");
        title.getStyleClass().add("panel-title");
        // a narrow panel (a lesson's two panels at 1280 px in presenter mode) wraps the title rather than cut it
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setTooltip(help("C is the cross-correlation matrix of the two views' embeddings. Each feature is normalised "
                + "over the batch; C\u1d62\u2c7c is how feature i of view A (row) rises and falls with feature j of view B "
                + "(column) across the batch: +1 red, 0 white, \u22121 blue. The diagonal asks whether a feature "
                + "agrees with itself across the two views (invariance); the rest whether two features repeat "
                + "each other (redundancy). Barlow Twins pulls C towards the identity."));
        info.getStyleClass().add("caption");
        info.setWrapText(true);
        info.setMinHeight(Region.USE_PREF_SIZE);
        image.setSmooth(false);
        hover.getStyleClass().add("heatmap-hover");
        hover.setStyle("-fx-background-color: rgba(255,255,255,0.85); -fx-padding: 1 4 1 4;");
        hover.setMouseTransparent(true);
        hover.setVisible(false);
        StackPane.setAlignment(hover, Pos.TOP_LEFT);
        image.setPreserveRatio(true);
        holder.setMinSize(60, 60);
        holder.widthProperty().addListener(o -> fit());
        holder.heightProperty().addListener(o -> fit());
        HBox.setHgrow(holder, Priority.ALWAYS);
        VBox.setVgrow(holder, Priority.ALWAYS);
        // the colour bar as tall as the picture beside it
        legend.maxHeightProperty().bind(image.fitHeightProperty());
        legend.prefHeightProperty().bind(image.fitHeightProperty());
        HBox body = new HBox(6, holder, legend);
        body.setAlignment(Pos.CENTER);
        VBox.setVgrow(body, Priority.ALWAYS);
        zoomBar.setAlignment(Pos.CENTER_LEFT);
        zoomBar.setVisible(false);
        zoomBar.setManaged(false);
        rowOrigin.setPrefWidth(90);
        colOrigin.setPrefWidth(90);
        rowOrigin.setEditable(true);
        colOrigin.setEditable(true);
        exact.selectedProperty().addListener(o -> redrawShown());
        stats.setWrapText(true);
        stats.setMinHeight(Region.USE_PREF_SIZE);
        VBox matrix = new VBox(2, body, timeline, zoomBar);
        timeline.setOnShow(this::display);
        timeline.setOnStep(s -> {
            rank.mark(s);
            spread.mark(s);
            onStep.accept(s);
        });
        matrix.setMinSize(0, 0);
        body.setMinSize(0, 0);
        HBox.setHgrow(matrix, Priority.ALWAYS);
        VBox.setVgrow(rank, Priority.ALWAYS);
        VBox.setVgrow(spread, Priority.ALWAYS);
        HBox.setHgrow(gaugeColumn, Priority.ALWAYS);
        HBox.setHgrow(histogramColumn, Priority.ALWAYS);
        gaugeColumn.setMinWidth(0);
        histogramColumn.setMinWidth(0);
        gaugeColumn.setPrefWidth(1);
        histogramColumn.setPrefWidth(1);
        rank.setPrefHeight(1);
        spread.setPrefHeight(1);
        Tooltip.install(rank, help("Effective rank of the embeddings over the batch: how many directions they really use "
                + "(D when every feature carries its share, 1 when all embeddings lie on a line). A collapse shows "
                + "as a fall towards 1."));
        Tooltip.install(spread, help("Spread: the mean standard deviation, over the batch, of each feature of the "
                + "unit-length embeddings, scaled so that embeddings spread over the sphere give about 1. A collapse "
                + "to one output gives 0."));
        gaugeColumn.getChildren().addAll(diagonal, offDiagonal);
        HBox row = new HBox(8, matrix, gauges);
        row.setMinHeight(0);
        VBox.setVgrow(row, Priority.ALWAYS);
        // the means under both columns: one line across the panel, never squeezed under the matrix alone
        getChildren().addAll(title, info, row, stats);
        image.setOnMouseMoved(e -> hoverAt(e.getX(), e.getY()));
        image.setOnMouseExited(e -> hover.setVisible(false));
        heightProperty().addListener(o -> arrangeGauges());
        widthProperty().addListener(o -> arrangeGauges());
        setScale(1);
    }

    /**
     * Room for two side by side (a race): the gauges stay; the histograms, the info line and the timeline's step
     * label go (the title says the step).
     */
    void compact() {
        for (javafx.scene.Node n : new javafx.scene.Node[] {diagonal, offDiagonal, info, timeline.where}) {
            n.setVisible(false);
            n.setManaged(false);
        }
    }

    static Tooltip help(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setPrefWidth(420);
        t.setShowDelay(Duration.millis(250));
        t.setShowDuration(Duration.seconds(60));
        return t;
    }

    /** Type and drawings grow together for a projector: colour bar, histograms and gauges. */
    void setScale(double s) {
        scale = s;
        legend.setFontSize(12 * s);
        diagonal.setFontSize(11 * s);
        offDiagonal.setFontSize(11 * s);
        rank.setFontSize(11 * s);
        spread.setFontSize(11 * s);
        legend.setPrefWidth(46 * s);
        legend.setMinWidth(46 * s);
        for (Histogram h : new Histogram[] {diagonal, offDiagonal}) {
            h.setPrefHeight(50 * s);
            h.setMinHeight(40 * s);
            h.setMaxHeight(twoColumns ? Double.MAX_VALUE : 60 * s);
        }
        arrangeGauges();
    }

    /**
     * Four rows of gauges need their minimum heights one above the other; where the row beside the matrix is
     * shorter than that (a landscape panel), the histograms move to a second column and the gauges widen.
     */
    private void arrangeGauges() {
        double needed = rank.minHeight(-1) + spread.minHeight(-1) + diagonal.minHeight(-1) + offDiagonal.minHeight(-1) + 18;
        double rowHeight = getHeight() - snappedTopInset() - snappedBottomInset() - title.prefHeight(getWidth())
                - info.prefHeight(getWidth()) - stats.prefHeight(getWidth()) - 3 * getSpacing();
        boolean two = getHeight() > 0 && rowHeight < needed;
        if (two != twoColumns || gauges.getChildren().size() != (two ? 2 : 1)) {
            twoColumns = two;
            gaugeColumn.getChildren().removeAll(diagonal, offDiagonal);
            if (two) {
                histogramColumn.getChildren().setAll(diagonal, offDiagonal);
                // the second column has the height of the gauges beside it: the histograms may use it
                for (Histogram h : new Histogram[] {diagonal, offDiagonal}) {
                    h.setMaxHeight(Double.MAX_VALUE);
                    VBox.setVgrow(h, Priority.ALWAYS);
                }
                gauges.getChildren().setAll(gaugeColumn, histogramColumn);
            } else {
                histogramColumn.getChildren().clear();
                for (Histogram h : new Histogram[] {diagonal, offDiagonal}) {
                    h.setMaxHeight(60 * scale);
                    VBox.setVgrow(h, Priority.NEVER);
                }
                gaugeColumn.getChildren().addAll(diagonal, offDiagonal);
                gauges.getChildren().setAll(gaugeColumn);
            }
        }
        // one column takes 28% of the panel beside the matrix, two take 44%
        double share = two ? 0.44 : 0.28;
        gauges.setPrefWidth(getWidth() * share);
        gauges.setMinWidth(getWidth() * share);
    }

    /** Whether the histograms stand in a second column beside the gauges (tests read it). */
    boolean gaugesInTwoColumns() {
        return twoColumns;
    }

    /** Called when the user moves the exact window: the run takes it at its next snapshot. */
    public void setOnRegionChange(BiConsumer<Integer, Integer> listener) {
        rowOrigin.valueProperty().addListener(o -> listener.accept(rowOrigin.getValue(), colOrigin.getValue()));
        colOrigin.valueProperty().addListener(o -> listener.accept(rowOrigin.getValue(), colOrigin.getValue()));
    }

    /** The gauges and the timeline follow this run's snapshots. */
    void setRun(LiveRun run) {
        rank.setRun(run);
        spread.setRun(run);
        timeline.setRun(run);
    }

    /** Hears the step the timeline shows (NaN when it follows the run), for the other panels to mark it. */
    void setOnStep(java.util.function.Consumer<Double> l) {
        onStep = l;
    }

    /**
     * The run's latest snapshot (FX thread): drawn, unless the timeline holds a snapshot of the past on screen,
     * which stays until the timeline lets go ("Latest", or playing up to the live run).
     */
    public void show(TrainingEvent.Correlation c) {
        if (!timeline.pinned()) {
            display(c);
        }
        timeline.update();
    }

    private void display(TrainingEvent.Correlation c) {
        shown = c;
        // which C is shown: a fixed set of held-out pairs or the step's own batch (its sampling noise differs)
        // short enough for one line in presenter mode at 1280 px: what the rows and columns are, the line under it says
        title.setText(String.format(Locale.ROOT, "%s at step %d", c.source(), c.step()));
        boolean wide = c.stride() > 1;
        zoomBar.setVisible(wide);
        zoomBar.setManaged(wide);
        image.setVisible(true);
        redrawShown();
        // the title says the step; the line under it what the picture is
        info.setText(String.format(Locale.ROOT, "D = %d%s \u00b7 rows: view A, columns: view B", c.dim(),
                wide ? ", blocks of " + c.stride() + "\u00d7" + c.stride() + " averaged" : ""));
        stats.setText(String.format(Locale.ROOT, "mean diagonal %.3f \u00b7 mean |off-diagonal| %.4f", c.meanDiagonal(),
                c.meanAbsOffDiagonal()));
        diagonal.setCounts(c.diagonalHistogram());
        offDiagonal.setCounts(c.offDiagonalHistogram());
        rank.redraw();
        spread.redraw();
    }

    /** Forgets the last run's C: a new run, another dataset or a reset; {@code message} says what comes. */
    void clear(String message) {
        shown = null;
        title.setText(TITLE);
        image.setVisible(false);
        info.setText(message);
        stats.setText(" ");
        hover.setVisible(false);
        diagonal.setCounts(new int[0]);
        offDiagonal.setCounts(new int[0]);
    }

    /** Adds a note to the info line: the matrix is what the run that ended left. */
    void markEnded(String how) {
        if (shown != null && !info.getText().endsWith(how)) {
            info.setText(info.getText() + " \u2014 " + how);
        }
    }

    /** The snapshot on screen, null when cleared (tests read it). */
    TrainingEvent.Correlation shown() {
        return shown;
    }

    String titleText() {
        return title.getText();
    }

    String infoText() {
        return info.getText();
    }

    private void redrawShown() {
        TrainingEvent.Correlation c = shown;
        if (c == null) {
            return;
        }
        boolean region = exact.isSelected() && c.stride() > 1;
        draw(region ? c.region() : c.values(), region ? c.regionSize() : c.side());
    }

    /** Maps values to the image's pixels and tells JavaFX which region changed: one buffer, reused. */
    void draw(float[] values, int n) {
        if (buffer == null || side != n) {
            side = n;
            buffer = new PixelBuffer<>(n, n, IntBuffer.allocate(n * n), PixelFormat.getIntArgbPreInstance());
            image.setImage(new WritableImage(buffer));
            fit();
        }
        buffer.updateBuffer(b -> {
            HeatmapRenderer.render(values, n, b.getBuffer());
            return new Rectangle2D(0, 0, n, n);
        });
        renders++;
    }

    private void fit() {
        double s = Math.max(40, Math.min(holder.getWidth(), holder.getHeight()) - 4);
        image.setFitWidth(s);
        image.setFitHeight(s);
    }

    private void hoverAt(double px, double py) {
        TrainingEvent.Correlation c = shown;
        if (c == null || side == 0) {
            return;
        }
        hover.setVisible(true);
        double cell = image.getBoundsInLocal().getWidth() / side;
        int i = Math.min(side - 1, Math.max(0, (int) (py / cell)));
        int j = Math.min(side - 1, Math.max(0, (int) (px / cell)));
        boolean region = exact.isSelected() && c.stride() > 1;
        if (region) {
            hover.setText(String.format(Locale.ROOT, "C[%d, %d] = %+.4f", c.regionRow() + i, c.regionCol() + j,
                    c.region()[i * c.regionSize() + j]));
        } else if (c.stride() > 1) {
            hover.setText(String.format(Locale.ROOT, "C[%d-%d, %d-%d] block mean = %+.4f", i * c.stride(),
                    (i + 1) * c.stride() - 1, j * c.stride(), (j + 1) * c.stride() - 1, c.value(i, j)));
        } else {
            hover.setText(String.format(Locale.ROOT, "C[%d, %d] = %+.4f", i, j, c.value(i, j)));
        }
    }

    /** How many times the heatmap image was redrawn (tests read it). */
    public long renders() {
        return renders;
    }

    public ImageView imageView() {
        return image;
    }

    /** The colour bar: the chart model's, as tall as the matrix beside it. */
    static final class ColourBar extends PlotCanvas {
        ColourBar() {
            setMinSize(30, 60);
        }

        @Override
        protected void draw(GraphicsContext g, double w, double h) {
            drawn(org.twinlab.export.chart.ColourBar.drawAlone(new FxPainter(g), Theme.live(fontSize()), w, h));
        }
    }

    /** A small bar chart of counts over [-1, 1] (the chart model's histogram), sized by its region. */
    static final class Histogram extends PlotCanvas {
        private final String name;
        private final java.awt.Color color;
        private int[] counts = new int[0];

        Histogram(String name, java.awt.Color color) {
            this.name = name;
            this.color = color;
            setMinSize(60, 36);
        }

        void setCounts(int[] counts) {
            this.counts = counts;
            redraw();
        }

        @Override
        protected void draw(GraphicsContext g, double w, double h) {
            drawn(org.twinlab.export.chart.Histogram.draw(new FxPainter(g), Theme.live(fontSize() / 0.85), name, color,
                    counts, w, h));
        }
    }
}
