package org.twinlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheBuiltInSampleWithBalancedClassesAndStats() {
        Dataset d = DatasetCatalog.open(DatasetCatalog.SAMPLE);
        assertEquals(8000, d.train().size());
        assertEquals(2000, d.test().size());
        assertEquals(new ImageShape(1, 28, 28), d.shape());
        assertEquals("T-shirt/top", d.classNames().get(0));
        assertEquals("Ankle boot", d.classNames().get(9));
        int[] counts = new int[10];
        for (int i = 0; i < d.train().size(); i++) {
            counts[d.train().label(i)]++;
        }
        int[] expected = new int[10];
        Arrays.fill(expected, 800);
        assertArrayEquals(expected, counts);
        // Fashion-MNIST's pixel mean is about 0.286 and std about 0.353
        assertEquals(0.286, d.mean()[0], 0.01);
        assertEquals(0.353, d.std()[0], 0.01);
    }

    @Test
    void readsPlainAndGzippedFilesAlike() throws IOException {
        writeSet(dir, 5, 4, false);
        Dataset plain = IdxReader.read(dir, "tiny");
        Path gz = Files.createDirectory(dir.resolve("gz"));
        writeSet(gz, 5, 4, true);
        Dataset zipped = IdxReader.read(gz, "tiny");
        assertEquals(5, plain.train().size());
        assertEquals(plain.train().pixel(3, 0, 2, 1), zipped.train().pixel(3, 0, 2, 1));
        assertEquals(3 * 16 + 2 * 4 + 1 & 0xff, plain.train().pixel(3, 0, 2, 1));
        assertEquals(3 % 2, plain.train().label(3));
    }

    @Test
    void wrongMagicNumberNamesTheFile() throws IOException {
        writeSet(dir, 5, 4, false);
        byte[] bytes = Files.readAllBytes(dir.resolve("train-images-idx3-ubyte"));
        bytes[3] = 0x01;
        Files.write(dir.resolve("train-images-idx3-ubyte"), bytes);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(dir, "x"));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
        assertTrue(e.getMessage().contains("wrong magic number"), e.getMessage());
    }

    @Test
    void truncatedImagesAreReported() throws IOException {
        writeSet(dir, 5, 4, false);
        Path f = dir.resolve("train-images-idx3-ubyte");
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length - 10));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(dir, "x"));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    @Test
    void labelCountMustMatchImageCount() throws IOException {
        writeSet(dir, 5, 4, false);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(0x801, new int[] {4}, new byte[4]));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(dir, "x"));
        assertTrue(e.getMessage().contains("4 labels") && e.getMessage().contains("5 images"), e.getMessage());
    }

    @Test
    void brokenGzipStreamIsReported() throws IOException {
        writeSet(dir, 5, 4, true);
        Path f = dir.resolve("t10k-images-idx3-ubyte.gz");
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length / 2));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(dir, "x"));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("gzip"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() throws IOException {
        writeSet(dir, 5, 4, false);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(dir, "x"));
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte"), e.getMessage());
    }

    /** Writes train and t10k IDX files of n images of size x size; pixel = (i*size*size + k), label = i % 2. */
    static void writeSet(Path dir, int n, int size, boolean gzip) throws IOException {
        for (String prefix : new String[] {"train", "t10k"}) {
            byte[] px = new byte[n * size * size];
            for (int k = 0; k < px.length; k++) {
                px[k] = (byte) k;
            }
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                labels[i] = (byte) (i % 2);
            }
            write(dir.resolve(prefix + "-images-idx3-ubyte" + (gzip ? ".gz" : "")), idx(0x803, new int[] {n, size, size}, px), gzip);
            write(dir.resolve(prefix + "-labels-idx1-ubyte" + (gzip ? ".gz" : "")), idx(0x801, new int[] {n}, labels), gzip);
        }
    }

    static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    private static void write(Path f, byte[] bytes, boolean gzip) throws IOException {
        if (!gzip) {
            Files.write(f, bytes);
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        Files.write(f, out.toByteArray());
    }
}
