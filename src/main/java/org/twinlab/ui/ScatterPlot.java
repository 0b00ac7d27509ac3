package org.twinlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import org.twinlab.export.chart.Frame;
import org.twinlab.export.chart.Legend;
import org.twinlab.export.chart.Palette;
import org.twinlab.train.TrainingEvent;

/** The 2-D PCA of test embeddings, one dot per image, coloured by class; the classes' legend beside or above it. */
final class ScatterPlot extends PlotCanvas {
    private TrainingEvent.Embedding embedding;

    void setEmbedding(TrainingEvent.Embedding e) {
        this.embedding = e;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        TrainingEvent.Embedding e = embedding;
        if (e == null || e.x().length == 0) {
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
        List<Legend.Entry> classes = new ArrayList<>();
        for (int c = 0; c < e.classNames().size(); c++) {
            classes.add(new Legend.Entry(e.classNames().get(c), Palette.category(c), Legend.Swatch.DOT));
        }
        double px = (xmax - xmin) * 0.05 + 1e-6;
        double py = (ymax - ymin) * 0.05 + 1e-6;
        frame(g, spec().x("PC 1 (step " + e.step() + ")", Frame.Extent.exact(xmin - px, xmax + px, false))
                .y("PC 2", Frame.Extent.exact(ymin - py, ymax + py, false)).legend(new Legend(classes)));
        double d = 4 * lineScale();
        for (int i = 0; i < e.x().length; i++) {
            g.setFill(ColorMaps.classColor(e.labels()[i]).deriveColor(0, 1, 1, 0.75));
            g.fillOval(x(e.x()[i]) - d / 2, y(e.y()[i]) - d / 2, d, d);
        }
    }
}
