package org.twinlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinlab.cli.Fault.Kind.EMPTY;
import static org.twinlab.cli.Fault.Kind.FLIPPED;
import static org.twinlab.cli.Fault.Kind.MISSING;
import static org.twinlab.cli.Fault.Kind.OTHER;
import static org.twinlab.cli.Fault.Kind.TRUNCATED;
import static org.twinlab.cli.Fault.Kind.WRONG_TYPE;
import static org.twinlab.cli.Fault.NONE;
import static org.twinlab.cli.Fault.UNCHANGED;
import static org.twinlab.cli.Fault.binary;
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

/**
 * The fault matrix of {@code sweep}, {@code sweep --resume} and {@code ablate}: bad settings and sweep files,
 * datasets, folders that are not new, and a finished sweep's files damaged before a resume. A sweep's
 * results.csv is rebuilt from its run folders, so a damaged one comes back as it was; a run whose folder is
 * damaged is made again, what it had kept in {@code restarted/}.
 */
@org.twinlab.Slow
class SweepFaultsTest {
    @TempDir
    static Path root;

    static final String SWEEP = "sweep";
    static final String RESUME = "sweep --resume";
    static final String ABLATE = "ablate";
    static final String FIRST = "runs/001-lambda=0.001";

    private static Fault.Action newSweep(String... more) {
        List<String> a = new ArrayList<>(List.of(FaultFixtures.args("sweep", "--dataset", "{data}", "--set",
                "lambda=0.001,0.01", "--steps", "2", "--no-calibration", "--out", "{dir}/out")));
        a.addAll(List.of(more));
        return new Fault.Cli(a);
    }

    private static Fault fromFile(Fault.Kind kind, String fault, Fault.Setup damage, String says) {
        return new Fault(SWEEP, kind, fault, damage, cli("sweep", "--file", "{dir}/w.json", "--out", "{dir}/out"), 2, says,
                UNCHANGED);
    }

    private static Fault resumed(Fault.Kind kind, String fault, Fault.Setup damage, String says) {
        return new Fault(RESUME, kind, fault, damage, cli("sweep", "--resume", "{sweep}", "--no-calibration"), 2, says,
                UNCHANGED);
    }

    /** Resumed to its end despite the damage, with what must hold then. */
    private static Fault recovers(Fault.Kind kind, String fault, Fault.Setup damage, String says, Fault.Intact intact) {
        return new Fault(RESUME, kind, fault, damage, cli("sweep", "--resume", "{sweep}", "--no-calibration", "--json"), 0,
                says, intact);
    }

    private static Path sweepFile(Fault.Case k) {
        return k.sweep().resolve("sweep.json");
    }

    private static Path results(Fault.Case k) {
        return k.sweep().resolve("results.csv");
    }

    /** results.csv comes back byte for byte as the finished sweep had it; every run folder as before. */
    private static final Fault.Intact REBUILT = new Fault.Intact("results.csv rebuilt from the run folders, as it was; "
            + "every run's files as before", (k, before, o) -> {
                assertEquals(Checksums.of(FaultFixtures.sweep().resolve("results.csv")), Checksums.of(results(k)));
                var now = Fault.files(k.dir);
                before.forEach((f, sum) -> {
                    if (f.startsWith("sweep/runs/")) {
                        assertEquals(sum, now.get(f), f + " as before");
                    }
                });
            });

    /** The damaged run was made again; what it had is kept, byte for byte, in restarted/; two rows, none twice. */
    private static final Fault.Intact REMADE = new Fault.Intact("made again; what it had kept in restarted/; two rows, "
            + "none twice", (k, before, o) -> {
                var now = Fault.files(k.dir);
                before.forEach((f, sum) -> {
                    if (f.startsWith("sweep/" + FIRST + "/")) {
                        String moved = f.replace("sweep/runs/", "sweep/restarted/");
                        assertEquals(sum, now.get(moved), moved + " kept as it was");
                    }
                });
                assertTrue(o.out().contains("\"total\":2") && o.out().contains("\"state\":\"finished\""), o.out());
                assertEquals(3, Files.readAllLines(results(k)).size(), "a header and two rows");
            });

