package org.twinlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The states a kill -9 can leave an export folder in, made by hand at each step of "mark and move aside", and
 * what the next export makes of them: the earlier export comes back whole unless the new one was, and files of
 * the user's beside it are never touched. Each case ends with the next export failing (abandon), so what is left
 * is exactly what recovery put back.
 */
class OutputFolderTest {
    @TempDir
    Path root;

    private static final String MARK = OutputFolder.INCOMPLETE;
    private static final String ASIDE = OutputFolder.PREVIOUS;

    /** A small export as the folder sees it: a manifest listing its files, and a file of the user's beside it. */
    private static Path export(Path dir, String version) throws IOException {
        Files.createDirectories(dir.resolve("figures"));
        Files.createDirectories(dir.resolve("djl"));
        Files.writeString(dir.resolve(Manifest.WEIGHTS), version + " weights");
        Files.writeString(dir.resolve("figures/loss.png"), version + " figure");
        Files.writeString(dir.resolve("djl/encoder-0000.params"), version + " params");
        Files.writeString(dir.resolve(Manifest.FILE), "{\"format\": \"" + Manifest.FORMAT + "\", \"version\": \""
                + version + "\", \"files\": {\"" + Manifest.WEIGHTS + "\": {}, \"figures/loss.png\": {}, "
                + "\"djl/encoder-0000.params\": {}}}");
        return dir;
    }

    private Path earlier() throws IOException {
        Path dir = export(root.resolve("out"), "old");
        Files.writeString(dir.resolve("notes.txt"), "mine");
        return dir;
    }

    private static void aside(Path dir, String... files) throws IOException {
        for (String f : files) {
            Path to = dir.resolve(ASIDE).resolve(f);
            Files.createDirectories(to.getParent());
            Files.move(dir.resolve(f), to);
        }
    }

