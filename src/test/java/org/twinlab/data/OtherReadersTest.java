package org.twinlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherReadersTest {
    @TempDir
    Path dir;

    @Test
    void readsCifar10Batches() throws IOException {
        for (int b = 1; b <= 2; b++) {
            Files.write(dir.resolve("data_batch_" + b + ".bin"), cifar(3, 1, b));
        }
        Files.write(dir.resolve("test_batch.bin"), cifar(2, 1, 7));
        Dataset d = DatasetCatalog.readFolder(dir);
        assertEquals(6, d.train().size());
        assertEquals(2, d.test().size());
        assertEquals(new ImageShape(3, 32, 32), d.shape());
        assertEquals("airplane", d.classNames().get(0));
        // record i of batch b has label (i + b) % 10 and red channel filled with b
        assertEquals(2, d.train().label(1));
        assertEquals(1, d.train().pixel(0, 0, 5, 5));
        assertEquals(0, d.train().pixel(0, 1, 5, 5));
    }

    @Test
    void readsCifar100WithTwoLabelBytes() throws IOException {
        Files.write(dir.resolve("train.bin"), cifar(4, 2, 3));
        Files.write(dir.resolve("test.bin"), cifar(2, 2, 3));
        Dataset d = DatasetCatalog.readFolder(dir);
        assertEquals(100, d.classCount());
        assertEquals(4, d.train().size());
        assertEquals((1 + 3) % 10, d.train().label(1));
    }

    @Test
    void cifarFileOfPartialRecordsIsReported() throws IOException {
        byte[] ok = cifar(2, 1, 0);
        Files.write(dir.resolve("data_batch_1.bin"), java.util.Arrays.copyOf(ok, ok.length - 100));
        Files.write(dir.resolve("test_batch.bin"), cifar(2, 1, 0));
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetCatalog.readFolder(dir));
        assertTrue(e.getMessage().contains("data_batch_1.bin"), e.getMessage());
        assertTrue(e.getMessage().contains("not a whole number"), e.getMessage());
    }

    @Test
    void readsAnImageFolderWithASeededBalancedSplit() throws IOException {
        for (String cls : new String[] {"cats", "dogs"}) {
            Files.createDirectories(dir.resolve(cls));
            for (int i = 0; i < 10; i++) {
                png(dir.resolve(cls).resolve(i + ".png"), cls.equals("cats") ? Color.RED : Color.BLUE, 40 + i);
            }
        }
        Files.writeString(dir.resolve("cats/notes.txt"), "not an image, ignored");
        Dataset d = DatasetCatalog.readFolder(dir);
        assertEquals(java.util.List.of("cats", "dogs"), d.classNames());
        assertEquals(16, d.train().size());
        assertEquals(4, d.test().size());
        assertEquals(new ImageShape(3, 32, 32), d.shape());
        int cat = firstOf(d.train(), 0);
        assertTrue(d.train().pixel(cat, 0, 10, 10) > 200 && d.train().pixel(cat, 2, 10, 10) < 50);
        Dataset again = ImageFolderReader.read(dir, "again", ImageFolderReader.Options.defaults());
        assertEquals(labels(d.test()), labels(again.test()));
    }

    @Test
    void readsTrainAndTestSubfoldersInGrayscale() throws IOException {
        for (String split : new String[] {"train", "test"}) {
            for (String cls : new String[] {"a", "b"}) {
                Path p = Files.createDirectories(dir.resolve(split).resolve(cls));
                png(p.resolve("x.png"), Color.WHITE, 20);
                png(p.resolve("y.jpg"), Color.GRAY, 20);
            }
        }
        Dataset d = ImageFolderReader.read(dir, "gray", new ImageFolderReader.Options(16, true, 0.2, 0));
        assertEquals(new ImageShape(1, 16, 16), d.shape());
        assertEquals(4, d.train().size());
        assertEquals(4, d.test().size());
    }

    @Test
    void folderWithoutImagesIsReported() throws IOException {
        Files.createDirectories(dir.resolve("empty-class"));
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetCatalog.readFolder(dir));
        assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("holds no dataset"), e.getMessage());
    }

    @Test
    void fileThatIsNotAnImageIsNamed() throws IOException {
        Path cls = Files.createDirectories(dir.resolve("a"));
        png(cls.resolve("good.png"), Color.RED, 10);
        Files.writeString(cls.resolve("broken.png"), "this is text, not a PNG");
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetCatalog.readFolder(dir));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
        assertTrue(e.getMessage().contains("not an image"), e.getMessage());
    }

    @Test
    void unknownNameOrMissingFolderSaysWhatIsAvailable() {
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetCatalog.open("no-such-dataset"));
        assertTrue(e.getMessage().contains("no-such-dataset") && e.getMessage().contains("fashion-mnist-sample"), e.getMessage());
    }

    @Test
    void generatedShapesAreDeterministicAndColoured() {
        Dataset a = ColorShapes.generate("s", 40, 16, 3);
        Dataset b = ColorShapes.generate("s", 40, 16, 3);
        Dataset c = ColorShapes.generate("s", 40, 16, 4);
        assertEquals(new ImageShape(3, 32, 32), a.shape());
        assertEquals(8, a.classCount());
        boolean same = true;
        boolean differs = false;
        Set<Integer> reds = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            for (int y = 0; y < 32; y += 3) {
                same &= a.train().pixel(i, 1, y, y) == b.train().pixel(i, 1, y, y);
                differs |= a.train().pixel(i, 1, y, y) != c.train().pixel(i, 1, y, y);
                reds.add(a.train().pixel(i, 0, y, y) - a.train().pixel(i, 2, y, y));
            }
        }
        assertTrue(same, "same seed, same images");
        assertTrue(differs, "another seed, other images");
        assertTrue(reds.size() > 50, "channels differ: the images are in colour");
    }

    private static Set<Integer> labels(Split s) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < s.size(); i++) {
            out.add(s.label(i) * 1000 + i);
        }
        return out;
    }

    private static int firstOf(Split s, int label) {
        for (int i = 0; i < s.size(); i++) {
            if (s.label(i) == label) {
                return i;
            }
        }
        throw new AssertionError("no image of class " + label);
    }

    private static void png(Path f, Color c, int size) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, size, size);
        g.dispose();
        ImageIO.write(img, f.toString().endsWith(".jpg") ? "jpg" : "png", f.toFile());
    }

    /** n CIFAR records: label (i + salt) % 10 (fine label for two label bytes), red channel = salt. */
    private static byte[] cifar(int n, int labelBytes, int salt) {
        int rec = labelBytes + 3072;
        byte[] out = new byte[n * rec];
        for (int i = 0; i < n; i++) {
            out[i * rec] = (byte) 1;
            out[i * rec + labelBytes - 1] = (byte) ((i + salt) % 10);
            for (int k = 0; k < 1024; k++) {
                out[i * rec + labelBytes + k] = (byte) salt;
            }
        }
        return out;
    }
}