    static List<Fault> cases() {
        List<Fault> c = new ArrayList<>();
        // a new sweep: its settings file, its definition file, its dataset, its folder
        c.addAll(Fault.settingsFile(SWEEP, newSweep("--config", "{dir}/s.json")));
        c.add(fromFile(MISSING, "sweep file missing", NONE, "w.json: no such sweep file"));
        c.add(fromFile(EMPTY, "sweep file empty", k -> Files.writeString(k.resolve("w.json"), ""), "w.json: is empty"));
        c.add(fromFile(TRUNCATED, "sweep file truncated", k -> Files.writeString(k.resolve("w.json"),
                Files.readString(sweepFile(k)).substring(0, 200)), "w.json: not a sweep file: the JSON breaks at line"));
        c.add(fromFile(WRONG_TYPE, "sweep file is a list", k -> Files.writeString(k.resolve("w.json"), "[1, 2]\n"),
                "w.json: not a sweep file: it holds a list"));
        c.add(fromFile(FLIPPED, "a byte of the sweep file flipped into binary", k -> {
            Files.copy(sweepFile(k), k.resolve("w.json"));
            binary(k.resolve("w.json"), 30);
        }, "w.json: not a sweep file (not text)"));
        c.add(new Fault(SWEEP, MISSING, "dataset folder missing", NONE, cli("sweep", "--dataset", "{dir}/nowhere", "--set",
                "lambda=0.1,0.2", "--out", "{dir}/out"), 2, "nowhere: no such dataset folder", UNCHANGED));
        c.add(new Fault(SWEEP, TRUNCATED, "the dataset's label file truncated", k -> truncate(k.data().resolve(
                "t10k-labels-idx1-ubyte")), newSweep(), 2, "t10k-labels-idx1-ubyte: truncated", UNCHANGED));
        c.add(new Fault(SWEEP, OTHER, "--out holds other files", k -> Files.writeString(Files.createDirectories(
                k.resolve("out")).resolve("thesis.tex"), "mine"),
                newSweep(), 2, "out: not empty; a new sweep needs a new or empty folder", UNCHANGED));
        c.add(new Fault(SWEEP, OTHER, "--out holds a sweep", NONE, new Fault.Cli(List.of(FaultFixtures.args("sweep",
                "--dataset", "{data}", "--set", "lambda=0.1,0.2", "--steps", "2", "--out", "{sweep}"))), 2,
                "already holds a sweep; finish it with: twinlab sweep --resume", UNCHANGED));

        // resuming: sweep.json
        c.add(resumed(MISSING, "sweep.json missing", k -> Files.delete(sweepFile(k)), "not a sweep folder (no sweep.json)"));
        c.add(resumed(EMPTY, "sweep.json empty", k -> empty(sweepFile(k)), "sweep.json: is empty"));
        c.add(resumed(TRUNCATED, "sweep.json truncated", k -> truncate(sweepFile(k)),
                "sweep.json: not a sweep file: the JSON breaks at line"));
        c.add(resumed(WRONG_TYPE, "sweep.json is a folder", k -> folderInstead(sweepFile(k)),
                "not a sweep folder (no sweep.json)"));
        c.add(resumed(FLIPPED, "a byte of sweep.json flipped into binary", k -> binary(sweepFile(k), 30),
                "sweep.json: not a sweep file (not text)"));
        c.add(resumed(FLIPPED, "a bit of sweep.json flipped: a swept value, still valid JSON", k -> {
            String s = Files.readString(sweepFile(k));
            flip(sweepFile(k), s.indexOf("0.01") + 3, 0x02); // 0.01 -> 0.03
        }, "sweep.json: was changed after the sweep began"));
        c.add(resumed(OTHER, "a run's config.json is not the plan's", k -> {
            Path cfg = k.sweep().resolve(FIRST).resolve("config.json");
            Files.writeString(cfg, Files.readString(cfg).replace("\"seed\": 0", "\"seed\": 7"));
        }, "its config.json is not the sweep's plan for lambda=0.001"));
        // resuming: results.csv is rebuilt from the run folders
        c.add(recovers(MISSING, "results.csv missing", k -> Files.delete(results(k)), "\"state\":\"finished\"", REBUILT));
        c.add(recovers(EMPTY, "results.csv empty", k -> empty(results(k)), "\"state\":\"finished\"", REBUILT));
        c.add(recovers(TRUNCATED, "results.csv torn by a crash mid-write", k -> truncate(results(k)),
                "\"state\":\"finished\"", REBUILT));
        c.add(recovers(FLIPPED, "a byte of results.csv flipped into binary", k -> binary(results(k), 40),
                "\"state\":\"finished\"", REBUILT));
        c.add(resumed(Fault.Kind.IN_THE_WAY, "a folder where results.csv goes", k -> folderInstead(results(k)),
                "cannot write to {sweep}/results.csv: is a directory"));
        // resuming: a run folder too damaged to be read back is made again
        c.add(recovers(MISSING, "a run's config.json missing", k -> Files.delete(k.sweep().resolve(FIRST).resolve(
                "config.json")), "it starts again", REMADE));
        c.add(recovers(TRUNCATED, "a finished run's summary.json truncated", k -> truncate(k.sweep().resolve(FIRST)
                .resolve("summary.json")), "it starts again", REMADE));

        // ablate: the same reader and runner
        c.add(new Fault(ABLATE, MISSING, "settings file missing", NONE, cli("ablate", "--config", "{dir}/s.json", "--out",
                "{dir}/out"), 2, "s.json: no such settings file", UNCHANGED));
        c.add(new Fault(ABLATE, MISSING, "dataset folder missing", NONE, cli("ablate", "--dataset", "{dir}/nowhere", "--out",
                "{dir}/out"), 2, "nowhere: no such dataset folder", UNCHANGED));
        c.add(new Fault(ABLATE, OTHER, "resume a sweep that is no comparison", NONE, cli("ablate", "--resume", "{sweep}"), 2,
                "is a sweep, not one of ablate's comparisons", UNCHANGED));
        c.add(new Fault(ABLATE, TRUNCATED, "resume: sweep.json truncated", k -> truncate(sweepFile(k)),
                cli("ablate", "--resume", "{sweep}"), 2, "sweep.json: not a sweep file: the JSON breaks", UNCHANGED));
        c.add(new Fault(ABLATE, OTHER, "--out holds other files", k -> Files.writeString(Files.createDirectories(
                k.resolve("out")).resolve("a.txt"), "mine"),
                new Fault.Cli(List.of(FaultFixtures.args("ablate", "--dataset", "{data}", "--steps", "2", "--out",
                        "{dir}/out"))), 2, "not empty; a new sweep needs a new or empty folder", UNCHANGED));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> sweepsRefuseOrRecoverAndLoseNothing() {
        return Fault.tests(root, cases());
    }
}
