package org.twinlab.util;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * glibc's allocator, tuned so the app image and {@code ./twinlab} run the same way. libtorch allocates and frees
 * tens of megabytes of activations every step; by default glibc hands each such block straight back to the kernel
 * and faults it in again on the next step (measured 508 -> 1178 pairs/s with the tuning). So: blocks up to 1 GB
 * come from the heap, not mmap (C and each projector weight are 256 MB at D = 8192); up to 1 GB of free heap top
 * stays mapped; the heap grows 256 MB at a time ({@link #tune()}, in-process with {@code mallopt}).
 *
 * <p>Those settings hold only in glibc's main arena. Every other arena is made of 64 MB heaps, so a larger block
 * there is a fresh mmap, zeroed by the kernel page by page, every time, whatever the threshold. A JVM has created
 * several arenas before {@code main} runs, and glibc fixes its arena limit at the first thread that needs a new
 * one, so {@code mallopt(M_ARENA_MAX)} comes too late: the training thread still got an arena of its own (strace:
 * 67 fresh 256 MB maps in four steps at D = 8192). The limit has to be in the environment when the process
 * starts: {@code ./twinlab} exports {@code MALLOC_ARENA_MAX=1}, and where nothing set it (the installed package,
 * {@code java -cp ... org.twinlab.Twinlab}) {@link #restartWithOneArena()} replaces the process with itself,
 * the same process id, arguments and environment plus that variable. Measured at D = 8192, batch 1024: 83 ->
 * 114 pairs/s; at the default D = 512 no change. {@link #trim()} returns what the arenas hold when a run ends,
 * so a long session does not keep every run's peak.
 *
 * <p>Linux (glibc) only; elsewhere, and under a libc without {@code mallopt}, nothing happens. A
 * {@code MALLOC_*_} environment variable the user set wins over the default here. Must run before the
 * engine loads: {@code org.twinlab.Twinlab#main} calls {@link #restartWithOneArena()} and then {@link #tune()}
 * first ({@code mvn javafx:run}'s launcher only tunes: it runs without the one arena unless the variable is set).
 */
public final class NativeMemory {
    /** glibc's parameter numbers (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int M_ARENA_MAX = -8;
    static final int ARENAS = 1;
    /** glibc's arena limit, which {@link #restartWithOneArena()} puts in the environment. */
    public static final String ARENA_ENV = "MALLOC_ARENA_MAX";

    /** One setting: glibc's number, its environment variable, the value. */
    record Param(String name, int number, String env, long value) {
    }

    static final List<Param> PARAMS = List.of(
            new Param("M_MMAP_THRESHOLD", M_MMAP_THRESHOLD, "MALLOC_MMAP_THRESHOLD_", 1L << 30),
            new Param("M_TRIM_THRESHOLD", M_TRIM_THRESHOLD, "MALLOC_TRIM_THRESHOLD_", 1L << 30),
            new Param("M_TOP_PAD", M_TOP_PAD, "MALLOC_TOP_PAD_", 256L << 20),
            new Param("M_ARENA_MAX", M_ARENA_MAX, ARENA_ENV, ARENAS));

    /** Set by the restart, so a process restarts at most once. */
    static final String RESTARTED_ENV = "TWINLAB_RESTARTED_FOR_ARENA";

    private static volatile List<String> applied = List.of();

    private NativeMemory() {
    }

    /** Applies the settings once; returns what was set, e.g. {@code M_TOP_PAD=268435456} (empty off glibc). */
    public static synchronized List<String> tune() {
        if (!applied.isEmpty()) {
            return applied;
        }
        Function mallopt = function("mallopt");
        if (mallopt == null) {
            return List.of();
        }
        Map<String, String> env = System.getenv();
        List<String> done = new ArrayList<>();
        for (Param p : PARAMS) {
            if (env.containsKey(p.env())) {
                continue; // the user's own choice
            }
            // mallopt returns 1 on success, 0 on an invalid value
            if (mallopt.invokeInt(new Object[] {p.number(), (int) p.value()}) == 1) {
                done.add(String.format(Locale.ROOT, "%s=%d", p.name(), p.value()));
            }
        }
        applied = List.copyOf(done);
        return applied;
    }

    /**
     * Replaces this process with itself under {@code MALLOC_ARENA_MAX=1} (execve of /proc/self/exe: the same
     * process id, so whoever started it, a terminal, a desktop menu or a test's {@code Process}, still holds it),
     * unless the environment already sets an arena limit, this is not glibc's Linux, the process is not Twinlab's
     * own (another program calling {@code main} in its JVM), or an agent is attached (a debugger's socket would
     * survive the exec and the new JVM could not bind it). Call first thing in {@code main}, before anything is
     * printed. Returns only when no restart was needed or the exec failed, and then the process simply goes on as it
     * is. A marker variable makes it happen at most once, whatever glibc does with the limit.
     */
    public static void restartWithOneArena() {
        Map<String, String> env = System.getenv();
        if (env.containsKey(ARENA_ENV) || env.containsKey(RESTARTED_ENV)
                || env.getOrDefault("GLIBC_TUNABLES", "").contains("arena_max")) {
            return;
        }
        if (!System.getProperty("sun.java.command", "").startsWith("org.twinlab.Twinlab")) {
            return;
        }
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-agentlib:") || a.startsWith("-agentpath:") || a.startsWith("-javaagent:")
                    || a.startsWith("-Xrunjdwp")) {
                return;
            }
        }
        Function execve = function("execve");
        if (execve == null || function("gnu_get_libc_version") == null) {
            return;
        }
        try {
            List<byte[]> argv = split(Files.readAllBytes(Path.of("/proc/self/cmdline")));
            List<byte[]> envp = split(Files.readAllBytes(Path.of("/proc/self/environ")));
            if (argv.isEmpty()) {
                return;
            }
            envp.add((ARENA_ENV + "=" + ARENAS).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            envp.add((RESTARTED_ENV + "=1").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            execve.invokeInt(new Object[] {"/proc/self/exe", pointers(argv), pointers(envp)});
        } catch (IOException | RuntimeException e) {
            // no /proc, or the exec refused: run on with the arenas as they are
        }
    }

    /** NUL-separated strings, byte for byte (arguments and environment need not be valid UTF-8). */
    static List<byte[]> split(byte[] nulSeparated) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < nulSeparated.length; i++) {
            if (nulSeparated[i] == 0) {
                out.add(java.util.Arrays.copyOfRange(nulSeparated, start, i));
                start = i + 1;
            }
        }
        if (start < nulSeparated.length) {
            out.add(java.util.Arrays.copyOfRange(nulSeparated, start, nulSeparated.length));
        }
        return out;
    }

    /** A NULL-terminated array of C strings. */
    private static Pointer[] pointers(List<byte[]> strings) {
        Pointer[] p = new Pointer[strings.size() + 1];
        for (int i = 0; i < strings.size(); i++) {
            byte[] b = strings.get(i);
            Memory m = new Memory(b.length + 1L);
            m.write(0, b, 0, b.length);
            m.setByte(b.length, (byte) 0);
            p[i] = m;
        }
        return p;
    }

    /** What {@link #tune()} set in this process. */
    public static List<String> applied() {
        return applied;
    }

    /**
     * When a run has ended: a full collection first, so the run's garbage goes now (with the native memory its
     * direct buffers and JNA blocks hold) and G1 shrinks the heap to what is still live, then {@link #trim()}.
     * Every run then starts from the same heap and arenas, so a long session or sweep does not climb towards
     * its largest run's footprint. A few hundred milliseconds, once a run.
     */
    public static void releaseAfterRun() {
        System.gc();
        trim();
    }

    /** Returns the free memory of every arena to the kernel (glibc's malloc_trim(0)); false off glibc. */
    public static boolean trim() {
        Function f = function("malloc_trim");
        if (f == null) {
            return false;
        }
        f.invokeInt(new Object[] {0});
        return true;
    }

    private static Function function(String name) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return null;
        }
        try {
            return NativeLibrary.getInstance("c").getFunction(name);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null; // musl or another libc: nothing to tune
        }
    }
}
