package org.twinlab.export.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Several matrices side by side on one [-1, 1] colour scale with one colour bar: e.g. the final C of the
 * runs being compared, so a whiter off-diagonal reads as less redundancy in every panel alike. Each panel
 * is named above its matrix (in its series colour where one is given).
 *
 * <pre>{@code
 * Chart c = new HeatmapRow("Final C").add("λ 0.005", values, 64, java.awt.Color.BLUE).add("λ 0.02", other, 64, null);
 * }</pre>
 */
public final class HeatmapRow extends TitledChart<HeatmapRow> {
    private record Panel(String name, Heatmap cells, java.awt.Color color) {
    }

    private final List<Panel> panels = new ArrayList<>();

    public HeatmapRow(String title) {
        super(title);
    }

    /** A square matrix of {@code side} x {@code side} values, row after row; {@code color} null draws its name in ink. */
    public HeatmapRow add(String name, float[] values, int side, java.awt.Color color) {
        panels.add(new Panel(name, new Heatmap(name).matrix(values, side, side), color));
        return this;
    }

    @Override
    public Layout draw(Painter p, int width, int height) {
        Theme t = Theme.of(width, height);
        Frame.drawHeader(p, t, width, height, title, subtitle);
        double top = Frame.headerHeight(t, title, subtitle) + t.pad();
        TextLog log = new TextLog();
        double barRoom = t.pad() * 2 + ColourBar.width(p, t, t.font() * 1.2) + t.pad();
        int n = Math.max(1, panels.size());
        double gap = t.pad();
        double slot = (width - t.pad() - barRoom - gap * (n - 1)) / n;
        double nameH = t.small() * 1.6;
        double side = Math.max(10, Math.min(slot, height - top - nameH - t.pad()));
        double left = t.pad() + (width - t.pad() - barRoom - (side * n + gap * (n - 1))) / 2;
        for (int i = 0; i < panels.size(); i++) {
            Panel panel = panels.get(i);
            double x = left + i * (side + gap);
            log.text(p, Fonts.fit(panel.name(), t.small(), side), x + side / 2, top + t.small(), t.small(),
                    Painter.Anchor.MIDDLE, true, false, panel.color() == null ? Palette.INK : panel.color());
            p.image(panel.cells().cells(), x, top + nameH, side, side);
            p.strokeRect(x, top + nameH, side, side, Palette.INK, t.thin());
        }
        ColourBar.draw(p, t, left + n * side + (n - 1) * gap + t.pad() * 2, top + nameH, t.font() * 1.2, side, log);
        return log.layout(width, height, null);
    }
}
