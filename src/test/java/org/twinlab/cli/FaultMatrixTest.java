package org.twinlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runs.Checksums;
import org.twinlab.runs.RunLock;

/**
 * The fault matrix: for each bad input or fault, the command, the exit code, the one line it must say
 * (no stack trace, no Java class names) and what must still be intact afterwards (every file of the run
 * byte for byte where nothing may change). Each case works on its own copy of a finished run.
 */
class FaultMatrixTest {
    @TempDir
    static Path shared;
    static Path finished;

    /** One row of the matrix. */
    record Case(String fault, Setup setup, List<String> args, int exit, String says, After after) {
    }

    @FunctionalInterface
    interface Setup {
        void prepare(Path dir, Path run) throws Exception;
    }

    /** What must hold after the command, given the files of the run before it. */
    enum After {
        /** Every file of the run byte for byte as before. */
        RUN_UNCHANGED,
        /** No run folder was created in the case's folder. */
        NOTHING_CREATED,
        /** The command did its work. */
        DONE
    }

    @BeforeAll
    static void finishedRun() throws Exception {
        CommandLineTest.Outcome o = CommandLineTest.run("train", "--steps", "6", "--batch", "64", "--width", "32",
                "--probe-every", "0", "--no-baselines", "--checkpoint-every", "3", "--run-dir", shared.toString(),
                "--name", "fixture", "--json");
        assertEquals(0, o.code(), o.err());
        try (var s = Files.list(shared)) {
            finished = s.findFirst().orElseThrow();
        }
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // where runs go
        c.add(new Case("run folder under /proc", (d, r) -> { }, List.of("train", "--steps", "1", "--run-dir", "/proc/nope"),
                2, "cannot create a run folder in /proc/nope: ", After.NOTHING_CREATED));
        c.add(new Case("a file where the runs folder should be", (d, r) -> Files.writeString(d.resolve("runs"), "x"),
                List.of("train", "--steps", "1", "--run-dir", "{dir}/runs/inner"), 2, "cannot create a run folder in ",
                After.NOTHING_CREATED));
        // settings files
        c.add(new Case("settings file is /etc/passwd-like text", (d, r) -> Files.writeString(d.resolve("s.json"),
                "root:x:0:0:root:/root:/bin/bash\n"), List.of("train", "--config", "{dir}/s.json", "--run-dir", "{dir}/runs"),
                2, "s.json: not a settings file: the JSON breaks at line 1, column", After.NOTHING_CREATED));
        c.add(new Case("settings file missing", (d, r) -> { }, List.of("train", "--config", "{dir}/none.json", "--run-dir",
                "{dir}/runs"), 2, "none.json: no such settings file", After.NOTHING_CREATED));
        c.add(new Case("settings file empty", (d, r) -> Files.writeString(d.resolve("s.json"), ""), List.of("train",
                "--config", "{dir}/s.json", "--run-dir", "{dir}/runs"), 2, "s.json: is empty", After.NOTHING_CREATED));
        c.add(new Case("settings file truncated", (d, r) -> Files.writeString(d.resolve("s.json"),
                Files.readString(r.resolve("config.json")).substring(0, 120)), List.of("train", "--config", "{dir}/s.json",
                "--run-dir", "{dir}/runs"), 2, "s.json: not a settings file: the JSON breaks at line", After.NOTHING_CREATED));
        c.add(new Case("settings file with a value of the wrong type", (d, r) -> Files.writeString(d.resolve("s.json"),
                Files.readString(r.resolve("config.json")).replace("\"batchSize\": 64", "\"batchSize\": \"many\"")),
                List.of("train", "--config", "{dir}/s.json", "--run-dir", "{dir}/runs"), 2,
                "\"batchSize\" (batch size) must be a number, not \"many\"", After.NOTHING_CREATED));
        c.add(new Case("settings file with a byte flipped into binary", (d, r) -> {
            byte[] b = Files.readAllBytes(r.resolve("config.json"));
            b[1] = (byte) 0xff;
            Files.write(d.resolve("s.json"), b);
        }, List.of("train", "--config", "{dir}/s.json", "--run-dir", "{dir}/runs"), 2, "s.json: not a settings file",
                After.NOTHING_CREATED));
        // resuming
        c.add(new Case("resume a finished run", (d, r) -> { }, List.of("train", "--resume", "{run}"), 2,
                "finished at step 6 of 6; to train it further, resume with more steps or epochs, e.g. --resume", After.RUN_UNCHANGED));
        c.add(new Case("resume with a byte flipped in the parameters", (d, r) -> flip(params(r)),
                List.of("train", "--resume", "{run}", "--steps", "9"), 2, "does not match its recorded SHA-256 checksum",
                After.RUN_UNCHANGED));
        c.add(new Case("resume with the optimizer state truncated", (d, r) -> truncate(file(r, "optimizer-")),
                List.of("train", "--resume", "{run}", "--steps", "9"), 2, "does not match its recorded SHA-256 checksum",
                After.RUN_UNCHANGED));
        c.add(new Case("resume with a byte flipped in the checkpoint record", (d, r) -> {
            Path rec = r.resolve("checkpoint/checkpoint.json");
            Files.writeString(rec, Files.readString(rec).replace("\"step\": 6", "\"step\": 5"));
        }, List.of("train", "--resume", "{run}", "--steps", "9"), 2, "checkpoint.json: does not match its own checksum",
                After.RUN_UNCHANGED));
        c.add(new Case("resume with the parameters deleted", (d, r) -> Files.delete(params(r)),
                List.of("train", "--resume", "{run}", "--steps", "9"), 2, ".params: missing", After.RUN_UNCHANGED));
        c.add(new Case("resume after config.json was edited", (d, r) -> {
            Path cfg = r.resolve("config.json");
            Files.writeString(cfg, Files.readString(cfg).replace("\"lambda\": 0.0051", "\"lambda\": 0.5"));
        }, List.of("train", "--resume", "{run}", "--steps", "9"), 2, "config.json: was changed after the last checkpoint",
                After.RUN_UNCHANGED));
        c.add(new Case("resume a folder without a checkpoint", (d, r) -> deleteTree(r.resolve("checkpoint")),
                List.of("train", "--resume", "{run}"), 2, "has no checkpoint to resume from", After.RUN_UNCHANGED));
        c.add(new Case("resume a folder that is no run", (d, r) -> Files.createDirectories(d.resolve("empty")),
                List.of("train", "--resume", "{dir}/empty"), 2, "not a run folder (no config.json)", After.RUN_UNCHANGED));
        c.add(new Case("resume with settings other than its length", (d, r) -> { }, List.of("train", "--resume", "{run}",
                "--lambda", "0.5"), 2, "--lambda: --resume continues a run with its own settings", After.RUN_UNCHANGED));
        c.add(new Case("two writers: the run is held by another process", (d, r) -> { },
                List.of("train", "--resume", "{run}", "--steps", "9"), 2, "is in use by process " + ProcessHandle.current().pid()
                + " (the fault matrix", After.RUN_UNCHANGED));
        c.add(new Case("extend a finished run", (d, r) -> { }, List.of("train", "--resume", "{run}", "--steps", "8",
                "--json"), 0, "", After.DONE));
        c.add(new Case("probe without baselines says not measured", (d, r) -> { }, List.of("train", "--steps", "2",
                "--batch", "64", "--width", "32", "--probe-every", "0", "--no-baselines", "--run-dir", "{dir}/runs"), 0,
                "", After.DONE));
        // a GPU where there is none
        c.add(new Case("gpu asked for on a machine without one", (d, r) -> { }, List.of("train", "--device", "gpu",
                "--run-dir", "{dir}/runs"), 2, "device: gpu was asked for but", After.NOTHING_CREATED));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> everyFaultIsOneLineAndLosesNothing() {
        return cases().stream().map(k -> DynamicTest.dynamicTest(k.fault(), () -> check(k)));
    }

    private static void check(Case k) throws Exception {
        Path dir = Files.createTempDirectory(shared, "case");
        Path run = dir.resolve("run");
        copyTree(finished, run);
        k.setup().prepare(dir, run);
        Map<String, String> before = files(run);
        List<String> args = k.args().stream().map(a -> a.replace("{dir}", dir.toString()).replace("{run}", run.toString()))
                .toList();
        RunLock held = k.fault().startsWith("two writers") ? RunLock.acquire(run, "the fault matrix") : null;
        CommandLineTest.Outcome o;
        try {
            o = CommandLineTest.run(args.toArray(String[]::new));
        } finally {
            if (held != null) {
                held.close();
            }
        }
        assertEquals(k.exit(), o.code(), k.fault() + ": " + o.err());
        String err = o.err().strip();
        if (k.exit() == 2) {
            assertFalse(err.contains("\n"), k.fault() + ": one line, not: " + err);
            assertTrue(err.startsWith("twinlab: "), err);
            assertTrue(err.contains(k.says()), k.fault() + ": expected '" + k.says() + "' in: " + err);
            assertFalse(err.matches(".*(Exception|\\bjava\\.|\\bcom\\.google|gson|at org\\.).*"), "plain words: " + err);
        }
        switch (k.after()) {
            case RUN_UNCHANGED -> assertEquals(before, files(run), k.fault() + ": the run's files are as they were");
            case NOTHING_CREATED -> assertFalse(Files.exists(dir.resolve("runs")) && Files.isDirectory(dir.resolve("runs"))
                    && dir.resolve("runs").toFile().list().length > 0, k.fault() + ": no run folder");
            case DONE -> {
                if (k.fault().startsWith("probe without baselines")) {
                    assertTrue(o.out().contains("random encoder not measured, raw pixels not measured"), o.out());
                } else if (k.fault().startsWith("extend")) {
                    assertTrue(o.out().contains("\"steps\":8"), o.out());
                    assertTrue(Files.isRegularFile(run.resolve("summary-6.json")), "the finished summary is kept");
                    assertEquals(before.get("summary.json"), Checksums.of(run.resolve("summary-6.json")));
                }
            }
        }
    }

    private static Path params(Path run) throws IOException {
        return file(run, "model-");
    }

    private static Path file(Path run, String prefix) throws IOException {
        try (var s = Files.list(run.resolve("checkpoint"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private static void flip(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x10;
        Files.write(f, b);
    }

    private static void truncate(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length / 2));
    }

    /** Path (relative) to SHA-256 of every file of a run but its lock. */
    static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (!p.getFileName().toString().equals(RunLock.FILE)) {
                    out.put(dir.relativize(p).toString(), Checksums.of(p));
                }
            }
        }
        return out;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().equals(RunLock.FILE)) {
                    Files.copy(p, t);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
