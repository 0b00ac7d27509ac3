package org.twinlab.data;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of MNIST, Fashion-MNIST and KMNIST: a folder holding
 * {@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]} and the same with
 * {@code t10k-}. Class names come from an optional {@code classes.txt} (one per line).
 */
public final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private IdxReader() {
    }

    /** True if the folder holds IDX training images. */
    public static boolean recognises(Path folder) {
        return find(folder, "train-images-idx3-ubyte") != null;
    }

    public static Dataset read(Path folder, String name) {
        Split train = readSplit(folder, "train");
        Split test = readSplit(folder, "t10k");
        int classes = 1 + Math.max(maxLabel(train), maxLabel(test));
        List<String> names = ClassNames.fromFile(folder.resolve("classes.txt"), classes);
        if (names == null) {
            String lower = (name + " " + folder.toAbsolutePath()).toLowerCase(Locale.ROOT);
            names = classes == 10 && lower.contains("fashion") ? FASHION : ClassNames.numbered(classes);
        }
        return new Dataset(name, folder.toString(), names, train, test);
    }

    private static int maxLabel(Split split) {
        int max = 0;
        for (int i = 0; i < split.size(); i++) {
            max = Math.max(max, split.label(i));
        }
        return max;
    }

    private static Split readSplit(Path folder, String prefix) {
        Path imagesFile = require(folder, prefix + "-images-idx3-ubyte");
        Path labelsFile = require(folder, prefix + "-labels-idx1-ubyte");
        ByteBuffer images = ByteBuffer.wrap(readMaybeGzipped(imagesFile));
        ByteBuffer labels = ByteBuffer.wrap(readMaybeGzipped(labelsFile));
        int[] imageDims = header(images, imagesFile, IMAGES_MAGIC, 3);
        int[] labelDims = header(labels, labelsFile, LABELS_MAGIC, 1);
        int n = imageDims[0];
        if (labelDims[0] != n) {
            throw new DatasetException(labelsFile, "holds " + labelDims[0] + " labels but " + imagesFile.getFileName()
                    + " holds " + n + " images");
        }
        ImageShape shape = new ImageShape(1, imageDims[1], imageDims[2]);
        long expected = (long) n * shape.size();
        if (images.remaining() < expected) {
            throw new DatasetException(imagesFile, "truncated: the header promises " + n + " images of "
                    + shape.height() + "x" + shape.width() + " (" + expected + " bytes) but only "
                    + images.remaining() + " bytes follow");
        }
        if (labels.remaining() < n) {
            throw new DatasetException(labelsFile, "truncated: the header promises " + n + " labels but only "
                    + labels.remaining() + " bytes follow");
        }
        byte[] px = new byte[(int) expected];
        images.get(px);
        int[] lb = new int[n];
        for (int i = 0; i < n; i++) {
            lb[i] = labels.get() & 0xff;
        }
        return new Split(shape, px, lb);
    }

    private static int[] header(ByteBuffer buf, Path file, int magic, int dims) {
        if (buf.remaining() < 4 + 4 * dims) {
            throw new DatasetException(file, "too short for an IDX header (" + buf.remaining() + " bytes)");
        }
        int found = buf.getInt();
        if (found != magic) {
            throw new DatasetException(file, String.format("wrong magic number 0x%08X, expected 0x%08X (IDX %s)",
                    found, magic, dims == 3 ? "images" : "labels"));
        }
        int[] out = new int[dims];
        for (int i = 0; i < dims; i++) {
            out[i] = buf.getInt();
            if (out[i] <= 0 || out[i] > 100_000_000) {
                throw new DatasetException(file, "impossible dimension " + out[i] + " in the IDX header");
            }
        }
        return out;
    }

    private static Path require(Path folder, String base) {
        Path found = find(folder, base);
        if (found == null) {
            if (Files.isDirectory(folder.resolve(base))) {
                throw new DatasetException(folder.resolve(base), "is a folder, not an IDX file");
            }
            throw new DatasetException(folder, "no " + base + " or " + base + ".gz in this folder");
        }
        return found;
    }

    private static Path find(Path folder, String base) {
        for (String candidate : new String[] {base + ".gz", base, base.replace("-idx", ".idx") + ".gz", base.replace("-idx", ".idx")}) {
            Path p = folder.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** The file's bytes, gunzipped when it starts with the gzip magic bytes. */
    static byte[] readMaybeGzipped(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = raw.markSupported() ? raw : new java.io.BufferedInputStream(raw);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                try (GZIPInputStream gz = new GZIPInputStream(in, 1 << 16)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, Files.size(file) * 2));
                    gz.transferTo(out);
                    return out.toByteArray();
                } catch (ZipException | EOFException e) {
                    throw new DatasetException(file, "broken gzip stream (" + e.getMessage() + ")", e);
                }
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DatasetException(file, "cannot be read: " + org.twinlab.util.IoErrors.describe(e), e);
        }
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }
}
