package org.twinlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.data.Dataset;
import org.twinlab.runs.CorrelationHistory;
import org.twinlab.runs.RunSession;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;

/** {@code twinlab movie}: a 60-step run's C as a GIF, frame by frame; and the runs it refuses, in one line. */
class MovieCommandTest {
    @TempDir
    static Path root;
    static Path run;

    @BeforeAll
    static void train() {
        Dataset data = TestRuns.sampleSubset(640, 200);
        TrainConfig.Builder b = TestRuns.small(60).toBuilder();
        b.dataset = data.name();
        b.projectorWidth = 32;
        b.snapshotEvery = 5;
        run = Path.of(RunSession.create(root.resolve("runs"), b.build(), data, "test").probes(false).run().runFolder());
    }

    record Frame(BufferedImage image, String comment, int delay) {
    }

    @Test
    void aSixtyStepRunSnapshottedEveryFiveStepsIsTwelveFramesFromStepFive() throws Exception {
        Path gif = root.resolve("c.gif");
        Map<String, byte[]> before = files(run);
        Result r = twinlab("movie", "--run", run.toString(), "--out", gif.toString(), "--steps", "5:60", "--delay", "150");
        assertEquals(0, r.code, r.err);
        assertEquals("wrote " + gif + ": 12 frames, steps 5 to 60, 150 ms each", r.out.strip());
        List<Frame> frames = read(gif);
        assertEquals(12, frames.size());
        assertEquals(15, frames.get(0).delay(), "hundredths of a second");
        assertTrue(frames.get(0).comment().startsWith("step=5 "), frames.get(0).comment());
        assertTrue(frames.get(11).comment().startsWith("step=60 "), frames.get(11).comment());
        assertNotEquals(diagonal(frames.get(0)), diagonal(frames.get(11)), 1e-3, "C's diagonal moved over the run");
        assertFalse(Arrays.equals(pixels(frames.get(0).image()), pixels(frames.get(11).image())), "the pictures differ");
        assertEquals(640, frames.get(0).image().getHeight());
        assertEquals(before.keySet(), files(run).keySet(), "nothing of the run touched");

        // the whole history: the first step's snapshot too
        assertEquals(0, twinlab("movie", "--run", run.toString(), "--out", gif.toString()).code);
        assertEquals(13, read(gif).size());
        Path pngs = root.resolve("frames");
        Result f = twinlab("movie", "--run", run.toString(), "--frames", pngs.toString(), "--size", "400x360",
                "--steps", "50:");
        assertEquals(0, f.code, f.err);
        try (Stream<Path> s = Files.list(pngs)) {
            assertEquals(List.of("frame-0001.png", "frame-0002.png", "frame-0003.png"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(360, ImageIO.read(pngs.resolve("frame-0001.png").toFile()).getHeight());
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertTrue(Arrays.equals(e.getValue(), Files.readAllBytes(run.resolve(e.getKey()))), e.getKey() + " unchanged");
        }
    }

    @Test
    void aRunWithoutAHistoryADamagedOneAndAnUnwritableOutputAreOneLineEach() throws Exception {
        Path copy = root.resolve("copy");
        copyRun(run, copy);
        Path history = copy.resolve(CorrelationHistory.FILE);
        byte[] whole = Files.readAllBytes(history);

        Path blocked = root.resolve("a-file");
        Files.writeString(blocked, "x");
        expectOneLine(twinlab("movie", "--run", copy.toString(), "--out", blocked.resolve("c.gif").toString()),
                "twinlab: cannot write to " + blocked.resolve("c.gif") + ": ");
        expectOneLine(twinlab("movie", "--run", copy.toString(), "--out", root.resolve("c.mp4").toString()),
                "twinlab: " + root.resolve("c.mp4") + ": a movie file must end in .gif");
        expectOneLine(twinlab("movie", "--run", copy.toString(), "--out", root.resolve("x.gif").toString(), "--steps",
                "900:"), "twinlab: steps: no snapshot of C between 900 and the end (the history has steps 1 to 60)");

        byte[] flipped = whole.clone();
        flipped[whole.length / 2] ^= 0x40;
        Files.write(history, flipped);
        Map<String, byte[]> before = files(copy);
        expectOneLine(twinlab("movie", "--run", copy.toString(), "--out", root.resolve("d.gif").toString()),
                "twinlab: " + history + ": damaged at byte ");
        assertFalse(Files.exists(root.resolve("d.gif")));
        assertEquals(before.keySet(), files(copy).keySet());
        assertTrue(Arrays.equals(flipped, Files.readAllBytes(history)), "the damaged history is left as it was");

        Files.write(history, Arrays.copyOf(whole, whole.length - 5));
        Result torn = twinlab("movie", "--run", copy.toString(), "--out", root.resolve("t.gif").toString());
        assertEquals(0, torn.code, torn.err);
        assertEquals("twinlab: note: correlation-history.bin: truncated (its last snapshot is incomplete; the 12 before "
                + "it are whole)", torn.err.strip());
        assertEquals(12, read(root.resolve("t.gif")).size());

        Files.delete(history);
        expectOneLine(twinlab("movie", "--run", copy.toString(), "--out", root.resolve("n.gif").toString()),
                "twinlab: " + copy + ": has no history of C (correlation-history.bin): runs of older versions keep only "
                        + "their last C");
        expectOneLine(twinlab("movie", "--run", root.resolve("nowhere").toString(), "--out", "x.gif"),
                "twinlab: " + root.resolve("nowhere") + ": no such run folder");
    }

    private static void expectOneLine(Result r, String start) {
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.startsWith(start), r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertFalse(r.err.contains("Exception") || r.err.contains("java."), r.err);
    }

    private static double diagonal(Frame f) {
        for (String kv : f.comment().split(" ")) {
            if (kv.startsWith("meanDiagonal=")) {
                return Double.parseDouble(kv.substring("meanDiagonal=".length()));
            }
        }
        throw new AssertionError("no mean diagonal in " + f.comment());
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    static List<Frame> read(Path gif) throws Exception {
        List<Frame> out = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            int n = r.getNumImages(true);
            for (int i = 0; i < n; i++) {
                IIOMetadataNode tree = (IIOMetadataNode) r.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                String comment = ((IIOMetadataNode) tree.getElementsByTagName("CommentExtension").item(0))
                        .getAttribute("value");
                int delay = Integer.parseInt(((IIOMetadataNode) tree.getElementsByTagName("GraphicControlExtension")
                        .item(0)).getAttribute("delayTime"));
                out.add(new Frame(r.read(i), comment, delay));
            }
            r.dispose();
        }
        return out;
    }

    private static Map<String, byte[]> files(Path dir) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    private static void copyRun(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    record Result(int code, String out, String err) {
    }

    static Result twinlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TwinlabCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
