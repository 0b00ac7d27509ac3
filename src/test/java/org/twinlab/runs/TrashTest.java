package org.twinlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting runs: into a freedesktop.org trash (with its .trashinfo), never a running run or a folder that is no run. */
class TrashTest {
    @TempDir
    Path tmp;

    private Path fakeRun(String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("runs").resolve(name));
        Files.writeString(dir.resolve(RunFolder.CONFIG), "{}\n");
        Files.createDirectories(dir.resolve("checkpoint"));
        Files.writeString(dir.resolve("checkpoint").resolve("weights.params"), "w");
        return dir;
    }

    @Test
    void aRunGoesToTheTrashWithItsOriginalPathAndDate() throws Exception {
        Path trash = tmp.resolve("home-trash");
        Path run = fakeRun("2026-11-25-101500-my run é");
        Path where = RunRemoval.toTrash(run, new Trash(trash));
        assertFalse(Files.exists(run));
        assertEquals(trash.resolve("files").resolve(run.getFileName()), where);
        assertTrue(Files.isRegularFile(where.resolve("checkpoint").resolve("weights.params")), "moved whole");
        List<String> info = Files.readAllLines(trash.resolve("info").resolve(run.getFileName() + ".trashinfo"));
        assertEquals("[Trash Info]", info.get(0));
        assertEquals("Path=" + run.getParent().toAbsolutePath().toString().replace(" ", "%20")
                + "/2026-11-25-101500-my%20run%20%C3%A9", info.get(1), "absolute, URL-escaped, slashes kept");
        assertTrue(info.get(2).matches("DeletionDate=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"), info.get(2));
    }

    @Test
    void aSecondRunOfTheSameNameTakesTheNextFreeName() throws Exception {
        Path trash = tmp.resolve("home-trash");
        Path first = fakeRun("run");
        RunRemoval.toTrash(first, new Trash(trash));
        Path again = fakeRun("run");
        Path where = RunRemoval.toTrash(again, new Trash(trash));
        assertEquals("run.2", where.getFileName().toString());
        assertTrue(Files.isRegularFile(trash.resolve("info").resolve("run.2.trashinfo")));
    }

    @Test
    void aRunningRunAndAFolderThatIsNoRunAreRefused() throws Exception {
        Path run = fakeRun("busy");
        Trash trash = new Trash(tmp.resolve("home-trash"));
        try (RunLock lock = RunLock.acquire(run, "a test")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunRemoval.toTrash(run, trash));
            assertEquals(run + " is running; stop it before deleting it", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> RunRemoval.deleteForever(run));
        }
        assertTrue(Files.isRegularFile(run.resolve(RunFolder.CONFIG)), "untouched");
        Path other = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(other.resolve("cat.jpg"), "meow");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunRemoval.toTrash(other, trash));
        assertTrue(e.getMessage().endsWith("is not a run folder; only run folders are deleted here"), e.getMessage());
        assertTrue(Files.exists(other.resolve("cat.jpg")));
    }

    @Test
    void withoutATrashNothingHappensUntilAPermanentDeleteIsAskedFor() throws Exception {
        Path run = fakeRun("no-trash");
        assertEquals(null, RunRemoval.toTrash(run, new Trash(null)), "headless, no home trash: no trash here");
        assertTrue(Files.isDirectory(run));
        RunRemoval.deleteForever(run);
        assertFalse(Files.exists(run));
    }
}
