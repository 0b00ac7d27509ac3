package org.twinlab.export.chart;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Writes SVG elements as text; images go in as inline PNG data, so the file stands alone. */
final class SvgPainter implements Painter {
    private final StringBuilder out = new StringBuilder();
    private final int width;
    private final int height;
    private int clips;
    private boolean clipped;

    SvgPainter(int width, int height) {
        this.width = width;
        this.height = height;
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }

    private static String rgb(Color c) {
        String s = String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
        return c.getAlpha() == 255 ? s : s + "\" fill-opacity=\"" + n(c.getAlpha() / 255.0) + "\" stroke-opacity=\"" + n(c.getAlpha() / 255.0);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private String strokeAttrs(Color color, double w, boolean dashed) {
        return " fill=\"none\" stroke=\"" + rgb(color) + "\" stroke-width=\"" + n(w) + "\" stroke-linejoin=\"round\""
                + (dashed ? " stroke-dasharray=\"" + n(4 * w) + "," + n(3 * w) + "\"" : " stroke-linecap=\"round\"");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double w, boolean dashed) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append('"').append(strokeAttrs(color, w, dashed)).append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, int count, Color color, double w, boolean dashed) {
        if (count < 2) {
            return;
        }
        out.append("<polyline points=\"");
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        out.append('"').append(strokeAttrs(color, w, dashed)).append("/>\n");
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color color) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(rgb(color)).append("\"/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Color color, double sw) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append('"').append(strokeAttrs(color, sw, false)).append("/>\n");
    }

    @Override
    public void fillCircle(double cx, double cy, double r, Color color) {
        out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(rgb(color)).append("\"/>\n");
    }

    @Override
    public void text(String s, double x, double y, double size, Anchor anchor, boolean bold, boolean rotated, Color color) {
        String a = switch (anchor) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" text-anchor=\"").append(a).append("\" fill=\"").append(rgb(color)).append('"');
        if (bold) {
            out.append(" font-weight=\"bold\"");
        }
        if (rotated) {
            out.append(" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y)).append(")\"");
        }
        out.append('>').append(escape(s)).append("</text>\n");
    }

    @Override
    public void image(BufferedImage image, double x, double y, double w, double h) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.append("<image x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" ")
                .append("href=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png.toByteArray()))
                .append("\"/>\n");
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        unclip();
        String id = "clip" + (++clips);
        out.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h)).append("\"/></clipPath>\n")
                .append("<g clip-path=\"url(#").append(id).append(")\">\n");
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            out.append("</g>\n");
            clipped = false;
        }
    }

    String document() {
        unclip();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
                + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\""
                + Fonts.SVG_FAMILY + "\">\n" + out + "</svg>\n";
    }
}
