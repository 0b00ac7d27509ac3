package org.twinlab.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads a folder of images with one sub-folder per class (PNG, JPEG, BMP, GIF), either split into
 * {@code train/} and {@code test/} (or {@code val/}) or split here with a seed. Images are resized to a square of the chosen
 * size, in grayscale or RGB.
 */
public final class ImageFolderReader {
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    /** How to read: target size in pixels, colour or not, the test fraction and seed of a split made here. */
    public record Options(int size, boolean grayscale, double testFraction, long seed) {
        public Options {
            if (size < 8 || size > 256) {
                throw new IllegalArgumentException("image size must be 8-256 pixels, not " + size);
            }
            if (testFraction <= 0 || testFraction >= 1) {
                throw new IllegalArgumentException("test fraction must be between 0 and 1, not " + testFraction);
            }
        }

        public static Options defaults() {
            return new Options(32, false, 0.2, 0);
        }
    }

    private ImageFolderReader() {
    }

    public static boolean recognises(Path folder) {
        return !classFolders(folder).isEmpty() || !classFolders(folder.resolve("train")).isEmpty();
    }

    public static Dataset read(Path folder, String name, Options options) {
        Path trainDir = folder.resolve("train");
        // val/ is the name torchvision's ImageFolder recipes (and a scale-out bundle) give the held-out split
        Path testDir = Files.isDirectory(folder.resolve("test")) ? folder.resolve("test") : folder.resolve("val");
        ImageShape shape = new ImageShape(options.grayscale() ? 1 : 3, options.size(), options.size());
        if (Files.isDirectory(trainDir) && Files.isDirectory(testDir)) {
            List<String> classes = names(classFolders(trainDir));
            if (classes.isEmpty()) {
                throw new DatasetException(trainDir, "has no class sub-folders with images");
            }
            Split train = readSplit(trainDir, classes, shape);
            Split test = readSplit(testDir, classes, shape);
            return new Dataset(name, folder.toString(), classes, train, test);
        }
        List<Path> classDirs = classFolders(folder);
        if (classDirs.isEmpty()) {
            throw new DatasetException(folder, "no images found: expected one sub-folder per class holding "
                    + "PNG, JPEG, BMP or GIF files");
        }
        List<String> classes = names(classDirs);
        Split all = readSplit(folder, classes, shape);
        // a seeded shuffle, then the first part of each class goes to test: balanced and repeatable
        int n = all.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Collections.shuffle(java.util.Arrays.asList(order), new Random(options.seed()));
        int[] perClass = new int[classes.size()];
        for (int i = 0; i < n; i++) {
            perClass[all.label(i)]++;
        }
        int[] seen = new int[classes.size()];
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int idx : order) {
            int c = all.label(idx);
            int testCount = perClass[c] < 2 ? 0 : Math.max(1, (int) Math.round(perClass[c] * options.testFraction()));
            (seen[c]++ < testCount ? test : train).add(idx);
        }
        return new Dataset(name, folder.toString(), classes,
                all.subset(train.stream().mapToInt(Integer::intValue).toArray()),
                all.subset(test.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static List<String> names(List<Path> dirs) {
        return dirs.stream().map(p -> p.getFileName().toString()).toList();
    }

    private static Split readSplit(Path dir, List<String> classes, ImageShape shape) {
        List<byte[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Path classDir = dir.resolve(classes.get(c));
            for (Path file : imageFiles(classDir)) {
                images.add(load(file, shape));
                labels.add(c);
            }
        }
        if (images.isEmpty()) {
            throw new DatasetException(dir, "no images found in its class folders");
        }
        byte[] px = new byte[images.size() * shape.size()];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, px, i * shape.size(), shape.size());
        }
        return new Split(shape, px, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static byte[] load(Path file, ImageShape shape) {
        BufferedImage src;
        try {
            src = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(file, "is not a readable image (" + e.getMessage() + ")", e);
        }
        if (src == null) {
            throw new DatasetException(file, "is not an image in a format Twinlab reads (PNG, JPEG, BMP, GIF)");
        }
        BufferedImage scaled = new BufferedImage(shape.width(), shape.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, shape.width(), shape.height(), null);
        g.dispose();
        byte[] out = new byte[shape.size()];
        int plane = shape.plane();
        for (int y = 0; y < shape.height(); y++) {
            for (int x = 0; x < shape.width(); x++) {
                int rgb = scaled.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int gr = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                int k = y * shape.width() + x;
                if (shape.channels() == 1) {
                    out[k] = (byte) Math.round(0.299 * r + 0.587 * gr + 0.114 * b);
                } else {
                    out[k] = (byte) r;
                    out[plane + k] = (byte) gr;
                    out[2 * plane + k] = (byte) b;
                }
            }
        }
        return out;
    }

    private static List<Path> classFolders(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("."))
                    .filter(d -> !imageFiles(d).isEmpty())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DatasetException(folder, "cannot be listed: " + e.getMessage(), e);
        }
    }

