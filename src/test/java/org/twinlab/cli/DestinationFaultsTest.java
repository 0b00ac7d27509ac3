package org.twinlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinlab.cli.Fault.Kind.FULL;
import static org.twinlab.cli.Fault.Kind.IN_THE_WAY;
import static org.twinlab.cli.Fault.Kind.KILL;
import static org.twinlab.cli.Fault.Kind.OTHER;
import static org.twinlab.cli.Fault.Kind.UNWRITABLE;
import static org.twinlab.cli.Fault.NONE;
import static org.twinlab.cli.Fault.UNCHANGED;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.export.ExportedEncoder;
import org.twinlab.runs.CsvFile;

/**
 * Where commands write: a place that cannot be written (under /proc, a read-only file system), a full disk
 * (a small tmpfs, at the start and in the middle of the work) and a file standing where a folder should be,
 * for every command that writes. Nothing is left half written (no temporary files, no empty folders), and a
 * run or a sweep stopped by a full disk resumes from its last whole checkpoint once there is room. An export
 * that a kill -9 left half replaced is not loaded, and the next export into its folder cleans it up.
 */
@org.twinlab.Slow
class DestinationFaultsTest {
    @TempDir
    static Path root;

    /** A command that writes OUT (a file or a folder named {@code name}). */
    private record Writer(String command, String name, Function<String, List<String>> args) {
    }

    private static final List<Writer> WRITERS = List.of(
            new Writer("train", "runs", out -> List.of(FaultFixtures.args("train", "--dataset", "{data}", "--steps", "1",
                    "--no-baselines", "--run-dir", out))),
            new Writer("sweep", "sweep", out -> List.of(FaultFixtures.args("sweep", "--dataset", "{data}", "--set",
                    "lambda=0.1,0.2", "--steps", "1", "--no-calibration", "--out", out))),
            new Writer("ablate", "ablation", out -> List.of(FaultFixtures.args("ablate", "--dataset", "{data}", "--steps", "1",
                    "--no-calibration", "--out", out))),
            new Writer("runs", "runs.csv", out -> List.of("runs", "--dir", "{sweep}", "--csv", out)),
            new Writer("compare", "c.png", out -> List.of("compare", "{sweep}/runs/001-lambda=0.001",
                    "{sweep}/runs/002-lambda=0.01", "--out", out)),
            new Writer("export", "export", out -> List.of("export", "--run", "{run}", "--out", out, "--points", "50",
                    "--figure-size", "320x200")),
            new Writer("embed", "f.npy", out -> List.of("embed", "--encoder", "{export}", "--images", "{batch}", "--out", out)),
            new Writer("preview", "p.png", out -> List.of("preview", "--dataset", "{data}", "--count", "3", "--out", out)),
            new Writer("scale-out", "bundle", out -> List.of("scale-out", "--run", "{run}", "--out", out)));

    private static Fault.Cli cli(List<String> args) {
        return new Fault.Cli(args);
    }

    /** The same four faults for every writer: nothing is written anywhere, and the line says what and where. */
    private static List<Fault> everyWriter() {
        List<Fault> c = new ArrayList<>();
        for (Writer w : WRITERS) {
            c.add(new Fault(w.command(), UNWRITABLE, "destination under /proc", NONE,
                    cli(w.args().apply("/proc/twinlab-nope/" + w.name())), 2, "/proc/twinlab-nope", UNCHANGED));
            c.add(new Fault(w.command(), UNWRITABLE, "destination on a read-only file system",
                    k -> Tmpfs.mount(k, k.resolve("ro"), "1m").readOnly(), cli(w.args().apply("{dir}/ro/" + w.name())), 2,
                    "read-only file system", UNCHANGED));
            c.add(new Fault(w.command(), FULL, "destination on a full disk",
                    k -> Tmpfs.mount(k, k.resolve("full"), "256k").leave(0), cli(w.args().apply("{dir}/full/" + w.name())),
                    2, "no space left on device", UNCHANGED));
            c.add(new Fault(w.command(), IN_THE_WAY, "a file where the destination's folder should be",
                    k -> Files.writeString(k.resolve("f"), "mine"), cli(w.args().apply("{dir}/f/" + w.name())), 2,
                    "{dir}/f", UNCHANGED));
        }
        return c;
    }

    /** The size of the fixture run's checkpoint files (parameters and optimizer state): one generation. */
    private static long generation() throws Exception {
        return Files.size(Fault.checkpointFile(FaultFixtures.run(), "model-"))
                + Files.size(Fault.checkpointFile(FaultFixtures.run(), "optimizer-"));
    }

