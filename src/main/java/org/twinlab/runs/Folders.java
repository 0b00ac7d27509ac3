package org.twinlab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Removing scratch folders (calibration and benchmark runs). */
public final class Folders {
    private Folders() {
    }

    /** Deletes a folder and everything in it. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** {@link #deleteTree} for a scratch folder whose removal may fail without harm. */
    public static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            // a temporary folder left behind costs nothing but space
        }
    }
}
