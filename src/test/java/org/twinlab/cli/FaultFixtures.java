package org.twinlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.export.ExportFixtures;
import org.twinlab.lesson.Lesson;
import org.twinlab.train.TestRuns;

/**
 * What the fault matrix damages, made once per test JVM and shared by every table (each case works on its own
 * copy): a small dataset folder (640 + 200 images), a finished run on it (6 steps, batch 64, projector 32,
 * checkpoints at 3 and 6, a final probe), that run's export, a finished sweep of two 3-step runs, a uint8
 * .npy batch and the built-in lesson. They live under the tests' twinlab.home, which {@code mvn clean} removes.
 */
final class FaultFixtures {
    /** The settings of every small run the matrix trains: a few steps of a narrow projector on the small data. */
    static final String[] TINY = {"--batch", "64", "--width", "32", "--probe-every", "0", "--lr", "0.002"};

    private static Path root;
    private static Path data;
    private static Path run;
    private static Path export;
    private static Path sweep;
    private static Path batch;
    private static Path lesson;

    private FaultFixtures() {
    }

    private static synchronized Path root() {
        if (root == null) {
            try {
                root = Path.of(System.getProperty("twinlab.home", "target/twinlab-home")).resolve("fault-fixtures")
                        .toAbsolutePath();
                Fault.deleteTree(root);
                Files.createDirectories(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static synchronized Path data() {
        if (data == null) {
            data = TestRuns.sampleSubsetFolder(root().resolve("data"), 640, 200);
        }
        return data;
    }

    static synchronized Path run() {
        if (run == null) {
            Path runs = root().resolve("runs");
            ok(CommandLineTest.run(args("train", "--dataset", data().toString(), "--steps", "6", "--no-baselines",
                    "--checkpoint-every", "3", "--run-dir", runs.toString(), "--name", "fixture")));
            try (var s = Files.list(runs)) {
                run = s.findFirst().orElseThrow();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return run;
    }

    static synchronized Path export() {
        if (export == null) {
            Path out = root().resolve("export");
            ok(CommandLineTest.run("export", "--run", run().toString(), "--out", out.toString(), "--points", "50",
                    "--figure-size", "320x200"));
            export = out;
        }
        return export;
    }

    static synchronized Path sweep() {
        if (sweep == null) {
            Path out = root().resolve("sweep");
            ok(CommandLineTest.run(args("sweep", "--dataset", data().toString(), "--set", "lambda=0.001,0.01", "--steps", "3",
                    "--no-calibration", "--history", out.toString(), "--out", out.toString())));
            sweep = out;
        }
        return sweep;
    }

    static synchronized Path batch() {
        if (batch == null) {
            try {
                batch = root().resolve("batch.npy");
                ExportFixtures.writeImages(batch, DatasetCatalog.open(data().toString()).test(), 12);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return batch;
    }

    static synchronized Path lesson() {
        if (lesson == null) {
            try (InputStream in = Lesson.class.getResourceAsStream(Lesson.BUILT_IN)) {
                lesson = root().resolve("lesson.json");
                Files.write(lesson, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lesson;
    }

    /** A command's arguments followed by {@link #TINY}. */
    static String[] args(String... head) {
        String[] out = java.util.Arrays.copyOf(head, head.length + TINY.length);
        System.arraycopy(TINY, 0, out, head.length, TINY.length);
        return out;
    }

    /** A copy of a fixture (file or folder) at {@code to}, made once. */
    static Path copy(Path fixture, Path to) {
        if (!Files.exists(to)) {
            try {
                if (Files.isDirectory(fixture)) {
                    Fault.copyTree(fixture, to);
                } else {
                    Files.copy(fixture, to);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return to;
    }

    private static void ok(CommandLineTest.Outcome o) {
        if (o.code() != 0) {
            throw new IllegalStateException("a fixture of the fault matrix failed: " + o.err());
        }
    }
}
