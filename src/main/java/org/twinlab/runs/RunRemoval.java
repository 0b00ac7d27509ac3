package org.twinlab.runs;

import java.io.IOException;
import java.nio.file.Path;
import org.twinlab.util.IoErrors;

/**
 * Deletes run folders safely: only a folder that is a run (or what is left of one), never one that is
 * running. Taking the run's own lock is the test: a run going in this process or another holds it, and is
 * refused with who holds it. The lock is let go just before the move (Windows cannot move or delete a
 * folder with a file open in it), which leaves a run no time worth speaking of to start there.
 */
public final class RunRemoval {
    private RunRemoval() {
    }

    /**
     * Moves a run folder to the trash; returns where it went, or null when this system has no trash that
     * can take it (nothing was changed: ask before {@link #deleteForever}). Problems are one line.
     */
    public static Path toTrash(Path dir, Trash trash) {
        requireIdleRun(dir);
        try {
            return trash.moveToTrash(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot move " + dir + " to the trash: " + IoErrors.describe(e));
        }
    }

    /** Deletes a run folder for good (where there is no trash, after the person confirmed it). */
    public static void deleteForever(Path dir) {
        requireIdleRun(dir);
        try {
            Trash.deleteForever(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot delete " + dir + ": " + IoErrors.describe(e));
        }
    }

    private static void requireIdleRun(Path dir) {
        if (!RunHistory.looksLikeRun(dir)) {
            throw new IllegalArgumentException(dir + " is not a run folder; only run folders are deleted here");
        }
        try (RunLock idle = RunLock.acquire(dir, "deleting the run")) {
            // free: nothing runs here
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RunHistory.locked(dir) ? dir + " is running; stop it before deleting it"
                    : e.getMessage());
        }
    }
}
