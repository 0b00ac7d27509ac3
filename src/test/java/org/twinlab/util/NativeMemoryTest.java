package org.twinlab.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class NativeMemoryTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void tunesGlibcInProcessExceptWhatTheEnvironmentAlreadySets() {
        List<String> expected = new ArrayList<>();
        for (NativeMemory.Param p : NativeMemory.PARAMS) {
            if (System.getenv(p.env()) == null) {
                expected.add(String.format(Locale.ROOT, "%s=%d", p.name(), p.value()));
            }
        }
        assertEquals(expected, NativeMemory.tune());
        assertEquals(expected, NativeMemory.tune(), "a second call changes nothing");
        assertEquals(expected, NativeMemory.applied());
        assertTrue(NativeMemory.PARAMS.stream().anyMatch(p -> p.name().equals("M_ARENA_MAX") && p.value() == NativeMemory.ARENAS));
    }

    /**
     * Started without an arena limit (the installed package, a plain java command), Twinlab replaces itself with
     * itself under MALLOC_ARENA_MAX=1 and does its work once; a limit the user set is kept.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aProcessStartedWithoutAnArenaLimitRestartsWithOne() throws Exception {
        assertEquals("1", arenaLimitSeenBy(null));
        assertEquals("2", arenaLimitSeenBy("2"));
        // a debugger's socket would survive the exec and the new JVM could not bind it: no restart then
        assertEquals("unset", arenaLimitSeenBy(null, "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:0"));
    }

    private static String arenaLimitSeenBy(String startedWith, String... jvmOptions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.twinlab.Twinlab", "bench", "--skip-training",
                "--augment-batches", "1", "--json"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove(NativeMemory.ARENA_ENV);
        pb.environment().remove("GLIBC_TUNABLES");
        if (startedWith != null) {
            pb.environment().put(NativeMemory.ARENA_ENV, startedWith);
        }
        Process p = pb.redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("{")).toList();
        assertEquals(0, p.waitFor());
        assertEquals(1, lines.size(), "the work is done once: " + lines);
        Matcher m = Pattern.compile("\"mallocArenaMax\":\"([^\"]*)\"").matcher(lines.get(0));
        assertTrue(m.find(), lines.get(0));
        return m.group(1);
    }

    @Test
    void splitsNulSeparatedStringsByteForByte() {
        byte[] raw = {'a', 0, (byte) 0xe9, 'b', 0, 0, 'c'};
        List<byte[]> parts = NativeMemory.split(raw);
        assertEquals(4, parts.size());
        assertArrayEquals(new byte[] {'a'}, parts.get(0));
        assertArrayEquals(new byte[] {(byte) 0xe9, 'b'}, parts.get(1));
        assertArrayEquals(new byte[0], parts.get(2));
        assertArrayEquals(new byte[] {'c'}, parts.get(3));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void trimReachesGlibc() {
        assertTrue(NativeMemory.trim());
    }

    @Test
    void theValuesAreTheMeasuredOnes() {
        // ./twinlab exported the first three before the tuning moved into the process (508 -> 1178 pairs/s); one
        // arena and a 1 GiB mmap threshold keep D = 8192's 256 MiB blocks off mmap (8.49 M -> 3.17 M page faults)
        assertEquals(List.of("MALLOC_MMAP_THRESHOLD_=1073741824", "MALLOC_TRIM_THRESHOLD_=1073741824",
                "MALLOC_TOP_PAD_=268435456", "MALLOC_ARENA_MAX=1"),
                NativeMemory.PARAMS.stream().map(p -> p.env() + "=" + p.value()).toList());
    }
}
