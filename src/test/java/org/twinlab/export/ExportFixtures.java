package org.twinlab.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.twinlab.data.Dataset;
import org.twinlab.data.ImageShape;
import org.twinlab.data.Split;
import org.twinlab.runs.RunSession;
import org.twinlab.runs.RunSummary;
import org.twinlab.train.RunState;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;

/** Tiny trained runs, uint8 .npy batches and the system Python, for the export tests. */
public final class ExportFixtures {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private ExportFixtures() {
    }

    /**
     * A run folder of {@code encoder} trained {@code steps} steps (batch 16, projector 32 wide) on the
     * first 128 sample images, checkpoint included; with {@code probes} it also probes at the end,
     * baselines included.
     */
    public static Path trainedRun(Path root, String encoder, int steps, boolean probes) {
        Dataset d = TestRuns.sampleSubset(128, 100);
        TrainConfig.Builder b = TestRuns.small(steps).toBuilder();
        b.encoder = org.twinlab.model.Encoder.parse(encoder);
        b.batchSize = 16;
        b.projectorWidth = 32;
        // small steps, as the warm-up used to give them: the round-trip bounds are absolute, and a few steps at
        // the full rate blow resnet18's features up (and its float error with them)
        b.warmupEpochs = 0;
        b.learningRate = 3e-4;
        b.name = "export-" + encoder;
        TrainConfig cfg = b.build().validated();
        RunSummary end = RunSession.create(root, cfg, d, "test").probes(probes).baselines(probes).run();
        if (end.state() != RunState.FINISHED) {
            throw new IllegalStateException("training ended " + end.state() + ": " + end.message());
        }
        return Path.of(end.runFolder());
    }

    private static Path probedRun;

    /**
     * One small-cnn run of 16 steps with its probes and baselines, trained once per test JVM and shared
     * by the tests that only read it (under the tests' twinlab.home, which {@code mvn clean} removes).
     */
    public static synchronized Path probedSmallCnnRun() throws IOException {
        if (probedRun == null) {
            Path dir = Path.of(System.getProperty("twinlab.home", "target/twinlab-home")).resolve("export-fixture-runs");
            if (Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            probedRun = trainedRun(dir, "small-cnn", 16, true);
        }
        return probedRun;
    }

    /** The first {@code n} images of a split as NumPy's uint8 N x H x W (or N x H x W x C). */
    public static void writeImages(Path file, Split split, int n) throws IOException {
        ImageShape s = split.shape();
        String shape = s.channels() == 1 ? n + ", " + s.height() + ", " + s.width()
                : n + ", " + s.height() + ", " + s.width() + ", " + s.channels();
        byte[] px = new byte[n * s.size()];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < s.height(); y++) {
                for (int x = 0; x < s.width(); x++) {
                    for (int c = 0; c < s.channels(); c++) {
                        px[k++] = (byte) split.pixel(i, c, y, x);
                    }
                }
            }
        }
        writeNpy(file, "|u1", shape, px);
    }

    public static void writeNpy(Path file, String descr, String shape, byte[] data) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        byte[] header = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer pre = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
            pre.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
                    .putShort((short) header.length);
            out.write(pre.array());
            out.write(header);
            out.write(data);
        }
    }

    /** The first images of the sample as an IDX folder (a small dataset of the encoder's input shape, fast to probe). */
    public static Path idxSubset(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        org.twinlab.data.Dataset d = org.twinlab.data.DatasetCatalog.open(org.twinlab.data.DatasetCatalog.SAMPLE);
        writeIdx(dir, "train", d.train(), train);
        writeIdx(dir, "t10k", d.test(), test);
        return dir;
    }

    private static void writeIdx(Path dir, String prefix, Split split, int n) throws IOException {
        ImageShape s = split.shape();
        ByteBuffer images = ByteBuffer.allocate(16 + n * s.plane()).putInt(0x803).putInt(n).putInt(s.height()).putInt(s.width());
        ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < s.height(); y++) {
                for (int x = 0; x < s.width(); x++) {
                    images.put((byte) split.pixel(i, 0, y, x));
                }
            }
            labels.put((byte) split.label(i));
        }
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), images.array());
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), labels.array());
    }

    /** Whether /usr/bin/python3 imports torch and numpy. */
    public static boolean pythonHasTorch() {
        try {
            return run(List.of(PYTHON.toString(), "-c", "import torch, numpy"), Path.of(".")).exitCode == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** A finished process: exit code and its output (stdout and stderr together). */
    public record Ran(int exitCode, String output) {
    }

    public static Ran run(List<String> command, Path dir) throws IOException {
        if (!Files.isExecutable(Path.of(command.get(0)))) {
            return new Ran(-1, command.get(0) + " is not here");
        }
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Ran(-1, "timed out");
            }
            return new Ran(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Ran(-1, "interrupted");
        }
    }

    /** The first {@code n} images of a split normalised as the encoder sees them, N x C x H x W. */
    public static float[] normalized(Split split, int n, float[] mean, float[] std) {
        int size = split.shape().size();
        float[] x = new float[n * size];
        for (int i = 0; i < n; i++) {
            split.copyImage(i, x, i * size);
            org.twinlab.augment.ImageOps.normalize(x, i * size, split.shape(), mean, std);
        }
        return x;
    }

    public static float maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError(a.length + " values vs " + b.length);
        }
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
