package org.twinlab.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
