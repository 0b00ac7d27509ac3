package org.twinlab.util;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * glibc's allocator, tuned in-process so the app image (where no environment variable can be set) and
 * {@code ./twinlab} run the same way. libtorch allocates and frees tens of megabytes of activations every
 * step; by default glibc hands each such block straight back to the kernel and faults it in again on the
 * next step (measured 508 -> 1178 pairs/s with the tuning). So: blocks up to 1 GB come from the heap, not
 * mmap (C and each projector weight are 256 MB at D = 8192); up to 1 GB of free heap top stays mapped; the heap grows 256 MB at a time. Arenas are capped at
 * {@link #ARENAS} (glibc allows 8 per core, each keeping its own free memory, and a thread's own arena holds
 * at most 64 MB, so a larger block there is always a fresh mmap: measured at D = 8192, 8.49 M -> 3.17 M page
 * faults per 3 steps), and {@link #trim()} returns
 * what the arenas hold when a run ends, so a long session does not keep every run's peak.
 *
 * <p>Linux (glibc) only; elsewhere, and under a libc without {@code mallopt}, nothing happens. A
 * {@code MALLOC_*_} environment variable the user set wins over the default here. Must run before the
 * engine loads: {@code org.twinlab.Twinlab#main} calls {@link #tune()} first.
 */
public final class NativeMemory {
    /** glibc's parameter numbers (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int M_ARENA_MAX = -8;
    static final int ARENAS = 1;

    /** One setting: glibc's number, its environment variable, the value. */
    record Param(String name, int number, String env, long value) {
    }

    static final List<Param> PARAMS = List.of(
            new Param("M_MMAP_THRESHOLD", M_MMAP_THRESHOLD, "MALLOC_MMAP_THRESHOLD_", 1L << 30),
            new Param("M_TRIM_THRESHOLD", M_TRIM_THRESHOLD, "MALLOC_TRIM_THRESHOLD_", 1L << 30),
            new Param("M_TOP_PAD", M_TOP_PAD, "MALLOC_TOP_PAD_", 256L << 20),
            new Param("M_ARENA_MAX", M_ARENA_MAX, "MALLOC_ARENA_MAX", ARENAS));

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
