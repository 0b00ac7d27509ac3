package org.twinlab.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A generated colour dataset: a shape (the class) of a random colour, size, place and rotation on a
 * textured two-colour background. Colour carries no class information here, so colour jitter,
 * grayscale and solarisation have something to act on and invariance to them is learnable. Every
 * image depends only on the seed and its index, so the set is the same on every machine.
 */
public final class ColorShapes {
    public static final List<String> CLASSES = List.of("circle", "square", "triangle", "diamond", "cross", "ring",
            "star", "hexagon");
    private static final int SIZE = 32;

    private ColorShapes() {
    }

    public static Dataset generate(String name, int trainCount, int testCount, long seed) {
        ImageShape shape = new ImageShape(3, SIZE, SIZE);
        return new Dataset(name, "generated (seed " + seed + ")", CLASSES,
                split(shape, trainCount, seed, 0), split(shape, testCount, seed, 1));
    }

    private static Split split(ImageShape shape, int count, long seed, int part) {
        byte[] px = new byte[count * shape.size()];
        int[] labels = new int[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + part * 7_919L + i * 0x9E3779B97F4A7C15L);
            labels[i] = i % CLASSES.size();
            render(labels[i], rnd, px, i * shape.size());
        });
        return new Split(shape, px, labels);
    }

    private static void render(int cls, SplittableRandom rnd, byte[] dst, int offset) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        float bgHue = (float) rnd.nextDouble();
        Color c1 = Color.getHSBColor(bgHue, 0.2f + 0.5f * (float) rnd.nextDouble(), 0.3f + 0.6f * (float) rnd.nextDouble());
        Color c2 = Color.getHSBColor(bgHue + 0.15f * (float) (rnd.nextDouble() - 0.5),
                0.2f + 0.5f * (float) rnd.nextDouble(), 0.3f + 0.6f * (float) rnd.nextDouble());
        double a = rnd.nextDouble() * Math.PI * 2;
        g.setPaint(new GradientPaint(16 - 16 * (float) Math.cos(a), 16 - 16 * (float) Math.sin(a), c1,
                16 + 16 * (float) Math.cos(a), 16 + 16 * (float) Math.sin(a), c2));
        g.fillRect(0, 0, SIZE, SIZE);
        // texture: a few faint stripes in the background colours
        g.setStroke(new BasicStroke(1f));
        int stripes = 3 + rnd.nextInt(5);
        for (int s = 0; s < stripes; s++) {
            g.setColor(new Color(c2.getRed(), c2.getGreen(), c2.getBlue(), 60 + rnd.nextInt(60)));
            int x0 = rnd.nextInt(SIZE);
            g.drawLine(x0, 0, x0 + rnd.nextInt(SIZE) - SIZE / 2, SIZE);
        }
        float hue = bgHue + 0.3f + 0.4f * (float) rnd.nextDouble();
        g.setColor(Color.getHSBColor(hue, 0.6f + 0.4f * (float) rnd.nextDouble(), 0.55f + 0.45f * (float) rnd.nextDouble()));
        double size = 13 + rnd.nextDouble() * 10;
        double cx = size / 2 + 2 + rnd.nextDouble() * (SIZE - size - 4);
        double cy = size / 2 + 2 + rnd.nextDouble() * (SIZE - size - 4);
        AffineTransform t = new AffineTransform();
        t.translate(cx, cy);
        t.rotate(rnd.nextDouble() * Math.PI * 2);
        t.scale(size / 2, size / 2);
        g.fill(t.createTransformedShape(unitShape(cls)));
        g.dispose();
        int plane = SIZE * SIZE;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int rgb = img.getRGB(x, y);
                int k = offset + y * SIZE + x;
                dst[k] = (byte) (rgb >> 16);
                dst[k + plane] = (byte) (rgb >> 8);
                dst[k + 2 * plane] = (byte) rgb;
            }
        }
    }

    /** The class's outline in the square [-1, 1]^2. */
    private static Shape unitShape(int cls) {
        return switch (cls) {
            case 0 -> new Ellipse2D.Double(-1, -1, 2, 2);
            case 1 -> new Rectangle2D.Double(-0.8, -0.8, 1.6, 1.6);
            case 2 -> polygon(3, 1.0, 0);
            case 3 -> polygon(4, 1.0, 0);
            case 4 -> {
                Area a = new Area(new Rectangle2D.Double(-1, -0.3, 2, 0.6));
                a.add(new Area(new Rectangle2D.Double(-0.3, -1, 0.6, 2)));
                yield a;
            }
            case 5 -> {
                Area a = new Area(new Ellipse2D.Double(-1, -1, 2, 2));
                a.subtract(new Area(new Ellipse2D.Double(-0.55, -0.55, 1.1, 1.1)));
                yield a;
            }
            case 6 -> star();
            default -> polygon(6, 1.0, 0);
        };
    }

    private static Shape polygon(int sides, double r, double phase) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < sides; i++) {
            double a = phase + i * 2 * Math.PI / sides - Math.PI / 2;
            if (i == 0) {
                p.moveTo(r * Math.cos(a), r * Math.sin(a));
            } else {
                p.lineTo(r * Math.cos(a), r * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }

    private static Shape star() {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 1.0 : 0.42;
            double a = i * Math.PI / 5 - Math.PI / 2;
            if (i == 0) {
                p.moveTo(r * Math.cos(a), r * Math.sin(a));
            } else {
                p.lineTo(r * Math.cos(a), r * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }
}