    /** Every file and folder under {@code dir}: its text, or "folder". */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (var s = Files.walk(dir)) {
            for (Path p : s.filter(p -> !p.equals(dir)).toList()) {
                out.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "folder" : Files.readString(p));
            }
        }
        return out;
    }

    /** The next export into {@code dir} starts (recovering what a kill left) and then fails. */
    private static void nextExportFails(Path dir) {
        OutputFolder.prepare(dir).abandon(List.of());
    }

    @Test
    void killedBeforeAnythingWasMovedAside() throws Exception {
        Path dir = earlier();
        Map<String, String> before = tree(dir);
        Files.writeString(dir.resolve(MARK), "x");
        var e = assertThrows(ExportException.class, () -> Manifest.verify(dir));
        assertTrue(e.getMessage().contains("not a whole export") && e.getMessage().contains(MARK), e.getMessage());
        nextExportFails(dir);
        assertEquals(before, tree(dir));
    }

    @Test
    void killedWhileMovingTheEarlierExportAside() throws Exception {
        Path dir = earlier();
        Map<String, String> before = tree(dir);
        Files.writeString(dir.resolve(MARK), "x");
        aside(dir, Manifest.FILE, Manifest.WEIGHTS);
        var e = assertThrows(ExportException.class, () -> Manifest.verify(dir));
        assertTrue(e.getMessage().contains("kept in " + dir.resolve(ASIDE)), e.getMessage());
        nextExportFails(dir);
        assertEquals(before, tree(dir));
    }

    @Test
    void killedWhileWritingTheNewExport() throws Exception {
        Path dir = earlier();
        Map<String, String> before = tree(dir);
        Files.writeString(dir.resolve(MARK), "x");
        aside(dir, Manifest.FILE, Manifest.WEIGHTS, "figures/loss.png", "djl/encoder-0000.params");
        Files.writeString(dir.resolve(Manifest.WEIGHTS), "new weights");
        Files.writeString(dir.resolve("djl/.encoder-0000.params123.tmp"), "half");
        Files.createDirectories(dir.resolve("projector"));
        Files.writeString(dir.resolve("projector/tensors.tsv"), "new");
        nextExportFails(dir);
        assertEquals(before, tree(dir));
    }

    @Test
    void killedAfterTheNewManifestButBeforeTheMarkWentBringsTheEarlierExportBack() throws Exception {
        Path dir = earlier();
        Map<String, String> before = tree(dir);
        Files.writeString(dir.resolve(MARK), "x");
        aside(dir, Manifest.FILE, Manifest.WEIGHTS, "figures/loss.png", "djl/encoder-0000.params");
        export(dir, "new"); // whole, but the mark says it was never confirmed
        nextExportFails(dir);
        assertEquals(before, tree(dir));
    }

    @Test
    void killedAfterTheMarkWentKeepsTheNewExport() throws Exception {
        Path dir = earlier();
        aside(dir, Manifest.FILE, Manifest.WEIGHTS, "figures/loss.png", "djl/encoder-0000.params");
        export(dir, "new");
        Files.createDirectories(dir.resolve(ASIDE).resolve("figures"));
        Files.move(dir.resolve(ASIDE).resolve("figures/loss.png"), root.resolve("gone.png")); // half removed
        Map<String, String> withoutAside = tree(dir);
        withoutAside.keySet().removeIf(k -> k.startsWith(ASIDE));
        nextExportFails(dir);
        assertEquals(withoutAside, tree(dir));
        assertTrue(Files.readString(dir.resolve(Manifest.FILE)).contains("new"));
    }

    @Test
    void aNewExportKilledInAnEmptyFolderLeavesItEmptyAgain() throws Exception {
        Path dir = Files.createDirectories(root.resolve("fresh"));
        Files.writeString(dir.resolve(MARK), "x");
        Files.createDirectories(dir.resolve("djl"));
        Files.writeString(dir.resolve(Manifest.WEIGHTS), "new weights");
        Files.writeString(dir.resolve("djl/encoder-0000.params"), "new params");
        Files.createDirectories(dir.resolve("figures"));
        Files.writeString(dir.resolve("figures/.loss.png99.tmp"), "half");
        nextExportFails(dir); // not refused as "a folder of other things": only the export's own folders were left
        assertEquals(Map.of(), tree(dir));
    }

    @Test
    void aFailedExportPutsTheEarlierOneBackAndAWholeOneReplacesIt() throws Exception {
        Path dir = earlier();
        Map<String, String> before = tree(dir);
        OutputFolder failing = OutputFolder.prepare(dir);
        assertTrue(Files.exists(dir.resolve(MARK)));
        assertThrows(ExportException.class, () -> Manifest.verify(dir), "not loaded while replaced");
        Files.writeString(dir.resolve(Manifest.WEIGHTS), "new weights");
        failing.abandon(List.of(dir.resolve(Manifest.WEIGHTS)));
        assertEquals(before, tree(dir));

        OutputFolder whole = OutputFolder.prepare(dir);
        Files.writeString(dir.resolve(Manifest.WEIGHTS), "new weights");
        Files.writeString(dir.resolve(Manifest.FILE), "{\"format\": \"" + Manifest.FORMAT + "\", \"files\": {\""
                + Manifest.WEIGHTS + "\": {}}}");
        whole.commit();
        assertEquals(Map.of(Manifest.WEIGHTS, "new weights", "notes.txt", "mine", Manifest.FILE,
                Files.readString(dir.resolve(Manifest.FILE))), tree(dir), "no mark, nothing aside, no empty folders");
    }

    @Test
    void aFolderOfOtherThingsIsRefusedUntouchedEvenWithAFolderNamedLikeTheAside() throws Exception {
        Path dir = Files.createDirectories(root.resolve("mine"));
        Files.writeString(dir.resolve("thesis.tex"), "mine");
        Files.createDirectories(dir.resolve(ASIDE));
        Files.writeString(dir.resolve(ASIDE).resolve("draft.tex"), "mine too");
        Map<String, String> before = tree(dir);
        var e = assertThrows(ExportException.class, () -> OutputFolder.prepare(dir));
        assertTrue(e.getMessage().contains("not empty and holds no earlier export"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        assertEquals(before, tree(dir));
    }
    @Test
    void theWindowsChoiceOfFolderKeepsAHalfReplacedExportForItsRepair() throws IOException {
        Path dir = earlier();
        Files.writeString(dir.resolve(MARK), "");
        aside(dir, Manifest.FILE, Manifest.WEIGHTS); // killed while the earlier export was being moved aside
        Path run = root.resolve("2026-11-26-run");
        assertEquals(dir, OutputFolder.target(dir, run), "the folder itself, which prepare() repairs, not a new one inside it");
        Path other = Files.createDirectories(root.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        assertEquals(other.resolve("2026-11-26-run-export"), OutputFolder.target(other, run), "a folder of other things");
    }
}
