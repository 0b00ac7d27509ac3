package org.twinlab.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident set size: Java heap and native (libtorch) memory together. */
public final class ResidentMemory {
    private static final Path STATM = Path.of("/proc/self/statm");
    private static final boolean AVAILABLE = Files.isReadable(STATM);

    private ResidentMemory() {
    }

    /** Resident megabytes, or NaN where /proc is not there (macOS, Windows). */
    public static double megabytes() {
        if (!AVAILABLE) {
            return Double.NaN;
        }
        try {
            String[] f = Files.readString(STATM).trim().split("\\s+");
            return Long.parseLong(f[1]) * 4096.0 / (1024 * 1024);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