    /** The case's full disk, kept to make room on it afterwards. */
    private static final java.util.Map<Path, Tmpfs> DISKS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Tmpfs disk(Fault.Case k, String size) throws Exception {
        Tmpfs t = Tmpfs.mount(k, k.resolve("full"), size);
        DISKS.put(k.dir, t);
        return t;
    }

    /** After making room, {@code train --resume} finishes the run at {@code steps}, one metrics row per step. */
    private static Fault.Intact resumesTo(int steps, Path run) {
        return new Fault.Intact("no temporary file left; after making room, --resume finishes it from that checkpoint",
                (k, before, o) -> {
                    Path dir = run != null ? run : onlyRun(k.resolve("full/runs"));
                    assertNoTemporaries(dir);
                    DISKS.get(k.dir).makeRoom();
                    CommandLineTest.Outcome again = CommandLineTest.run("train", "--resume", dir.toString(), "--json");
                    assertEquals(0, again.code(), again.err());
                    CsvFile m = CsvFile.read(dir.resolve("metrics.csv"));
                    assertEquals(steps, m.size(), "one row per step, none twice");
                    assertEquals(steps, m.number(steps - 1, "step"), 0);
                });
    }

    private static Path onlyRun(Path runs) throws Exception {
        try (var s = Files.list(runs)) {
            return s.findFirst().orElseThrow();
        }
    }

