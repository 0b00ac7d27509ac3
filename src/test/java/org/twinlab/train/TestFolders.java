package org.twinlab.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.twinlab.runs.RunLock;

/** Copies of run folders for the tests that damage, rename, delete or continue one without touching the original. */
public final class TestFolders {
    private TestFolders() {
    }

    /** A copy of a run folder (or any tree) without its lock file: the copy is not held by the original's holder. */
    public static Path copyRun(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().equals(RunLock.FILE)) {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
