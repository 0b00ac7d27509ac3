package org.twinlab.data;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the binary versions of CIFAR-10 ({@code data_batch_*.bin} + {@code test_batch.bin}, records of
 * one label byte and 3072 pixel bytes) and CIFAR-100 ({@code train.bin} + {@code test.bin}, records of a
 * coarse and a fine label byte, then the pixels; the fine label is used).
 */
public final class CifarReader {
    private static final ImageShape SHAPE = new ImageShape(3, 32, 32);
    private static final List<String> CIFAR10 = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    private CifarReader() {
    }

    public static boolean recognises(Path folder) {
        return Files.isRegularFile(folder.resolve("data_batch_1.bin"))
                || Files.isRegularFile(folder.resolve("train.bin")) && Files.isRegularFile(folder.resolve("test.bin"));
    }

    public static Dataset read(Path folder, String name) {
        boolean cifar100 = !Files.isRegularFile(folder.resolve("data_batch_1.bin"));
        int labelBytes = cifar100 ? 2 : 1;
        List<Path> trainFiles = cifar100 ? List.of(folder.resolve("train.bin")) : batches(folder);
        Path testFile = folder.resolve(cifar100 ? "test.bin" : "test_batch.bin");
        if (!Files.isRegularFile(testFile)) {
            throw new DatasetException(folder, "no " + testFile.getFileName() + " in this CIFAR folder");
        }
        Split train = readFiles(trainFiles, labelBytes);
        Split test = readFiles(List.of(testFile), labelBytes);
        List<String> names = ClassNames.fromFile(folder.resolve(cifar100 ? "fine_label_names.txt" : "batches.meta.txt"), 1);
        if (names == null) {
            names = cifar100 ? ClassNames.numbered(100) : CIFAR10;
        }
        return new Dataset(name, folder.toString(), names, train, test);
    }

    private static List<Path> batches(Path folder) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "data_batch_*.bin")) {
            ds.forEach(out::add);
        } catch (IOException e) {
            throw new DatasetException(folder, "cannot be listed: " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    private static Split readFiles(List<Path> files, int labelBytes) {
        int record = labelBytes + SHAPE.size();
        List<byte[]> contents = new ArrayList<>();
        int total = 0;
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new DatasetException(file, "cannot be read: " + e.getMessage(), e);
            }
            if (bytes.length == 0 || bytes.length % record != 0) {
                throw new DatasetException(file, bytes.length + " bytes is not a whole number of " + record
                        + "-byte CIFAR records (" + labelBytes + " label byte" + (labelBytes > 1 ? "s" : "")
                        + " + 3072 pixels)");
            }
            contents.add(bytes);
            total += bytes.length / record;
        }
        byte[] px = new byte[total * SHAPE.size()];
        int[] labels = new int[total];
        int i = 0;
        for (byte[] bytes : contents) {
            for (int off = 0; off < bytes.length; off += record, i++) {
                labels[i] = bytes[off + labelBytes - 1] & 0xff;
                System.arraycopy(bytes, off + labelBytes, px, i * SHAPE.size(), SHAPE.size());
            }
        }
        return new Split(SHAPE, px, labels);
    }
}
