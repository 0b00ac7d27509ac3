package org.twinlab.export.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Points coloured by class, with the class names in the legend: e.g. a 2-D PCA of embeddings.
 * Points are drawn slightly transparent so dense clusters show their density.
 *
 * <pre>{@code
 * Chart c = new ScatterChart("Test set, PCA").axes("PC 1", "PC 2").points(xs, ys, labels, classNames);
 * }</pre>
 */
public final class ScatterChart extends TitledChart<ScatterChart> {
    private double[] x = new double[0];
    private double[] y = new double[0];
    private int[] labels = new int[0];
    private List<String> classNames = List.of();

    public ScatterChart(String title) {
        super(title);
    }

    /** The points and the class of each; class {@code k} is named {@code classNames.get(k)} in the legend. */
    public ScatterChart points(double[] x, double[] y, int[] labels, List<String> classNames) {
        if (x.length != y.length || x.length != labels.length) {
            throw new IllegalArgumentException("scatter: " + x.length + " x, " + y.length + " y and " + labels.length + " labels");
        }
        this.x = x.clone();
        this.y = y.clone();
        this.labels = labels.clone();
        this.classNames = List.copyOf(classNames);
        return this;
    }

    @Override
    public Layout draw(Painter p, int width, int height) {
        Theme t = Theme.of(width, height);
        double[] xe = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] ye = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                xe[0] = Math.min(xe[0], x[i]);
                xe[1] = Math.max(xe[1], x[i]);
                ye[0] = Math.min(ye[0], y[i]);
                ye[1] = Math.max(ye[1], y[i]);
            }
        }
        int classes = classNames.size();
        for (int l : labels) {
            classes = Math.max(classes, l + 1);
        }
        List<Legend.Entry> entries = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            entries.add(new Legend.Entry(k < classNames.size() ? classNames.get(k) : Integer.toString(k), Palette.category(k),
                    Legend.Swatch.DOT));
        }
        Frame f = new Frame.Spec(width, height, t).titles(title, subtitle).legend(new Legend(entries))
                .x(xTitle, Frame.Extent.widened(xe[0], xe[1], false)).y(yTitle, Frame.Extent.widened(ye[0], ye[1], false))
                .layout(p);
        f.drawFrame(p);
        double r = Math.max(1.5, t.font() * (x.length > 3000 ? 0.1 : 0.14));
        for (int i = 0; i < x.length; i++) {
            if (f.drawable(x[i], y[i])) {
                Color c = Palette.category(labels[i]);
                p.fillCircle(f.px(x[i]), f.py(y[i]), r, new Color(c.getRed(), c.getGreen(), c.getBlue(), 190));
            }
        }
        return f.layout();
    }
}
