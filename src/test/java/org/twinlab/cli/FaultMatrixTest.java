package org.twinlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinlab.cli.Fault.Kind.EMPTY;
import static org.twinlab.cli.Fault.Kind.FLIPPED;
import static org.twinlab.cli.Fault.Kind.IN_THE_WAY;
import static org.twinlab.cli.Fault.Kind.MISSING;
import static org.twinlab.cli.Fault.Kind.OTHER;
import static org.twinlab.cli.Fault.Kind.TRUNCATED;
import static org.twinlab.cli.Fault.Kind.UNWRITABLE;
import static org.twinlab.cli.Fault.Kind.WRONG_TYPE;
import static org.twinlab.cli.Fault.NONE;
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
import org.twinlab.runs.Checksums;
import org.twinlab.runs.CsvFile;

/**
 * The fault matrix of {@code train} and {@code train --resume}: bad settings files, datasets and initial
 * encoders, impossible run folders, and every file of a run damaged before a resume. Each row works on its
 * own copy of a finished run ({@link FaultFixtures}); see {@link Fault} for what a row checks.
 */
@org.twinlab.Slow
class FaultMatrixTest {
    @TempDir
    static Path root;

    static final String TRAIN = "train";
    static final String RESUME = "train --resume";

    /** "train --config {dir}/s.json" into a runs folder of the case. */
    private static Fault.Action withSettings() {
        return cli("train", "--config", "{dir}/s.json", "--run-dir", "{dir}/runs");
    }

    private static Fault.Action onData() {
        return cli("train", "--dataset", "{data}", "--steps", "1", "--run-dir", "{dir}/runs");
    }

    private static Fault.Action resume(String... more) {
        List<String> a = new ArrayList<>(List.of("train", "--resume", "{run}"));
        a.addAll(List.of(more));
        return new Fault.Cli(a);
    }

    /** A run extended by 3 steps despite the damage: it ends at step 9 with one row per step, none twice. */
    private static final Fault.Intact EXTENDED = new Fault.Intact("extended to step 9 from its checkpoint; one metrics row "
            + "per step", (c, before, o) -> {
                assertTrue(o.out().contains("\"steps\":9"), o.out());
                CsvFile m = CsvFile.read(c.run().resolve("metrics.csv"));
                for (int i = 0; i < m.size(); i++) {
                    assertTrue(m.number(i, "step") > (i == 0 ? 0 : m.number(i - 1, "step")), "steps in order, none twice");
                }
                assertEquals(9, m.number(m.size() - 1, "step"), 0);
            });

