package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Without a usable display the window is one line and exit 2; the command line does not care. */
class DisplayTest {
    @TempDir
    Path dir;

    @Test
    void unsetEmptyOrMalformedIsMissing() {
        assertTrue(Display.missing(null, dir).contains("DISPLAY is not set"));
        assertTrue(Display.missing("  ", dir).contains("DISPLAY is not set"));
        assertTrue(Display.missing("nonsense", dir).contains("DISPLAY=nonsense is not a display name"));
    }

    @Test
    void aDisplayNobodyListensOnRefuses() {
        String line = Display.missing(":" + freeDisplay(), dir);
        assertTrue(line.contains("refuses the connection"), line);
        assertTrue(line.contains("every command-line command works without it"), line);
        assertEquals(1, line.lines().count());
    }

    @Test
    void aServerOnTheSocketIsUsable() throws Exception {
        int n = freeDisplay();
        Path socket = dir.resolve("X" + n);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertNull(Display.missing(":" + n, dir));
            assertNull(Display.missing(":" + n + ".0", dir));
            assertNull(Display.missing("unix:" + n, dir));
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theLauncherWithoutADisplayPrintsOneLineAndExitsTwo() throws Exception {
        String nowhere = ":" + freeDisplay();
        for (String display : new String[] {null, nowhere}) {
            for (List<String> args : List.of(List.<String>of(), List.of("bench-ui"), List.of("bench-ui", "--runs", "2"))) {
                Result r = twinlab(display, args);
                assertEquals(2, r.code, args + " DISPLAY=" + display + ": " + r.err);
                List<String> lines = r.err.lines().filter(l -> !l.startsWith("WARNING")).toList();
                assertEquals(1, lines.size(), r.err);
                assertTrue(lines.get(0).startsWith("twinlab: no display: "), r.err);
                assertFalse(r.err.contains("Exception") || r.err.contains("\tat "), r.err);
            }
        }
        // help needs no window, and the command line none either (it draws headless)
        Result help = twinlab(nowhere, List.of("bench-ui", "--help"));
        assertEquals(0, help.code, help.err);
        assertTrue(help.out.startsWith("Usage: twinlab bench-ui"), help.out);
        Result datasets = twinlab(nowhere, List.of("datasets"));
        assertEquals(0, datasets.code, datasets.err);
        assertTrue(datasets.out.contains("color-shapes"), datasets.out);
        Result bad = twinlab(null, List.of("bench-ui", "--runs", "x"));
        assertEquals(2, bad.code);
        assertEquals("twinlab bench-ui: --runs must be a whole number of at least 1, not x",
                bad.err.lines().filter(l -> !l.startsWith("WARNING")).findFirst().orElse(""));
    }

    private record Result(int code, String out, String err) {
    }

    /** org.twinlab.Twinlab in a fresh JVM, as ./twinlab and the package start it, with this DISPLAY (null: unset). */
    private Result twinlab(String display, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
                "-Dtwinlab.home=" + dir.resolve("home"), "-cp", System.getProperty("java.class.path"), "org.twinlab.Twinlab"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        if (display != null) {
            pb.environment().put("DISPLAY", display);
        }
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        pb.redirectOutput(out).redirectError(err);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("twinlab " + args + " did not end in 120 s");
        }
        return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    /** A display number with no X server socket on this machine. */
    private static int freeDisplay() {
        for (int n = 99; ; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
        }
    }
}