    static void assertNoTemporaries(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            List<Path> tmp = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertTrue(tmp.isEmpty(), "temporary files left: " + tmp);
        }
    }

    static List<Fault> cases() throws Exception {
        List<Fault> c = everyWriter();
        long gen = generation();
        // a disk that fills in the middle of the work
        c.add(new Fault("train", FULL, "the disk fills at the second checkpoint", k -> disk(k, "8m").leave(gen * 3 / 2),
                cli(List.of(FaultFixtures.args("train", "--dataset", "{data}", "--steps", "6", "--checkpoint-every", "3",
                        "--no-baselines", "--run-dir", "{dir}/full/runs"))), 2,
                "no space left on device; its checkpoint of step 3 is whole: make room, then twinlab train --resume",
                resumesTo(6, null)).midway());
        c.add(new Fault("train --resume", FULL, "the disk fills while extending a run", k -> {
            disk(k, "8m");
            FaultFixtures.copy(FaultFixtures.run(), k.resolve("full/run"));
            DISKS.get(k.dir).leave(gen / 2);
        }, cli(List.of("train", "--resume", "{dir}/full/run", "--steps", "9", "--json")), 2,
                "no space left on device; its checkpoint of step 6 is whole: make room, then twinlab train --resume",
                new Fault.Intact("the checkpoint of step 6 whole; after making room, --resume finishes it",
                        (k, before, o) -> resumesTo(9, k.resolve("full/run")).check().verify(k, before, o))).midway());
        c.add(new Fault("train --resume", UNWRITABLE, "the run on a read-only file system", k -> {
            Tmpfs t = Tmpfs.mount(k, k.resolve("ro"), "8m");
            FaultFixtures.copy(FaultFixtures.run(), k.resolve("ro/run"));
            t.readOnly();
        }, cli(List.of("train", "--resume", "{dir}/ro/run", "--steps", "9")), 2,
                "cannot write to {dir}/ro/run: read-only file system", UNCHANGED));
        c.add(new Fault("sweep", FULL, "the disk fills during the first run", k -> disk(k, "8m").leave(gen * 3 / 2),
                cli(List.of(FaultFixtures.args("sweep", "--dataset", "{data}", "--set", "lambda=0.001,0.01", "--steps", "6",
                        "--checkpoint-every", "3", "--no-calibration", "--out", "{dir}/full/sweep"))), 2,
                "no space left on device; make room, then finish the sweep: twinlab sweep --resume",
                new Fault.Intact("no temporary file left; after making room, sweep --resume finishes it: two rows, none "
                        + "twice", (k, before, o) -> {
                            Path sweep = k.resolve("full/sweep");
                            assertNoTemporaries(sweep);
                            DISKS.get(k.dir).makeRoom();
                            CommandLineTest.Outcome again = CommandLineTest.run("sweep", "--resume", sweep.toString(),
                                    "--no-calibration", "--json");
                            assertEquals(0, again.code(), again.err());
                            assertTrue(again.err().contains("continues from step 3"), again.err());
                            assertEquals(3, Files.readAllLines(sweep.resolve("results.csv")).size(), "two rows");
                        })).midway());
        c.add(new Fault("sweep --resume", UNWRITABLE, "the sweep on a read-only file system", k -> {
            Tmpfs t = Tmpfs.mount(k, k.resolve("ro"), "16m");
            FaultFixtures.copy(FaultFixtures.sweep(), k.resolve("ro/sweep"));
            t.readOnly();
        }, cli(List.of("sweep", "--resume", "{dir}/ro/sweep")), 2, "cannot write to {dir}/ro/sweep: read-only file system",
                UNCHANGED));
        // an earlier export replaced on a full disk: it stays as it was
        c.add(new Fault("export", FULL, "the disk fills while replacing an earlier export (of another run)", k -> {
            disk(k, "16m");
            CommandLineTest.Outcome earlier = CommandLineTest.run("export", "--run", k.sweep().resolve(
                    "runs/001-lambda=0.001").toString(), "--out", k.resolve("full/export").toString(), "--points", "20",
                    "--figure-size", "320x200");
            assertEquals(0, earlier.code(), earlier.err());
            DISKS.get(k.dir).leave(500 * 1024); // room for the new weights, not for the rest beside the earlier export
        }, cli(List.of("export", "--run", "{run}", "--out", "{dir}/full/export", "--points", "50", "--figure-size",
                "320x200")), 2, "no space left on device", new Fault.Intact("the earlier export as it was, and it loads",
                        (k, before, o) -> {
                            UNCHANGED.check().verify(k, before, o);
                            ExportedEncoder.load(k.resolve("full/export")).close();
                        })));
        // what a kill -9 in the middle of replacing an export leaves (OutputFolderTest has every step of it)
        c.add(new Fault("embed", KILL, "an export whose replacement was killed midway", DestinationFaultsTest::halfReplaced,
                cli(List.of("embed", "--encoder", "{export}", "--images", "{batch}", "--out", "{dir}/f.npy")), 2,
                "not a whole export: an export into it was interrupted", UNCHANGED));
        c.add(new Fault("export", KILL, "export again where a kill left an export half replaced", k -> {
            halfReplaced(k);
            Files.writeString(k.export().resolve("notes.txt"), "mine");
        }, cli(List.of("export", "--run", "{run}", "--out", "{export}", "--points", "50", "--figure-size", "320x200")), 0,
                "exported", new Fault.Intact("a whole export that loads; no mark, nothing aside, no temporary; the user's "
                        + "file beside it kept", (k, before, o) -> {
                            Path e = k.export();
                            assertFalse(Files.exists(e.resolve(".export-incomplete")), "the mark is gone");
                            assertFalse(Files.exists(e.resolve(".previous-export")), "nothing is left aside");
                            assertNoTemporaries(e);
                            assertEquals("mine", Files.readString(e.resolve("notes.txt")));
                            ExportedEncoder.load(e).close();
                        })));
        c.add(new Fault("export", OTHER, "--out holds other files", k -> Files.writeString(Files.createDirectories(
                k.resolve("busy")).resolve("thesis.tex"), "mine"), cli(List.of("export", "--run", "{run}", "--out",
                "{dir}/busy")), 2, "busy: the folder is not empty and holds no earlier export", UNCHANGED));
        c.add(new Fault("embed", OTHER, "--out exists", k -> Files.writeString(k.resolve("f.npy"), "mine"),
                cli(List.of("embed", "--encoder", "{export}", "--images", "{batch}", "--out", "{dir}/f.npy")), 2,
                "f.npy: already exists (nothing was written; --force replaces it)", UNCHANGED));
        return c;
    }

    /**
     * The state a kill -9 leaves while an export replaces the fixture export: the mark written, the manifest and the
     * weights moved aside, a temporary of the new weights half written.
     */
    private static void halfReplaced(Fault.Case k) throws Exception {
        Path e = k.export();
        Files.writeString(e.resolve(".export-incomplete"), "interrupted");
        Files.createDirectories(e.resolve(".previous-export"));
        for (String f : List.of("manifest.json", "encoder.safetensors")) {
            Files.move(e.resolve(f), e.resolve(".previous-export").resolve(f));
        }
        Files.writeString(e.resolve(".encoder.safetensors123.tmp"), "half");
    }

    @TestFactory
    Stream<DynamicTest> destinationsThatCannotBeWrittenLeaveNothingHalfDone() throws Exception {
        return Fault.tests(root, cases());
    }

}
