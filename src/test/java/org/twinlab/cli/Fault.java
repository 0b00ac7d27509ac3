package org.twinlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.twinlab.runs.Checksums;
import org.twinlab.runs.RunLock;

/**
 * One row of the fault matrix: which command, what kind of fault, the fault in words, how to make it, what to
 * run, the exit code, what the one line says, and what must still be intact afterwards. The test classes hold
 * their rows in tables ({@code cases()}), one dynamic test per row; the README's Reliability section counts them.
 *
 * <p>A case runs in a folder of its own. The paths in the arguments name copies of the shared fixtures
 * ({@link FaultFixtures}) made for the case where they appear: {@code {run}} a finished run, {@code {export}}
 * its export, {@code {sweep}} a finished two-run sweep, {@code {data}} the small dataset folder,
 * {@code {batch}} a uint8 .npy batch, {@code {lesson}} the built-in lesson file; {@code {dir}} is the case's
 * folder. The setup then damages them. Every file of the case folder is hashed before the command runs, so
 * "unchanged" means byte for byte.
 */
record Fault(String command, Kind kind, String fault, Setup setup, Action action, int exit, String says, Intact intact,
             boolean midRun) {

    /** A fault found before any work: the command's whole output on stderr is its one line. */
    Fault(String command, Kind kind, String fault, Setup setup, Action action, int exit, String says, Intact intact) {
        this(command, kind, fault, setup, action, exit, says, intact, false);
    }

    /** The same fault met in the middle of the work (a disk that fills up): the last line of stderr is the one. */
    Fault midway() {
        return new Fault(command, kind, fault, setup, action, exit, says, intact, true);
    }

    /** The kinds of fault, as the README's matrix counts them. */
    enum Kind {
        MISSING("missing"),
        EMPTY("empty"),
        TRUNCATED("truncated"),
        WRONG_TYPE("wrong type"),
        FLIPPED("flipped byte"),
        UNWRITABLE("unwritable"),
        FULL("full disk"),
        IN_THE_WAY("file in the way"),
        KILL("kill -9"),
        TWO_WRITERS("two writers"),
        OTHER("other");

        final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    /** Makes the fault in the case's folder (the fixtures named by the arguments are already copied there). */
    @FunctionalInterface
    interface Setup {
        void prepare(Case c) throws Exception;
    }

    /** What runs: a command line, or (lessons) a call into the core. */
    @FunctionalInterface
    interface Action {
        CommandLineTest.Outcome run(Case c) throws Exception;
    }

    /** A command line; its placeholders name the fixtures the case copies. */
    record Cli(List<String> args) implements Action {
        @Override
        public CommandLineTest.Outcome run(Case c) {
            return CommandLineTest.run(args.stream().map(c::expand).toArray(String[]::new));
        }
    }

    /** What must hold afterwards: its words for the README and its check. */
    record Intact(String words, Check check) {
        @FunctionalInterface
        interface Check {
            void verify(Case c, Map<String, String> before, CommandLineTest.Outcome o) throws Exception;
        }

        /** This check, then {@code more}. */
        Intact andThen(Check more) {
            return new Intact(words, (c, before, o) -> {
                check.verify(c, before, o);
                more.verify(c, before, o);
            });
        }
    }

    /** The case being run: its folder, its fixtures, and what to release at the end (a mounted tmpfs). */
    static final class Case {
        final Path dir;
        final List<AutoCloseable> cleanup = new ArrayList<>();
        private final java.util.Set<Path> made = new java.util.HashSet<>();

        Case(Path dir) {
            this.dir = dir;
        }

        /** The case's copy of a finished run (made on first use, as are the others). */
        Path run() {
            return fixture(FaultFixtures::run, "run");
        }

        /** The case's copy of the run's export. */
        Path export() {
            return fixture(FaultFixtures::export, "export");
        }

        /** The case's copy of a finished sweep of two runs. */
        Path sweep() {
            return fixture(FaultFixtures::sweep, "sweep");
        }

        /** The case's copy of the small dataset folder (the fixtures themselves read the shared one). */
        Path data() {
            return fixture(FaultFixtures::data, "data");
        }

        /** The case's copy of a uint8 .npy batch of 12 images. */
        Path batch() {
            return fixture(FaultFixtures::batch, "batch.npy");
        }

        /** The case's copy of the built-in lesson file. */
        Path lesson() {
            return fixture(FaultFixtures::lesson, "lesson.json");
        }

        /** A copy of a fixture made the first time the case asks for it (not again once the setup removed it). */
        private Path fixture(java.util.function.Supplier<Path> shared, String name) {
            Path to = dir.resolve(name);
            if (made.add(to)) {
                FaultFixtures.copy(shared.get(), to);
            }
            return to;
        }

        Path resolve(String p) {
            return dir.resolve(p);
        }

        /** An argument with its placeholders replaced by this case's paths (copying the fixtures they name). */
        String expand(String arg) {
            String s = arg.replace("{dir}", dir.toString());
            s = s.contains("{run}") ? s.replace("{run}", run().toString()) : s;
            s = s.contains("{export}") ? s.replace("{export}", export().toString()) : s;
            s = s.contains("{sweep}") ? s.replace("{sweep}", sweep().toString()) : s;
            s = s.contains("{data}") ? s.replace("{data}", data().toString()) : s;
            s = s.contains("{batch}") ? s.replace("{batch}", batch().toString()) : s;
            return s.contains("{lesson}") ? s.replace("{lesson}", lesson().toString()) : s;
        }
    }

    // ---- building rows

    /** A command line, its placeholders expanded. */
    static Action cli(String... args) {
        return new Cli(List.of(args));
    }

    static final Setup NONE = c -> { };

    /** Nothing written or changed: every file of the case's folder byte for byte as before, none added or removed. */
    static final Intact UNCHANGED = new Intact("nothing written or changed", (c, before, o) ->
            assertEquals(before, files(c.dir), "every file as it was, none added or removed"));

    /** The same, for a command that succeeds while reporting damage: it writes nothing either. */
    static final Intact READ_ONLY = new Intact("every file as before", UNCHANGED.check());

    /** Every file that existed before is byte for byte as before; the command may add files (its output). */
    static Intact keeps(String words) {
        return new Intact(words, (c, before, o) -> {
            Map<String, String> now = files(c.dir);
            for (var e : before.entrySet()) {
                assertEquals(e.getValue(), now.get(e.getKey()), e.getKey() + " byte for byte as before");
            }
        });
    }

    // ---- running rows

    static Stream<DynamicTest> tests(Path root, List<Fault> rows) {
        return rows.stream().map(f -> DynamicTest.dynamicTest(f.command() + ": " + f.fault(), () -> f.check(root)));
    }

    /** Runs the row in a new folder under {@code root} and checks the exit code, the line and what is intact. */
    void check(Path root) throws Exception {
        Case c = new Case(Files.createTempDirectory(root, "case"));
        try {
            if (action instanceof Cli cli) {
                cli.args().forEach(c::expand); // the fixtures it names, copied before the setup damages them
            }
            setup.prepare(c);
            Map<String, String> before = files(c.dir);
            CommandLineTest.Outcome o = action.run(c);
            String what = command + ": " + fault;
            String says = c.expand(this.says);
            assertEquals(exit, o.code(), what + ": exit code; stderr: " + o.err() + "; stdout: " + o.out());
            if (exit == 2) {
                String err = o.err().strip();
                assertOneLine(what, midRun ? err.substring(err.lastIndexOf('\n') + 1) : err, says);
                assertFalse(err.contains("\tat ") || err.contains("Exception"), what + ": no stack trace: " + err);
            } else if (!says.isEmpty()) {
                assertTrue((o.out() + o.err()).contains(says), what + ": expected '" + says + "' in: " + o.out() + o.err());
            }
            intact.check().verify(c, before, o);
        } finally {
            for (AutoCloseable a : c.cleanup.reversed()) {
                a.close();
            }
        }
    }

    /** One line, starting "twinlab: ", saying {@code says}, in plain words: no stack trace, no Java class names. */
    static void assertOneLine(String what, String err, String says) {
        String line = err.strip();
        assertFalse(line.contains("\n"), what + ": one line, not: " + line);
        assertTrue(line.startsWith("twinlab: "), what + ": " + line);
        assertTrue(line.contains(says), what + ": expected '" + says + "' in: " + line);
        assertFalse(line.matches(".*(Exception|\\bjava\\.|\\bcom\\.google|gson|\\bat org\\.|\\bnull\\b).*"),
                what + ": plain words: " + line);
    }

    // ---- damaging files

    /** Path (relative) to SHA-256 of every file under {@code dir} but run locks. */
    static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().equals(RunLock.FILE) || p.equals(dir)) {
                    continue;
                }
                out.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? Checksums.of(p)
                        : Files.isDirectory(p) ? "folder" : "other");
            }
        }
        return out;
    }

    static void flip(Path f) throws IOException {
        flip(f, -1);
    }

    /** Flips one bit of the byte at {@code at} (the middle byte when negative). */
    static void flip(Path f, int at) throws IOException {
        flip(f, at, 0x10);
    }

    /** Flips the bits {@code mask} of the byte at {@code at} (the middle byte when negative). */
    static void flip(Path f, int at, int mask) throws IOException {
        byte[] b = Files.readAllBytes(f);
        int i = at < 0 ? b.length / 2 : at;
        b[i] ^= (byte) mask;
        Files.write(f, b);
    }

    /** A byte set to 0xff: valid text becomes a file that is not UTF-8. */
    /**
     * The five damages of a settings file {@code command} is given as {@code {dir}/s.json}: missing, empty,
     * truncated, a folder, a byte flipped into binary. Every command reads it through the same reader, so
     * every table holds the same rows and the same lines.
     */
    static List<Fault> settingsFile(String command, Action action) {
        return List.of(
                new Fault(command, Kind.MISSING, "settings file missing", NONE, action, 2, "s.json: no such settings file",
                        UNCHANGED),
                new Fault(command, Kind.EMPTY, "settings file empty", c -> Files.writeString(c.resolve("s.json"), ""),
                        action, 2, "s.json: is empty", UNCHANGED),
                new Fault(command, Kind.TRUNCATED, "settings file truncated", c -> Files.writeString(c.resolve("s.json"),
                        Files.readString(c.run().resolve("config.json")).substring(0, 100)), action, 2,
                        "s.json: not a settings file: the JSON breaks at line", UNCHANGED),
                new Fault(command, Kind.WRONG_TYPE, "settings file is a folder", c -> Files.createDirectories(
                        c.resolve("s.json")), action, 2, "s.json: cannot be read (", UNCHANGED),
                new Fault(command, Kind.FLIPPED, "a byte of the settings file flipped into binary", c -> {
                    Files.copy(c.run().resolve("config.json"), c.resolve("s.json"));
                    binary(c.resolve("s.json"), 50);
                }, action, 2, "s.json: not a settings file (not text)", UNCHANGED));
    }

    static void binary(Path f, int at) throws IOException {
        byte[] b = Files.readAllBytes(f);
        b[at] = (byte) 0xff;
        Files.write(f, b);
    }

    static void truncate(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length / 2));
    }

    static void empty(Path f) throws IOException {
        Files.write(f, new byte[0]);
    }

    /** A folder where the file should be: the wrong type of file. */
    static void folderInstead(Path f) throws IOException {
        Files.deleteIfExists(f);
        Files.createDirectories(f.resolve("inside"));
    }

    /** The checkpoint file whose name starts with {@code prefix} ("model-", "optimizer-"). */
    static Path checkpointFile(Path run, String prefix) throws IOException {
        try (var s = Files.list(run.resolve("checkpoint"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        org.twinlab.train.TestFolders.copyRun(from, to);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