    private static List<Path> imageFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(ImageFolderReader::looksLikeImage).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(dir, "cannot be listed: " + e.getMessage(), e);
        }
    }

    private static boolean looksLikeImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    /**
     * What a folder holds as an image folder, said before anything trains on it, so a wrong folder is obvious
     * at once: the classes with their image counts, and what is left out (files that are not images, folders
     * without images). The split's {@code train/} is surveyed where there is one.
     */
    public record Survey(Path folder, java.util.Map<String, Integer> classes, int skippedFiles, int skippedFolders) {
        public int images() {
            return classes.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** "an image folder of 3 classes (a 40, b 30, c 18 images); left out: 12 files that are not images, 5 folders without images" */
        public String describe() {
            StringBuilder b = new StringBuilder("an image folder of ").append(classes.size())
                    .append(classes.size() == 1 ? " class (" : " classes (");
            int shown = 0;
            for (var e : classes.entrySet()) {
                if (shown++ == 12) {
                    b.append(", \u2026");
                    break;
                }
                b.append(shown > 1 ? ", " : "").append(e.getKey()).append(' ').append(e.getValue());
            }
            b.append(images() == 1 ? " image)" : " images)");
            b.append("; left out: ").append(skippedFiles).append(skippedFiles == 1 ? " file" : " files")
                    .append(" that are not images, ").append(skippedFolders)
                    .append(skippedFolders == 1 ? " folder" : " folders").append(" without images");
            return b.toString();
        }
    }

    public static Survey survey(Path folder) {
        Path dir = Files.isDirectory(folder.resolve("train")) && Files.isDirectory(folder.resolve("test"))
                ? folder.resolve("train") : folder;
        java.util.Map<String, Integer> classes = new java.util.LinkedHashMap<>();
        int skippedFiles = 0;
        int skippedFolders = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (p.getFileName().toString().startsWith(".")) {
                    continue;
                }
                if (Files.isRegularFile(p)) {
                    skippedFiles++; // an image beside the class folders belongs to no class
                } else if (Files.isDirectory(p)) {
                    int images = 0;
                    int other = 0;
                    try (Stream<Path> inner = Files.list(p)) {
                        for (Path f : inner.toList()) {
                            if (Files.isRegularFile(f) && looksLikeImage(f)) {
                                images++;
                            } else if (Files.isRegularFile(f)) {
                                other++;
                            }
                        }
                    } catch (IOException e) {
                        skippedFolders++;
                        continue;
                    }
                    if (images == 0) {
                        skippedFolders++;
                    } else {
                        classes.put(p.getFileName().toString(), images);
                        skippedFiles += other;
                    }
                }
            }
        } catch (IOException e) {
            throw new DatasetException(dir, "cannot be listed: " + e.getMessage(), e);
        }
        return new Survey(folder, classes, skippedFiles, skippedFolders);
    }
}
