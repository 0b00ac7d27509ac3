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

    /**
     * The largest resident size so far (the kernel's high-water mark, VmHWM) in megabytes, or NaN without /proc.
     */
    public static double peakMegabytes() {
        if (!AVAILABLE) {
            return Double.NaN;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
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
