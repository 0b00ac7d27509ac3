package org.twinlab.ui;

import java.nio.IntBuffer;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.twinlab.train.TrainingEvent;

/**
 * The cross-correlation matrix as a heatmap: a PixelBuffer-backed image (one pixel per cell, scaled
 * without smoothing), a [-1, 1] legend, the value under the pointer, mean diagonal and mean
 * |off-diagonal| with a histogram of each. Matrices wider than 1024 show block averages, with an exact
 * 256 x 256 window that can be moved across C.
 */
public final class HeatmapView extends VBox {
    private final ImageView image = new ImageView();
    private final StackPane holder = new StackPane(image);
    private final Canvas legend = new Canvas(54, 200);
    private final Label title = new Label("C, the cross-correlation matrix");
    private static final String WAITING = "Press Start to watch C turn into the identity";
    private final Label info = new Label(WAITING);
    private final Label hover = new Label(" ");
    private final Label stats = new Label(" ");
    private final Histogram diagonal = new Histogram("diagonal C\u1d62\u1d62", Color.web("#b2182b"));
    private final Histogram offDiagonal = new Histogram("off-diagonal C\u1d62\u2c7c", Color.web("#2166ac"));
    private final ToggleButton exact = new ToggleButton("Exact 256\u00d7256");
    private final Spinner<Integer> rowOrigin = new Spinner<>(0, 8192, 0, 64);
    private final Spinner<Integer> colOrigin = new Spinner<>(0, 8192, 0, 64);
    private final HBox zoomBar = new HBox(6, exact, new Label("from row"), rowOrigin, new Label("col"), colOrigin);
    private PixelBuffer<IntBuffer> buffer;
    private int side;
    private TrainingEvent.Correlation shown;
    private long renders;

    public HeatmapView() {
        setSpacing(6);
        setPadding(new Insets(8));
        getStyleClass().add("panel");
        title.getStyleClass().add("panel-title");
        image.setSmooth(false);
        image.setPreserveRatio(true);
        holder.setMinSize(120, 120);
        VBox.setVgrow(holder, Priority.ALWAYS);
        holder.widthProperty().addListener(o -> fit());
        holder.heightProperty().addListener(o -> fit());
        HBox.setHgrow(holder, Priority.ALWAYS);
        HBox body = new HBox(8, holder, legend);
        body.setAlignment(Pos.CENTER);
        VBox.setVgrow(body, Priority.ALWAYS);
        HBox hist = new HBox(12, diagonal, offDiagonal);
        zoomBar.setAlignment(Pos.CENTER_LEFT);
        zoomBar.setVisible(false);
        zoomBar.setManaged(false);
        rowOrigin.setPrefWidth(90);
        colOrigin.setPrefWidth(90);
        rowOrigin.setEditable(true);
        colOrigin.setEditable(true);
        exact.selectedProperty().addListener(o -> redrawShown());
        getChildren().addAll(title, info, body, zoomBar, hover, stats, hist);
        image.setOnMouseMoved(e -> hoverAt(e.getX(), e.getY()));
        image.setOnMouseExited(e -> hover.setText(" "));
        drawLegend();
    }

    /** Called when the user moves the exact window: the run takes it at its next snapshot. */
    public void setOnRegionChange(BiConsumer<Integer, Integer> listener) {
        rowOrigin.valueProperty().addListener(o -> listener.accept(rowOrigin.getValue(), colOrigin.getValue()));
        colOrigin.valueProperty().addListener(o -> listener.accept(rowOrigin.getValue(), colOrigin.getValue()));
    }

    /** Draws a snapshot (FX thread). */
    public void show(TrainingEvent.Correlation c) {
        shown = c;
        boolean wide = c.stride() > 1;
        zoomBar.setVisible(wide);
        zoomBar.setManaged(wide);
        redrawShown();
        info.setText(String.format(Locale.ROOT, "D = %d, step %d%s", c.dim(), c.step(),
                wide ? ", blocks of " + c.stride() + "\u00d7" + c.stride() + " averaged" : ", every cell"));
        stats.setText(String.format(Locale.ROOT, "mean diagonal %.3f    mean |off-diagonal| %.4f", c.meanDiagonal(),
                c.meanAbsOffDiagonal()));
        diagonal.setCounts(c.diagonalHistogram());
        offDiagonal.setCounts(c.offDiagonalHistogram());
    }

    /** Forgets the matrix shown: another run's C must not stand for this one's until it has its own. */
    public void clear() {
        shown = null;
        image.setImage(null);
        buffer = null;
        side = 0;
        info.setText(WAITING);
        stats.setText(" ");
        diagonal.setCounts(new int[0]);
        offDiagonal.setCounts(new int[0]);
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
        double s = Math.max(50, Math.min(holder.getWidth(), holder.getHeight()) - 4);
        image.setFitWidth(s);
        image.setFitHeight(s);
    }

    private void hoverAt(double px, double py) {
        TrainingEvent.Correlation c = shown;
        if (c == null || side == 0) {
            return;
        }
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

    private void drawLegend() {
        GraphicsContext g = legend.getGraphicsContext2D();
        double h = legend.getHeight();
        for (int y = 0; y < h - 20; y++) {
            g.setFill(ColorMaps.divergingColor(1 - 2.0 * y / (h - 21)));
            g.fillRect(0, y + 10, 16, 1);
        }
        g.setFill(PlotCanvas.TEXT);
        g.fillText("+1", 20, 14);
        g.fillText(" 0", 20, h / 2 + 4);
        g.fillText("\u22121", 20, h - 8);
    }

    /** How many times the heatmap image was redrawn (tests read it). */
    public long renders() {
        return renders;
    }

    public ImageView imageView() {
        return image;
    }

    /** A small bar chart of counts over [-1, 1]. */
    static final class Histogram extends VBox {
        private final Canvas canvas = new Canvas(200, 54);
        private final Color color;

        Histogram(String name, Color color) {
            this.color = color;
            getChildren().addAll(new Label(name), canvas);
            setCounts(new int[0]);
        }

        void setCounts(int[] counts) {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double w = canvas.getWidth();
            double h = canvas.getHeight() - 12;
            g.clearRect(0, 0, w, canvas.getHeight());
            int max = 1;
            for (int c : counts) {
                max = Math.max(max, c);
            }
            g.setFill(color);
            for (int i = 0; i < counts.length; i++) {
                double bh = h * Math.sqrt((double) counts[i] / max); // sqrt: the rare bins stay visible
                g.fillRect(i * w / counts.length, h - bh, w / counts.length - 1, bh);
            }
            g.setFill(PlotCanvas.AXIS);
            g.fillText("\u22121", 0, canvas.getHeight());
            g.fillText("0", w / 2 - 3, canvas.getHeight());
            g.fillText("1", w - 8, canvas.getHeight());
        }
    }
}
