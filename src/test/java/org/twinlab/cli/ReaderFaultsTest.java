package org.twinlab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinlab.cli.Fault.Kind.EMPTY;
import static org.twinlab.cli.Fault.Kind.FLIPPED;
import static org.twinlab.cli.Fault.Kind.MISSING;
import static org.twinlab.cli.Fault.Kind.OTHER;
import static org.twinlab.cli.Fault.Kind.TRUNCATED;
import static org.twinlab.cli.Fault.Kind.WRONG_TYPE;
import static org.twinlab.cli.Fault.NONE;
import static org.twinlab.cli.Fault.READ_ONLY;
import static org.twinlab.cli.Fault.UNCHANGED;
import static org.twinlab.cli.Fault.binary;
import static org.twinlab.cli.Fault.checkpointFile;
import static org.twinlab.cli.Fault.cli;
import static org.twinlab.cli.Fault.empty;
import static org.twinlab.cli.Fault.flip;
import static org.twinlab.cli.Fault.folderInstead;
import static org.twinlab.cli.Fault.truncate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.lesson.Lesson;

/**
 * The fault matrix of the commands that read what others wrote: {@code runs}, {@code compare}, {@code probe}
 * (of a run or of an export), {@code export} and {@code embed} (their inputs), {@code preview}, and the lesson
 * reader. A reader never changes what it reads; a damaged run in a list of runs is listed with its reason.
 */
@org.twinlab.Slow
class ReaderFaultsTest {
    @TempDir
    static Path root;

    /** {@code runs --dir} on the case's folder, which holds the damaged run: it is listed with the reason. */
    private static Fault listed(Fault.Kind kind, String fault, Fault.Setup damage, String reason) {
        return new Fault("runs", kind, fault, k -> {
            k.run();
            damage.prepare(k);
        }, cli("runs", "--dir", "{dir}"), 0, reason, READ_ONLY);
    }

    private static Fault compare(Fault.Kind kind, String fault, Fault.Setup damage, int exit, String says) {
        return new Fault("compare", kind, fault, k -> {
            Fault.copyTree(k.run(), k.resolve("other"));
            damage.prepare(k);
        }, cli("compare", "{run}", "{dir}/other", "--out", "{dir}/c.png"), exit, says,
                exit == 2 ? UNCHANGED : Fault.keeps("every run file as before; the figure written"));
    }

    private static Fault probeRun(Fault.Kind kind, String fault, Fault.Setup damage, String says) {
        return new Fault("probe --run", kind, fault, damage, cli("probe", "--run", "{run}"), 2, says, UNCHANGED);
    }

    private static Fault probeExport(Fault.Kind kind, String fault, Fault.Setup damage, String says) {
        return new Fault("probe --encoder", kind, fault, damage, cli("probe", "--encoder", "{export}", "--dataset", "{data}"),
                2, says, UNCHANGED);
    }

    private static Fault exportOf(Fault.Kind kind, String fault, Fault.Setup damage, String says) {
        return new Fault("export", kind, fault, damage, cli("export", "--run", "{run}", "--out", "{dir}/out"), 2, says,
                UNCHANGED);
    }

    private static Fault scaleOut(Fault.Kind kind, String fault, Fault.Setup damage, String says) {
        return new Fault("scale-out", kind, fault, damage, cli("scale-out", "--run", "{run}", "--out", "{dir}/bundle"), 2,
                says, UNCHANGED);
    }

    private static Fault embed(Fault.Kind kind, String fault, Fault.Setup damage, String says) {
        return new Fault("embed", kind, fault, damage, cli("embed", "--encoder", "{export}", "--images", "{batch}", "--out",
                "{dir}/f.npy"), 2, says, UNCHANGED);
    }

    /** The lesson reader (the window's Lesson menu): its message is the notice the window shows. */
    private static Fault lesson(Fault.Kind kind, String fault, Fault.Setup damage, String says) {
        return new Fault("lesson", kind, fault, k -> {
            k.lesson();
            damage.prepare(k);
        }, k -> {
            try {
                Lesson.read(k.lesson());
                return new CommandLineTest.Outcome(0, "", "");
            } catch (IllegalArgumentException e) {
                return new CommandLineTest.Outcome(2, "", "twinlab: " + e.getMessage());
            }
        }, 2, says, UNCHANGED);
    }

    private static Path config(Fault.Case k) {
        return k.run().resolve("config.json");
    }

    private static Path summary(Fault.Case k) {
        return k.run().resolve("summary.json");
    }

    private static Path metrics(Fault.Case k) {
        return k.run().resolve("metrics.csv");
    }

    private static Path record(Fault.Case k) {
        return k.run().resolve("checkpoint/checkpoint.json");
    }

