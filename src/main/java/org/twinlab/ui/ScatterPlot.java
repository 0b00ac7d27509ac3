package org.twinlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.twinlab.train.TrainingEvent;

/** The 2-D PCA of test embeddings, one dot per image, coloured by class. */
final class ScatterPlot extends PlotCanvas {
    private TrainingEvent.Embedding embedding;

    ScatterPlot() {
        right = 120;
    }

    void setEmbedding(TrainingEvent.Embedding e) {
        this.embedding = e;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        TrainingEvent.Embedding e = embedding;
        if (e == null || e.x().length == 0) {
            right = 12;
            frame(g, -1, 1, -1, 1, false, "PC 1", "PC 2");
            return;
        }
        double xmin = Double.MAX_VALUE;
        double xmax = -Double.MAX_VALUE;
        double ymin = Double.MAX_VALUE;
        double ymax = -Double.MAX_VALUE;
        for (int i = 0; i < e.x().length; i++) {
            xmin = Math.min(xmin, e.x()[i]);
            xmax = Math.max(xmax, e.x()[i]);
            ymin = Math.min(ymin, e.y()[i]);
            ymax = Math.max(ymax, e.y()[i]);
        }
        // room on the right for the class legend, as wide as its longest name at this type size, in as
        // many columns as a short plot needs to show every class
        int longest = e.classNames().stream().mapToInt(String::length).max().orElse(8);
        double line = fontSize() + 4;
        int perColumn = Math.max(1, (int) ((h - top - 8) / line));
        int columns = (e.classNames().size() + perColumn - 1) / perColumn;
        double columnWidth = 0.6 * fontSize() * longest + 1.8 * fontSize();
        right = columns * columnWidth;
        double px = (xmax - xmin) * 0.05 + 1e-6;
        double py = (ymax - ymin) * 0.05 + 1e-6;
        frame(g, xmin - px, xmax + px, ymin - py, ymax + py, false, "PC 1 (step " + e.step() + ")", "PC 2");
        for (int i = 0; i < e.x().length; i++) {
            g.setFill(ColorMaps.classColor(e.labels()[i]).deriveColor(0, 1, 1, 0.75));
            double d = 4 * lineScale();
            g.fillOval(x(e.x()[i]) - d / 2, y(e.y()[i]) - d / 2, d, d);
        }
        List<Color> colors = new ArrayList<>();
        for (int c = 0; c < e.classNames().size(); c++) {
            colors.add(ColorMaps.classColor(c));
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int c = 0; c < e.classNames().size(); c++) {
            double lx = w - right + 0.6 * fontSize() + (c / perColumn) * columnWidth;
            double ly = top + 8 + (c % perColumn) * line;
            g.setFill(colors.get(c));
            g.fillOval(lx, ly - fontSize() / 3, fontSize() * 2 / 3, fontSize() * 2 / 3);
            g.setFill(TEXT);
            g.fillText(e.classNames().get(c), lx + fontSize(), ly);
        }
    }
}
