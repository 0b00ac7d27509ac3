package org.twinlab.export.chart;

import java.awt.image.BufferedImage;

/**
 * A matrix as coloured cells on the fixed diverging map of [-1, 1] ({@link Palette#diverging}), with
 * a colour bar: e.g. the cross-correlation matrix C, which should turn into the identity (a red
 * diagonal on white). Cells stay crisp blocks at any size; values outside [-1, 1] take the end colours.
 *
 * <pre>{@code
 * Chart c = new Heatmap("Cross-correlation C").matrix(values, 128, 128).axes("j", "i");
 * }</pre>
 */
public final class Heatmap extends TitledChart<Heatmap> {
    private float[] values = new float[0];
    private int rows;
    private int cols;
    private int indexScale = 1;

    public Heatmap(String title) {
        super(title);
    }

    /** The values, row after row. */
    public Heatmap matrix(float[] values, int rows, int cols) {
        if ((long) rows * cols != values.length || rows < 1 || cols < 1) {
            throw new IllegalArgumentException("heatmap: " + values.length + " values is not " + rows + " x " + cols);
        }
        this.values = values.clone();
        this.rows = rows;
        this.cols = cols;
        return this;
    }

    /** When each cell stands for {@code stride} indices (a block-averaged matrix), the axis labels count indices. */
    public Heatmap indexScale(int stride) {
        this.indexScale = Math.max(1, stride);
        return this;
    }

    /** The matrix as an image, one pixel per cell. */
    public BufferedImage cells() {
        BufferedImage img = new BufferedImage(Math.max(1, cols), Math.max(1, rows), BufferedImage.TYPE_INT_RGB);
        int[] argb = new int[values.length];
        Palette.divergingCells(values, 0, values.length, argb);
        img.setRGB(0, 0, cols, rows, argb, 0, cols);
        return img;
    }

    @Override
    public Layout draw(Painter p, int width, int height) {
        Theme t = Theme.of(width, height);
        Frame.drawHeader(p, t, width, height, title, subtitle);
        TextLog log = new TextLog();
        double top = Frame.headerHeight(t, title, subtitle) + t.pad() * 1.2;
        double labelW = p.textWidth(Integer.toString(rows * indexScale), t.small(), false);
        double barW = t.font() * 1.2;
        double leftRoom = t.pad() + (Frame.present(yTitle) ? t.font() * 1.4 : 0) + labelW + t.small() * 0.5;
        double barRoom = t.pad() * 2 + ColourBar.width(p, t, barW) + t.pad();
        double bottomRoom = t.small() * 1.4 + (Frame.present(xTitle) ? t.font() * 1.4 : 0) + t.pad();
        double availW = width - leftRoom - barRoom;
        double availH = height - top - bottomRoom;
        double cell = Math.min(availW / cols, availH / rows);
        double w = cell * cols;
        double h = cell * rows;
        double left = leftRoom + (availW - w) / 2;
        p.image(cells(), left, top, w, h);
        p.strokeRect(left, top, w, h, Palette.INK, t.thin());
        // index labels at the first and last row and column
        log.text(p, "0", left, top + h + t.small() * 1.1, t.small(), Painter.Anchor.START, false, false, Palette.INK);
        log.text(p, Integer.toString(cols * indexScale - 1), left + w, top + h + t.small() * 1.1, t.small(),
                Painter.Anchor.END, false, false, Palette.INK);
        log.text(p, "0", left - t.small() * 0.4, top + t.small() * 0.8, t.small(), Painter.Anchor.END, false, false, Palette.INK);
        log.text(p, Integer.toString(rows * indexScale - 1), left - t.small() * 0.4, top + h, t.small(), Painter.Anchor.END,
                false, false, Palette.INK);
        if (Frame.present(xTitle)) {
            log.text(p, xTitle, left + w / 2, top + h + t.small() * 1.4 + t.font() * 1.1, t.font(), Painter.Anchor.MIDDLE,
                    false, false, Palette.INK);
        }
        if (Frame.present(yTitle)) {
            log.text(p, yTitle, left - labelW - t.small() * 0.5 - t.font() * 0.35, top + h / 2, t.font(),
                    Painter.Anchor.MIDDLE, false, true, Palette.INK);
        }
        ColourBar.draw(p, t, left + w + t.pad() * 2, top, barW, h, log);
        return log.layout(width, height, new Box(left, top, w, h));
    }
}
