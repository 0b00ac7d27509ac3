package org.twinlab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A picture as packed ARGB ints, row by row: what previews render to and PNG files are written from. */
public record ArgbImage(int width, int height, int[] pixels) {
    public ArgbImage {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels for a " + width + "x" + height + " image");
        }
    }

    public int get(int x, int y) {
        return pixels[y * width + x];
    }

    /** The picture as the bytes of a PNG file (encoded in memory, so writing them can fail only as a write). */
    public byte[] png() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, width, height, pixels, 0, width);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalStateException("this Java has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from a byte array
        }
        return out.toByteArray();
    }

    /** Writes the picture as a PNG, creating the folder if needed. */
    public void writePng(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.write(file, png());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
