package org.twinlab.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.twinlab.runs.AtomicFiles;
import org.twinlab.runs.Folders;
import org.twinlab.util.IoErrors;

/**
 * Where an export goes, checked before any work: a new or empty folder, or an earlier export (which the new one
 * replaces), never a file or a folder of other things.
 *
 * <p>An export is never taken for a whole one before it is: {@link #INCOMPLETE} is written into the folder
 * first and removed last, after the manifest, and {@link Manifest#verify} refuses a folder that holds it. An
 * earlier export being replaced is moved aside into {@link #PREVIOUS} (renames: no room needed) and comes back
 * if the new export fails (a full disk, say), so a failed export loses nothing. After a kill -9, when nothing
 * could clean up, the next export into the folder finds the mark, puts the earlier export back and starts
 * again; until then loading the folder says it is incomplete.
 */
final class OutputFolder {
    /** The mark of an export in progress (or interrupted). */
    static final String INCOMPLETE = ".export-incomplete";
    /** Where the earlier export waits while a new one replaces it. */
    static final String PREVIOUS = ".previous-export";
    /** The top-level files and folders an export writes; nothing else of the folder is ever moved or removed. */
    private static final Set<String> LAYOUT = Set.of(Manifest.FILE, Manifest.WEIGHTS, "encoder.py", Report.FILE,
            Recipe.FILE, EncoderWeights.DJL_DIR, TensorBoardProjector.DIR, Figures.DIR);

    private final Path dir;
    private final boolean created;
    private final List<String> moved;

    private OutputFolder(Path dir, boolean created, List<String> moved) {
        this.dir = dir;
        this.created = created;
        this.moved = moved;
    }