    static List<Fault> cases() {
        List<Fault> c = new ArrayList<>();
        // where runs go
        c.add(new Fault(TRAIN, UNWRITABLE, "run folder under /proc", NONE, cli("train", "--steps", "1", "--run-dir",
                "/proc/nope"), 2, "cannot create a run folder in /proc/nope: ", UNCHANGED));
        c.add(new Fault(TRAIN, IN_THE_WAY, "a file where the runs folder should be", k -> Files.writeString(k.resolve("runs"),
                "x"), cli("train", "--steps", "1", "--run-dir", "{dir}/runs/inner"), 2, "cannot create a run folder in ",
                UNCHANGED));
        // settings files
        c.add(new Fault(TRAIN, WRONG_TYPE, "settings file is /etc/passwd-like text", k -> Files.writeString(k.resolve("s.json"),
                "root:x:0:0:root:/root:/bin/bash\n"), withSettings(), 2,
                "s.json: not a settings file: the JSON breaks at line 1, column", UNCHANGED));
        c.addAll(Fault.settingsFile(TRAIN, withSettings()));
        c.add(new Fault(TRAIN, WRONG_TYPE, "settings file with a value of the wrong type", k -> Files.writeString(
                k.resolve("s.json"), Files.readString(k.run().resolve("config.json")).replace("\"batchSize\": 64",
                        "\"batchSize\": \"many\"")), withSettings(), 2,
                "\"batchSize\" (batch size) must be a number, not \"many\"", UNCHANGED));
        // datasets
        c.add(new Fault(TRAIN, MISSING, "dataset folder missing", NONE, cli("train", "--dataset", "{dir}/nowhere",
                "--run-dir", "{dir}/runs"), 2, "nowhere: no such dataset folder", UNCHANGED));
        c.add(new Fault(TRAIN, EMPTY, "dataset folder empty", k -> Files.createDirectories(k.resolve("none")),
                cli("train", "--dataset", "{dir}/none", "--run-dir", "{dir}/runs"), 2, "holds no dataset Twinlab can read",
                UNCHANGED));
        c.add(new Fault(TRAIN, TRUNCATED, "dataset's image file truncated", k -> truncate(k.data().resolve(
                "train-images-idx3-ubyte")), onData(), 2, "train-images-idx3-ubyte: truncated", UNCHANGED));
        c.add(new Fault(TRAIN, WRONG_TYPE, "dataset's label file is a folder", k -> folderInstead(k.data().resolve(
                "train-labels-idx1-ubyte")), onData(), 2, "train-labels-idx1-ubyte: is a folder, not an IDX file", UNCHANGED));
        c.add(new Fault(TRAIN, FLIPPED, "a byte flipped in the dataset's magic number", k -> flip(k.data().resolve(
                "t10k-images-idx3-ubyte"), 2), onData(), 2, "t10k-images-idx3-ubyte: wrong magic number", UNCHANGED));
        // an initial encoder
        c.add(new Fault(TRAIN, MISSING, "initial encoder missing", NONE, cli("train", "--init-encoder", "{dir}/nope",
                "--run-dir", "{dir}/runs"), 2, "nope: no such export folder", UNCHANGED));
        c.add(new Fault(TRAIN, FLIPPED, "a byte flipped in the initial encoder's weights", k -> flip(k.export().resolve(
                "encoder.safetensors")), cli("train", "--init-encoder", "{export}", "--run-dir", "{dir}/runs"), 2,
                "encoder.safetensors: SHA-256 does not match manifest.json", UNCHANGED));
        c.add(new Fault(TRAIN, TRUNCATED, "the initial encoder's manifest truncated", k -> truncate(k.export().resolve(
                "manifest.json")), cli("train", "--init-encoder", "{export}", "--run-dir", "{dir}/runs"), 2,
                "manifest.json: not a Twinlab manifest file: the JSON breaks at line", UNCHANGED));
        // a GPU where there is none
        c.add(new Fault(TRAIN, OTHER, "gpu asked for on a machine without one", NONE, cli("train", "--device", "gpu",
                "--run-dir", "{dir}/runs"), 2, "device: gpu was asked for but", UNCHANGED));
        c.add(new Fault(TRAIN, OTHER, "no baselines: the summary says not measured", NONE, new Fault.Cli(List.of(
                FaultFixtures.args("train", "--dataset", "{data}", "--steps", "2", "--no-baselines", "--run-dir",
                        "{dir}/runs"))), 0, "random encoder not measured, raw pixels not measured",
                Fault.keeps("a new run folder")));

        // resuming: the run as it is
        c.add(new Fault(RESUME, OTHER, "a finished run", NONE, resume(), 2,
                "finished at step 6 of 6; to train it further, resume with more steps or epochs, e.g. --resume", UNCHANGED));
        c.add(new Fault(RESUME, OTHER, "other settings than its length", NONE, resume("--lambda", "0.5"), 2,
                "--lambda: --resume continues a run with its own settings", UNCHANGED));
        c.add(new Fault(RESUME, OTHER, "a folder that is no run", k -> Files.createDirectories(k.resolve("empty")),
                cli("train", "--resume", "{dir}/empty"), 2, "not a run folder (no config.json)", UNCHANGED));
        c.add(new Fault(RESUME, OTHER, "extend a finished run", NONE, resume("--steps", "8", "--json"), 0, "\"steps\":8",
                new Fault.Intact("the finished summary kept as summary-6.json; rows up to step 6 as before", (k, before, o) -> {
                    assertEquals(before.get("run/summary.json"), Checksums.of(k.run().resolve("summary-6.json")));
                    assertEquals(8, CsvFile.read(k.run().resolve("metrics.csv")).size());
                })));
        // config.json
        c.add(new Fault(RESUME, OTHER, "config.json edited after the checkpoint", k -> {
            Path cfg = k.run().resolve("config.json");
            Files.writeString(cfg, Files.readString(cfg).replace("\"lambda\": 0.0051", "\"lambda\": 0.5"));
        }, resume("--steps", "9"), 2, "config.json: was changed after the last checkpoint", UNCHANGED));
        c.add(new Fault(RESUME, MISSING, "config.json missing", k -> Files.delete(k.run().resolve("config.json")),
                resume(), 2, "not a run folder (no config.json)", UNCHANGED));
        c.add(new Fault(RESUME, EMPTY, "config.json empty", k -> empty(k.run().resolve("config.json")), resume(), 2,
                "config.json: is empty", UNCHANGED));
        c.add(new Fault(RESUME, TRUNCATED, "config.json truncated", k -> truncate(k.run().resolve("config.json")), resume(),
                2, "config.json: not a settings file: the JSON breaks at line", UNCHANGED));
        c.add(new Fault(RESUME, WRONG_TYPE, "config.json is a folder", k -> folderInstead(k.run().resolve("config.json")),
                resume(), 2, "not a run folder (no config.json)", UNCHANGED));
        c.add(new Fault(RESUME, FLIPPED, "a byte of config.json flipped into binary", k -> binary(k.run().resolve(
                "config.json"), 40), resume(), 2, "config.json: not a settings file (not text)", UNCHANGED));
        // the checkpoint
        c.add(new Fault(RESUME, FLIPPED, "a byte flipped in the parameters", k -> flip(checkpointFile(k.run(), "model-")),
                resume("--steps", "9"), 2, ".params: does not match its recorded SHA-256 checksum", UNCHANGED));
        c.add(new Fault(RESUME, TRUNCATED, "the parameters truncated", k -> truncate(checkpointFile(k.run(), "model-")),
                resume("--steps", "9"), 2, ".params: does not match its recorded SHA-256 checksum", UNCHANGED));
        c.add(new Fault(RESUME, EMPTY, "the parameters empty", k -> empty(checkpointFile(k.run(), "model-")),
                resume("--steps", "9"), 2, ".params: does not match its recorded SHA-256 checksum", UNCHANGED));
        c.add(new Fault(RESUME, MISSING, "the parameters deleted", k -> Files.delete(checkpointFile(k.run(), "model-")),
                resume("--steps", "9"), 2, ".params: missing", UNCHANGED));
        c.add(new Fault(RESUME, WRONG_TYPE, "the parameters are a folder", k -> folderInstead(checkpointFile(k.run(),
                "model-")), resume("--steps", "9"), 2, ".params: missing", UNCHANGED));
        c.add(new Fault(RESUME, TRUNCATED, "the optimizer state truncated", k -> truncate(checkpointFile(k.run(),
                "optimizer-")), resume("--steps", "9"), 2, ".npz: does not match its recorded SHA-256 checksum", UNCHANGED));
        c.add(new Fault(RESUME, FLIPPED, "a byte flipped in the optimizer state", k -> flip(checkpointFile(k.run(),
                "optimizer-")), resume("--steps", "9"), 2, ".npz: does not match its recorded SHA-256 checksum", UNCHANGED));
        c.add(new Fault(RESUME, MISSING, "the optimizer state deleted", k -> Files.delete(checkpointFile(k.run(),
                "optimizer-")), resume("--steps", "9"), 2, ".npz: missing", UNCHANGED));
        c.add(new Fault(RESUME, FLIPPED, "the checkpoint record edited", k -> {
            Path rec = k.run().resolve("checkpoint/checkpoint.json");
            Files.writeString(rec, Files.readString(rec).replace("\"step\": 6", "\"step\": 5"));
        }, resume("--steps", "9"), 2, "checkpoint.json: does not match its own checksum", UNCHANGED));
        c.add(new Fault(RESUME, FLIPPED, "a byte of the checkpoint record flipped into binary", k -> binary(
                k.run().resolve("checkpoint/checkpoint.json"), 20), resume("--steps", "9"), 2,
                "checkpoint.json: damaged (not text)", UNCHANGED));
        c.add(new Fault(RESUME, TRUNCATED, "the checkpoint record truncated", k -> truncate(k.run().resolve(
                "checkpoint/checkpoint.json")), resume("--steps", "9"), 2, "checkpoint.json: not a checkpoint record file: "
                + "the JSON breaks at line", UNCHANGED));
        c.add(new Fault(RESUME, EMPTY, "the checkpoint record empty", k -> empty(k.run().resolve(
                "checkpoint/checkpoint.json")), resume("--steps", "9"), 2, "checkpoint.json: is empty", UNCHANGED));
        c.add(new Fault(RESUME, WRONG_TYPE, "the checkpoint record is a list", k -> Files.writeString(k.run().resolve(
                "checkpoint/checkpoint.json"), "[6]\n"), resume("--steps", "9"), 2,
                "checkpoint.json: not a checkpoint record file: it holds", UNCHANGED));
        c.add(new Fault(RESUME, MISSING, "the checkpoint record deleted", k -> Files.delete(k.run().resolve(
                "checkpoint/checkpoint.json")), resume("--steps", "9"), 2, "has no checkpoint to resume from", UNCHANGED));
        c.add(new Fault(RESUME, MISSING, "the checkpoint folder deleted", k -> Fault.deleteTree(k.run().resolve(
                "checkpoint")), resume(), 2, "has no checkpoint to resume from", UNCHANGED));
        // the run's records: a resume goes on with what is whole
        c.add(new Fault(RESUME, TRUNCATED, "summary.json of a finished run truncated", k -> truncate(k.run().resolve(
                "summary.json")), resume(), 2, "finished at step 6 of 6", UNCHANGED));
        c.add(new Fault(RESUME, TRUNCATED, "metrics.csv torn in its last row", k -> {
            Path m = k.run().resolve("metrics.csv");
            byte[] b = Files.readAllBytes(m);
            Files.write(m, java.util.Arrays.copyOf(b, b.length - 9));
        }, resume("--steps", "9", "--json"), 0, "", EXTENDED));
        c.add(new Fault(RESUME, FLIPPED, "a byte of metrics.csv flipped into binary", k -> binary(k.run().resolve(
                "metrics.csv"), (int) Files.size(k.run().resolve("metrics.csv")) / 2), resume("--steps", "9", "--json"), 0, "", EXTENDED));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> everyFaultIsOneLineAndLosesNothing() {
        return Fault.tests(root, cases());
    }
}
