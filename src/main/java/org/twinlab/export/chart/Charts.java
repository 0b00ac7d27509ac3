package org.twinlab.export.chart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.twinlab.runs.AtomicFiles;

/** Renders a {@link Chart} to an image, PNG bytes or SVG text, and writes figure files atomically. */
public final class Charts {
    private Charts() {
    }

    public static BufferedImage image(Chart chart, FigureSize size) {
        BufferedImage img = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        ImagePainter p = new ImagePainter(img);
        try {
            chart.draw(p, size.width(), size.height());
        } finally {
            p.dispose();
        }
        return img;
    }

    public static byte[] png(Chart chart, FigureSize size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(chart, size), "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** A standalone SVG document (images inside it, such as heatmap cells, are inline PNG). */
    public static String svg(Chart chart, FigureSize size) {
        SvgPainter p = new SvgPainter(size.width(), size.height());
        chart.draw(p, size.width(), size.height());
        return p.document();
    }

    /** Writes a {@code .png} or {@code .svg} file, by its extension, through a temporary and a rename. */
    public static void write(Chart chart, Path file, FigureSize size) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            byte[] text = svg(chart, size).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(file, out -> out.write(text));
        } else if (name.endsWith(".png")) {
            byte[] png = png(chart, size);
            AtomicFiles.write(file, out -> out.write(png));
        } else {
            throw new IllegalArgumentException(file + ": a figure file must end in .png or .svg");
        }
    }
}
