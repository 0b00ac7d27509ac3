package org.twinlab.ui;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import org.twinlab.train.TrainingEvent;

/**
 * The final C of several runs side by side, every one on the same fixed [-1, 1] colour map with one colour
 * bar for all, so the tiles compare cell for cell; each is named in its run's colour. Tiles share the
 * height they are given and stay square, cells crisp.
 */
final class CorrelationTiles extends HBox {
    /** A tile: its run's name and colour and its C (null: the run left no C). */
    record Tile(String name, Color color, TrainingEvent.Correlation c) {
    }

    private final javafx.scene.layout.TilePane tiles = new javafx.scene.layout.TilePane(10, 6);
    private final Canvas bar = new Canvas(46, 160);
    /** One canvas per tile: drawn scaled without smoothing, so every cell of C stays a crisp square. */
    private final List<Canvas> images = new ArrayList<>();
    private final List<WritableImage> pictures = new ArrayList<>();

    CorrelationTiles() {
        setSpacing(10);
        tiles.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(tiles, Priority.ALWAYS);
        getChildren().addAll(tiles, bar);
        setMinHeight(120);
        heightProperty().addListener(o -> fit());
        widthProperty().addListener(o -> fit());
        drawBar();
    }

    void setTiles(List<Tile> list) {
        tiles.getChildren().clear();
        images.clear();
        pictures.clear();
        for (Tile t : list) {
            Label name = new Label(t.name());
            name.setTextFill(t.color());
            name.setStyle("-fx-font-weight: bold;");
            Canvas view = new Canvas(40, 40);
            Label info = new Label(t.c() == null ? "no C saved" : String.format(Locale.ROOT, "D = %d, step %d, diag %.2f",
                    t.c().dim(), t.c().step(), t.c().meanDiagonal()));
            info.getStyleClass().add("caption");
            images.add(view);
            pictures.add(t.c() == null ? null : image(t.c()));
            tiles.getChildren().add(new VBox(2, name, view, info));
        }
        fit();
    }

    /** How many tiles hold an image (tests read it). */
    long drawnTiles() {
        return pictures.stream().filter(java.util.Objects::nonNull).count();
    }

    private static WritableImage image(TrainingEvent.Correlation c) {
        int side = c.side();
        IntBuffer px = IntBuffer.allocate(side * side);
        HeatmapRenderer.render(c.values(), side, px);
        WritableImage img = new WritableImage(side, side);
        img.getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbPreInstance(), px.array(), 0, side);
        return img;
    }

    /** The number of columns that gives the largest tiles in the room there is, then tiles of that size. */
    private void fit() {
        int n = Math.max(1, images.size());
        double w = getWidth() - bar.getWidth() - 20;
        double h = getHeight();
        double label = 40; // name above, numbers below
        double best = 40;
        int bestCols = 1;
        for (int cols = 1; cols <= n; cols++) {
            int rows = (n + cols - 1) / cols;
            double side = Math.min((w - 10 * (cols - 1)) / cols, (h - 6 * (rows - 1)) / rows - label);
            if (side > best) {
                best = side;
                bestCols = cols;
            }
        }
        tiles.setPrefColumns(bestCols);
        for (int i = 0; i < images.size(); i++) {
            Canvas v = images.get(i);
            v.setWidth(best);
            v.setHeight(best);
            GraphicsContext g = v.getGraphicsContext2D();
            g.clearRect(0, 0, best, best);
            g.setImageSmoothing(false);
            if (pictures.get(i) != null) {
                g.drawImage(pictures.get(i), 0, 0, best, best);
            }
        }
        bar.setHeight(Math.max(60, Math.min(best, h - label)) + 20);
        drawBar();
    }

    /** One colour bar for every tile: +1 at the top, -1 at the bottom, the same map as the live heatmap. */
    private void drawBar() {
        GraphicsContext g = bar.getGraphicsContext2D();
        double h = bar.getHeight() - 20;
        g.clearRect(0, 0, bar.getWidth(), bar.getHeight());
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            stops.add(new Stop(i / 10.0, ColorMaps.divergingColor(1 - i / 5.0)));
        }
        g.setFill(new LinearGradient(0, 24, 0, 24 + h, false, CycleMethod.NO_CYCLE, stops));
        g.fillRect(0, 24, 14, h - 4);
        g.setFill(PlotCanvas.TEXT);
        g.fillText("+1", 18, 32);
        g.fillText(" 0", 18, 24 + h / 2);
        g.fillText("\u22121", 18, 20 + h);
    }
}