    static OutputFolder prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ExportException(dir + ": a file stands where the export folder should go");
        }
        boolean created = false;
        boolean empty = true;
        if (Files.isDirectory(dir)) {
            try {
                if (Files.exists(dir.resolve(INCOMPLETE))) {
                    recover(dir);
                } else if (Manifest.isExport(dir)) {
                    Folders.deleteTree(dir.resolve(PREVIOUS)); // left by a kill after the last export's mark went
                }
            } catch (IOException e) {
                throw new ExportException(dir + ": cannot clear the interrupted export in it (" + IoErrors.describe(e) + ")");
            }
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            } catch (IOException e) {
                throw new ExportException(dir + ": cannot be read (" + IoErrors.describe(e) + ")");
            }
            if (!empty && !Manifest.isExport(dir)) {
                throw new ExportException(dir + ": the folder is not empty and holds no earlier export; "
                        + "choose a new or empty folder (nothing was written)");
            }
        } else {
            try {
                Files.createDirectories(dir);
                created = true;
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                throw new ExportException(dir + ": cannot create the export folder (" + reason(e) + ")");
            }
        }
        List<String> moved = new ArrayList<>();
        try {
            AtomicFiles.writeString(dir.resolve(INCOMPLETE), "An export into this folder was interrupted or is under "
                    + "way; until it ends this is not a whole export.\n");
            if (!empty) {
                for (String f : earlierFiles(dir)) {
                    move(dir.resolve(f), dir.resolve(PREVIOUS).resolve(f));
                    moved.add(f);
                }
            }
        } catch (IOException | SecurityException e) {
            OutputFolder partial = new OutputFolder(dir, created, moved);
            partial.abandon(List.of());
            throw new ExportException(dir + ": cannot write in the export folder (" + reason(e) + ")");
        }
        return new OutputFolder(dir, created, moved);
    }

    /**
     * The files of the earlier export: its manifest first (so that once anything is moved aside, the list of what
     * belongs to it is there too), then the files it lists inside the folder.
     */
    private static List<String> earlierFiles(Path dir) {
        List<String> out = new ArrayList<>(List.of(Manifest.FILE));
        for (String f : Manifest.listedFiles(dir)) {
            Path p = dir.resolve(f).normalize();
            if (p.startsWith(dir.normalize()) && !f.contains("..") && Files.isRegularFile(p)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * An export was killed here. Its files go (only files of an export's layout), the export it was replacing
     * comes back (what was moved aside, and what the kill left unmoved), and the mark goes. Files are moved aside
     * before anything new is written, the manifest first: so a file of the earlier export's list that is not in
     * {@link #PREVIOUS} was never moved, and any other file of the layout is the interrupted export's.
     */
    private static void recover(Path dir) throws IOException {
        Path previous = dir.resolve(PREVIOUS);
        boolean replacing = Files.isRegularFile(previous.resolve(Manifest.FILE));
        if (!replacing && Files.isRegularFile(dir.resolve(Manifest.FILE))) {
            // killed before anything was moved (the earlier export is whole where it was), or after a new export
            // into an empty folder wrote its manifest (written last: that export is whole)
            Folders.deleteTree(previous); // at most an empty folder: the manifest is the first thing moved into it
            Files.deleteIfExists(dir.resolve(INCOMPLETE));
            return;
        }
        Set<String> keep = new java.util.HashSet<>();
        if (replacing) {
            for (String f : Manifest.listedFiles(previous)) {
                if (!Files.exists(previous.resolve(f))) {
                    keep.add(f); // the earlier export's, not moved yet
                }
            }
        }
        for (String top : LAYOUT) {
            try (Stream<Path> s = Files.exists(dir.resolve(top)) ? Files.walk(dir.resolve(top)) : Stream.empty()) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    if (!keep.contains(relative(dir, p))) {
                        Files.delete(p);
                    }
                }
            }
            removeEmptyFolders(dir.resolve(top)); // else the folder would not count as empty for the next export
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && n.endsWith(".tmp") && !p.startsWith(previous)) {
                    Files.deleteIfExists(p); // a temporary of the interrupted write
                }
            }
        }
        if (replacing) {
            try (Stream<Path> s = Files.walk(previous)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    move(p, dir.resolve(relative(previous, p)));
                }
            }
        }
        Folders.deleteTree(previous);
        Files.deleteIfExists(dir.resolve(INCOMPLETE));
    }

    /** Removes {@code top} and the folders under it that hold nothing (after files were moved or removed). */
    private static void removeEmptyFolders(Path top) throws IOException {
        if (!Files.isDirectory(top, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(top)) {
            for (Path d : s.filter(Files::isDirectory).sorted(java.util.Comparator.reverseOrder()).toList()) {
                try (Stream<Path> in = Files.list(d)) {
                    if (in.findAny().isEmpty()) {
                        Files.delete(d);
                    }
                }
            }
        }
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    private static void move(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Where an export of {@code runDir} goes when a person picks {@code chosen} in a folder chooser: the
     * folder itself when it is empty or holds an earlier export (so an export can be made again in place), or
     * an export a kill left half done ({@link #prepare} repairs it), else a new {@code <run folder>-export}
     * inside it ({@code -2}, {@code -3}... when taken).
     */
    static Path target(Path chosen, Path runDir) {
        if (Files.isDirectory(chosen)) {
            try (Stream<Path> s = Files.list(chosen)) {
                if (s.findAny().isEmpty() || Manifest.isExport(chosen) || Files.exists(chosen.resolve(INCOMPLETE))) {
                    return chosen;
                }
            } catch (IOException e) {
                return chosen; // prepare() says what is wrong with it
            }
        }
        String base = runDir.getFileName() + "-export";
        Path p = chosen.resolve(base);
        for (int i = 2; Files.exists(p) && !Manifest.isExport(p) && !Files.exists(p.resolve(INCOMPLETE)); i++) {
            p = chosen.resolve(base + "-" + i);
        }
        return p;
    }

    /** Why a file operation failed, in words (no exception class names). */
    private static String reason(Exception e) {
        return e instanceof IOException io ? IoErrors.describe(io) : e instanceof SecurityException ? "permission denied"
                : "not possible here";
    }

    Path dir() {
        return dir;
    }

    /**
     * The new export is whole (its manifest written): the mark goes, then the earlier export and the folders it
     * alone used. Removing the mark is the point of no return; what fails after it is tidied by the next export.
     */
    void commit() throws IOException {
        Files.deleteIfExists(dir.resolve(INCOMPLETE));
        Folders.deleteQuietly(dir.resolve(PREVIOUS));
        for (String top : LAYOUT) {
            try {
                removeEmptyFolders(dir.resolve(top));
            } catch (IOException ignored) {
                // an empty folder left behind harms nothing
            }
        }
    }

    /**
     * After a failure: what this export wrote goes, the earlier export it was replacing comes back, and a folder
     * it made is removed again, so the folder is as it was and trying again is not refused.
     */
    void abandon(List<Path> written) {
        List<Path> dirs = new ArrayList<>();
        for (Path p : written) {
            try {
                Files.deleteIfExists(p);
                for (Path parent = p.getParent(); parent != null && !parent.equals(dir) && parent.startsWith(dir);
                     parent = parent.getParent()) {
                    dirs.add(parent);
                }
            } catch (IOException ignored) {
                // best effort: the export already failed with its own message
            }
        }
        try {
            for (String f : moved) {
                move(dir.resolve(PREVIOUS).resolve(f), dir.resolve(f));
            }
            Folders.deleteTree(dir.resolve(PREVIOUS));
            Files.deleteIfExists(dir.resolve(INCOMPLETE));
        } catch (IOException ignored) {
            // the mark stays: the next export puts the earlier one back, and loading says what happened
        }
        dirs.sort((a, b) -> b.getNameCount() - a.getNameCount());
        for (Path d : dirs) {
            try {
                Files.deleteIfExists(d);
            } catch (IOException ignored) {
                // not empty: the earlier export, or something else, is there
            }
        }
        if (created) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // not empty
            }
        }
    }
}
