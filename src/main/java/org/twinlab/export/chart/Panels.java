package org.twinlab.export.chart;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Several charts in one figure, left to right and then in rows, under one title and subtitle: e.g. the
 * loss and the accuracy of compared runs side by side. Each chart draws in its own cell as it would
 * alone; type scales with the cell's height.
 */
public final class Panels extends TitledChart<Panels> {
    private final List<Chart> charts;
    private final int columns;

    public Panels(String title, int columns, List<Chart> charts) {
        super(title);
        if (columns < 1 || charts.isEmpty()) {
            throw new IllegalArgumentException("panels: at least one chart in at least one column");
        }
        this.charts = List.copyOf(charts);
        this.columns = columns;
    }

    @Override
    public Layout draw(Painter p, int width, int height) {
        Theme t = Theme.of(width, height);
        Frame.drawHeader(p, t, width, height, title, subtitle);
        double top = Frame.headerHeight(t, title, subtitle);
        List<Layout.Placed> texts = new java.util.ArrayList<>();
        int rows = (charts.size() + columns - 1) / columns;
        int cellW = width / columns;
        int cellH = (int) ((height - top) / rows);
        for (int i = 0; i < charts.size(); i++) {
            double x = (i % columns) * cellW;
            double y = top + (i / columns) * cellH;
            Layout l = charts.get(i).draw(new Shifted(p, x, y), cellW, cellH);
            for (Layout.Placed pl : l.texts()) {
                Box b = pl.box();
                texts.add(new Layout.Placed(pl.text(), new Box(b.x() + x, b.y() + y, b.w(), b.h())));
            }
        }
        return new Layout(new Box(0, 0, width, height), null, texts);
    }

    /** A painter that draws everything shifted by (dx, dy): a chart's cell. */
    private record Shifted(Painter p, double dx, double dy) implements Painter {
        @Override
        public void line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed) {
            p.line(x1 + dx, y1 + dy, x2 + dx, y2 + dy, color, width, dashed);
        }

        @Override
        public void polyline(double[] xs, double[] ys, int n, Color color, double width, boolean dashed) {
            double[] sx = new double[n];
            double[] sy = new double[n];
            for (int i = 0; i < n; i++) {
                sx[i] = xs[i] + dx;
                sy[i] = ys[i] + dy;
            }
            p.polyline(sx, sy, n, color, width, dashed);
        }

        @Override
        public void fillRect(double x, double y, double w, double h, Color color) {
            p.fillRect(x + dx, y + dy, w, h, color);
        }

        @Override
        public void strokeRect(double x, double y, double w, double h, Color color, double width) {
            p.strokeRect(x + dx, y + dy, w, h, color, width);
        }

        @Override
        public void fillCircle(double cx, double cy, double r, Color color) {
            p.fillCircle(cx + dx, cy + dy, r, color);
        }

        @Override
        public void text(String s, double x, double y, double size, Anchor anchor, boolean bold, boolean rotated,
                         Color color) {
            p.text(s, x + dx, y + dy, size, anchor, bold, rotated, color);
        }

        @Override
        public void image(BufferedImage image, double x, double y, double w, double h) {
            p.image(image, x + dx, y + dy, w, h);
        }

        @Override
        public void clip(double x, double y, double w, double h) {
            p.clip(x + dx, y + dy, w, h);
        }

        @Override
        public void unclip() {
            p.unclip();
        }

        @Override
        public double textWidth(String s, double size, boolean bold) {
            return p.textWidth(s, size, bold);
        }
    }
}
