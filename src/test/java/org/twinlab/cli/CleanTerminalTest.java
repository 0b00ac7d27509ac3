package org.twinlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.train.TestRuns;

/**
 * The user's terminal shows Twinlab's own lines only: every command's --help and a short real use (train,
 * runs, export, embed), each run as the launcher runs it (its java command and flags, in a subprocess), print
 * no JVM warning (sun.misc.Unsafe from classgraph), no picocli "Could not format" and no libtorch warning.
 */
@org.twinlab.Slow
class CleanTerminalTest {
    /** What a library or the JVM prints, never Twinlab: warnings, libtorch's "[W...]" lines, stack traces. */
    static final Pattern NOISE = Pattern.compile("WARNING|Warning:|^\\[[WE]\\d|Could not format|SLF4J|deprecated"
            + "|Exception|^\\s+at [a-z]", Pattern.MULTILINE);

    @TempDir
    static Path dir;

    record Ran(int code, String output) {
    }

    /** The launcher's java command for {@code args}, on this build's class path and a home of the test's own. */
    static List<String> launcher(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "twinlab"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TWINLAB_PRINT_COMMAND", "1");
        Process p = pb.start();
        List<String> words = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.waitFor(), String.join("\n", words));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            out.add(w);
            if (w.equals("-cp")) { // the classes under test, built or not into the launcher's class path file
                out.add(System.getProperty("java.class.path"));
                i++;
            } else if (w.endsWith("/bin/java")) {
                out.add("-Dtwinlab.home=" + dir.resolve("home"));
            }
        }
        return out;
    }

    static Ran run(String... args) throws Exception {
        Process p = new ProcessBuilder(launcher(args)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "twinlab " + String.join(" ", args) + " did not end");
        return new Ran(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static void clean(Ran r, String what) {
        assertEquals(0, r.code(), what + ":\n" + r.output());
        assertFalse(NOISE.matcher(r.output()).find(), what + " printed a line that is not Twinlab's:\n" + r.output());
    }

    @Test
    void everyCommandsHelpIsClean() throws Exception {
        List<String> commands = new ArrayList<>(TwinlabCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())).getSubcommands().keySet());
        assertTrue(commands.containsAll(List.of("train", "runs", "export", "embed", "sweep")), commands.toString());
        clean(run("--help"), "twinlab --help");
        for (String c : commands) {
            Ran r = run(c, "--help");
            clean(r, c + " --help");
            assertTrue(r.output().contains("Usage: twinlab " + c), r.output());
        }
    }

    @Test
    void aShortRealUseOfEachKindIsClean() throws Exception {
        Path data = TestRuns.sampleSubsetFolder(dir.resolve("data"), 256, 64);
        Path runs = dir.resolve("runs");
        clean(run("train", "--dataset", data.toString(), "--steps", "2", "--batch", "64", "--probe-every", "0",
                "--no-baselines", "--run-dir", runs.toString()), "train");
        Ran list = run("runs", "--dir", runs.toString(), "--json");
        clean(list, "runs --json");
        clean(run("runs", "--dir", runs.toString()), "runs");
        Path run;
        try (var s = Files.list(runs)) {
            run = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path export = dir.resolve("export");
        clean(run("export", "--run", run.toString(), "--out", export.toString()), "export");
        clean(run("embed", "--encoder", export.toString(), "--dataset", data.toString(), "--out",
                dir.resolve("f.npy").toString()), "embed");
        assertTrue(Files.size(dir.resolve("f.npy")) > 0);
    }
}