    private static Path manifest(Fault.Case k) {
        return k.export().resolve("manifest.json");
    }

    private static Path weights(Fault.Case k) {
        return k.export().resolve("encoder.safetensors");
    }

    static List<Fault> cases() {
        List<Fault> c = new ArrayList<>();
        // runs: a damaged run folder is listed with its reason, beside the whole ones
        c.add(listed(MISSING, "config.json missing", k -> Files.delete(config(k)), "no config.json"));
        c.add(listed(EMPTY, "config.json empty", k -> empty(config(k)), "config.json: is empty"));
        c.add(listed(TRUNCATED, "config.json truncated", k -> truncate(config(k)),
                "config.json: not a settings file: the JSON breaks at line"));
        c.add(listed(WRONG_TYPE, "config.json is a folder", k -> folderInstead(config(k)), "no config.json"));
        c.add(listed(FLIPPED, "a byte of config.json flipped into binary", k -> binary(config(k), 30),
                "config.json: not a settings file (not text)"));
        c.add(listed(EMPTY, "summary.json empty", k -> empty(summary(k)), "summary.json: damaged"));
        c.add(listed(TRUNCATED, "summary.json truncated", k -> truncate(summary(k)), "summary.json: damaged"));
        c.add(listed(WRONG_TYPE, "summary.json is a list", k -> Files.writeString(summary(k), "[1, 2]\n"),
                "summary.json: damaged"));
        c.add(listed(FLIPPED, "a byte of summary.json flipped into binary", k -> binary(summary(k), 10),
                "summary.json: damaged"));
        c.add(listed(MISSING, "metrics.csv missing", k -> Files.delete(metrics(k)), "no metrics.csv"));
        c.add(listed(EMPTY, "metrics.csv empty", k -> empty(metrics(k)), "metrics.csv: empty"));
        c.add(listed(TRUNCATED, "metrics.csv torn in its last row", k -> {
            byte[] b = Files.readAllBytes(metrics(k));
            Files.write(metrics(k), java.util.Arrays.copyOf(b, b.length - 9));
        }, "metrics.csv: truncated"));
        c.add(listed(WRONG_TYPE, "metrics.csv is a named pipe (never read: a pipe would block)", k -> {
            Files.delete(metrics(k));
            mkfifo(metrics(k));
        }, "no metrics.csv"));
        c.add(listed(FLIPPED, "a byte of metrics.csv flipped into binary", k -> binary(metrics(k),
                (int) Files.size(metrics(k)) - 5), "metrics.csv: damaged (holds bytes that are not text)"));
        c.add(listed(TRUNCATED, "the checkpoint record truncated", k -> truncate(record(k)),
                "checkpoint.json: not a checkpoint record file: the JSON breaks"));
        c.add(listed(EMPTY, "the checkpoint record empty", k -> empty(record(k)), "checkpoint.json: is empty"));
        c.add(listed(FLIPPED, "a byte of the checkpoint record flipped into binary", k -> binary(record(k), 20),
                "checkpoint.json: damaged (not text)"));
        c.add(listed(MISSING, "the checkpoint deleted", k -> Fault.deleteTree(k.run().resolve("checkpoint")),
                "no checkpoint"));
        c.add(listed(FLIPPED, "meta.json (name, tags, note) in binary", k -> Files.write(k.run().resolve("meta.json"),
                new byte[] {'{', (byte) 0xff, '}'}), "meta.json: damaged"));
        c.add(listed(OTHER, "temporary files left by a kill during a write: not runs, not damage", k -> {
            Files.writeString(k.run().resolve(".summary.json4711.tmp"), "{\"state\": \"fini");
            Files.writeString(k.resolve(".2026-11-24-101500-x4712.tmp"), "half");
            Files.createDirectories(k.resolve(".2026-11-24-101500-y4713.tmp"));
        }, "1 run in"));
        c.add(listed(OTHER, "the lock of a process killed with -9 left behind: not running", k ->
                Files.writeString(k.run().resolve("run.lock"), "process 999999 (twinlab train, since 2026-11-24 10:15:00)\n"),
                "finished"));
        c.add(listed(OTHER, "binary files beside the runs", k -> {
            Files.write(k.resolve("core"), new byte[] {0, (byte) 0xff, 0x13, 0x37});
            Files.write(k.run().resolve("notes.bin"), new byte[] {(byte) 0xfe, (byte) 0xff});
        }, "1 run in"));
        c.add(new Fault("runs", MISSING, "--dir missing", NONE, cli("runs", "--dir", "{dir}/nowhere"), 2,
                "nowhere: no such folder", UNCHANGED));
        c.add(new Fault("runs", WRONG_TYPE, "--dir is a file", k -> Files.writeString(k.resolve("f"), "x"),
                cli("runs", "--dir", "{dir}/f"), 2, "f: no such folder", UNCHANGED));

        // compare
        c.add(compare(MISSING, "a run folder missing", k -> Fault.deleteTree(k.resolve("other")), 2,
                "other: no such run folder"));
        c.add(compare(MISSING, "config.json missing", k -> Files.delete(k.resolve("other/config.json")), 2,
                "other: not a run folder (no config.json)"));
        c.add(compare(TRUNCATED, "config.json truncated", k -> truncate(k.resolve("other/config.json")), 2,
                "other: cannot be compared: config.json: not a settings file: the JSON breaks"));
        c.add(compare(WRONG_TYPE, "a file given as a run folder", k -> {
            Fault.deleteTree(k.resolve("other"));
            Files.writeString(k.resolve("other"), "x");
        }, 2, "other: no such run folder"));
        c.add(compare(FLIPPED, "a byte of config.json flipped into binary", k -> binary(k.resolve("other/config.json"), 30),
                2, "other: cannot be compared: config.json: not a settings file (not text)"));
        c.add(compare(TRUNCATED, "metrics.csv torn in its last row: compared as far as it is whole", k -> {
            Path m = k.resolve("other/metrics.csv");
            byte[] b = Files.readAllBytes(m);
            Files.write(m, java.util.Arrays.copyOf(b, b.length - 9));
        }, 0, "wrote "));
        c.add(compare(FLIPPED, "a byte of summary.json flipped into binary: compared, marked damaged", k -> binary(
                k.resolve("other/summary.json"), 10), 0, "damaged"));

        // probe --run
        c.add(probeRun(MISSING, "config.json missing", k -> Files.delete(config(k)), "not a run folder (no config.json)"));
        c.add(probeRun(TRUNCATED, "config.json truncated", k -> truncate(config(k)),
                "config.json: not a settings file: the JSON breaks"));
        c.add(probeRun(FLIPPED, "a byte flipped in the parameters", k -> flip(checkpointFile(k.run(), "model-")),
                ".params: does not match its recorded SHA-256 checksum"));
        c.add(probeRun(TRUNCATED, "the parameters truncated", k -> truncate(checkpointFile(k.run(), "model-")),
                ".params: does not match its recorded SHA-256 checksum"));
        c.add(probeRun(EMPTY, "the checkpoint record empty", k -> empty(record(k)), "checkpoint.json: is empty"));
        c.add(probeRun(MISSING, "the checkpoint deleted", k -> Fault.deleteTree(k.run().resolve("checkpoint")),
                "has no checkpoint to probe"));
        c.add(probeRun(WRONG_TYPE, "the parameters are a folder", k -> folderInstead(checkpointFile(k.run(), "model-")),
                ".params: missing"));

        // probe --encoder and embed: the export read back
        c.add(probeExport(MISSING, "manifest.json missing", k -> Files.delete(manifest(k)),
                "not a Twinlab export (no manifest.json)"));
        c.add(probeExport(EMPTY, "manifest.json empty", k -> empty(manifest(k)), "manifest.json: is empty"));
        c.add(probeExport(TRUNCATED, "manifest.json truncated", k -> truncate(manifest(k)),
                "manifest.json: not a Twinlab manifest file: the JSON breaks at line"));
        c.add(probeExport(WRONG_TYPE, "manifest.json is a list", k -> Files.writeString(manifest(k), "[]\n"),
                "manifest.json: not a Twinlab manifest file: it holds a list"));
        c.add(probeExport(FLIPPED, "a bit of manifest.json flipped: a digit of the input's mean, still valid JSON", k -> {
            String m = Files.readString(manifest(k));
            flip(manifest(k), m.indexOf('.', m.indexOf("\"mean\": [")) + 2, 0x01);
        }, "manifest.json: does not match its own checksum"));
        c.add(probeExport(FLIPPED, "a byte flipped in the weights", k -> flip(weights(k)),
                "encoder.safetensors: SHA-256 does not match manifest.json"));
        c.add(probeExport(TRUNCATED, "the weights truncated", k -> truncate(weights(k)),
                "encoder.safetensors: SHA-256 does not match manifest.json"));
        c.add(probeExport(MISSING, "the weights deleted", k -> Files.delete(weights(k)),
                "encoder.safetensors: missing (manifest.json lists it)"));
        c.add(probeExport(TRUNCATED, "the dataset's image file truncated", k -> truncate(k.data().resolve(
                "train-images-idx3-ubyte")), "train-images-idx3-ubyte: truncated"));
        c.add(embed(MISSING, "the export folder missing", k -> Fault.deleteTree(k.export()), "no such export folder"));
        c.add(embed(WRONG_TYPE, "the weights are a folder", k -> folderInstead(weights(k)),
                "encoder.safetensors: missing (manifest.json lists it)"));
        c.add(embed(FLIPPED, "a byte of manifest.json flipped into binary", k -> binary(manifest(k), 30),
                "manifest.json: damaged (not text)"));
        c.add(embed(MISSING, "the image batch missing", k -> Files.delete(k.batch()), "batch.npy: no such file"));
        c.add(embed(EMPTY, "the image batch empty", k -> empty(k.batch()), "batch.npy: not a NumPy .npy file"));
        c.add(embed(TRUNCATED, "the image batch truncated", k -> truncate(k.batch()), "batch.npy: truncated"));
        c.add(embed(WRONG_TYPE, "the image batch is text", k -> Files.writeString(k.batch(), "hello\n"),
                "batch.npy: not a NumPy .npy file"));
        c.add(embed(FLIPPED, "a byte flipped in the image batch's header (its shape)", k -> {
            String head = new String(Files.readAllBytes(k.batch()), 0, 128, java.nio.charset.StandardCharsets.ISO_8859_1);
            flip(k.batch(), head.indexOf("(12") + 1);
        }, "batch.npy: "));
        c.add(embed(WRONG_TYPE, "the image batch is a folder", k -> folderInstead(k.batch()), "batch.npy: "));

        // export: what it reads from the run (it writes nothing when the run is damaged)
        c.add(exportOf(FLIPPED, "a byte flipped in the parameters", k -> flip(checkpointFile(k.run(), "model-")),
                ".params: does not match its recorded SHA-256 checksum"));
        c.add(exportOf(MISSING, "the checkpoint record deleted", k -> Files.delete(record(k)),
                "has no checkpoint to export"));
        c.add(exportOf(TRUNCATED, "config.json truncated", k -> truncate(config(k)),
                "config.json: not a settings file: the JSON breaks"));
        c.add(exportOf(EMPTY, "config.json empty", k -> empty(config(k)), "config.json: is empty"));
        c.add(exportOf(FLIPPED, "a byte of summary.json flipped into binary", k -> binary(summary(k), 10),
                "summary.json: damaged (not text)"));
        c.add(exportOf(TRUNCATED, "summary.json truncated", k -> truncate(summary(k)),
                "summary.json: not a run summary file: the JSON breaks at line"));
        c.add(exportOf(WRONG_TYPE, "the optimizer state is a folder", k -> folderInstead(checkpointFile(k.run(),
                "optimizer-")), ".npz: missing"));

        // scale-out: it only reads the run, and writes nothing when the run is damaged
        c.add(scaleOut(MISSING, "config.json missing", k -> Files.delete(config(k)), "not a run folder (no config.json)"));
        c.add(scaleOut(TRUNCATED, "config.json truncated", k -> truncate(config(k)),
                "config.json: not a settings file: the JSON breaks"));
        c.add(scaleOut(FLIPPED, "a byte of config.json flipped into binary", k -> binary(config(k), 30),
                "config.json: not a settings file (not text)"));

        // preview
        c.addAll(Fault.settingsFile("preview", cli("preview", "--dataset", "{data}", "--config", "{dir}/s.json",
                "--out", "{dir}/p.png")));
        c.add(new Fault("preview", FLIPPED, "a byte flipped in the dataset's magic number", k -> flip(k.data().resolve(
                "train-images-idx3-ubyte"), 3), cli("preview", "--dataset", "{data}", "--out", "{dir}/p.png"), 2,
                "train-images-idx3-ubyte: wrong magic number", UNCHANGED));

        // lessons
        c.add(lesson(MISSING, "lesson file missing", k -> Files.delete(k.lesson()), "lesson.json: no such lesson file"));
        c.add(lesson(EMPTY, "lesson file empty", k -> empty(k.lesson()), "lesson.json: is empty"));
        c.add(lesson(TRUNCATED, "lesson file truncated", k -> truncate(k.lesson()),
                "lesson.json: not a lesson file: the JSON breaks at line"));
        c.add(lesson(WRONG_TYPE, "lesson file is a list", k -> Files.writeString(k.lesson(), "[1]\n"),
                "lesson.json: not a lesson file: it holds a list"));
        c.add(lesson(WRONG_TYPE, "lesson file is a folder", k -> folderInstead(k.lesson()), "lesson.json: cannot be read"));
        c.add(lesson(FLIPPED, "a byte of the lesson flipped into binary", k -> binary(k.lesson(), 40),
                "lesson.json: not a lesson file (not text)"));
        return c;
    }

    private static void mkfifo(Path p) throws Exception {
        Process m = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertTrue(m.waitFor() == 0, "mkfifo");
    }

    @TestFactory
    Stream<DynamicTest> readersReportDamageAndChangeNothing() {
        return Fault.tests(root, cases());
    }
}
