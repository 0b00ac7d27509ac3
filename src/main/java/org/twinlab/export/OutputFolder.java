package org.twinlab.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where an export goes, checked before any work: a new or empty folder, or an earlier export (which
 * the new one replaces), never a file or a folder of other things. If the export fails, what it wrote
 * into a new or empty folder is removed again, so trying again is not refused.
 */
final class OutputFolder {
    private final Path dir;
    private final boolean created;
    private final boolean wasEmpty;
    private final List<String> earlierFiles;

    private OutputFolder(Path dir, boolean created, boolean wasEmpty, List<String> earlierFiles) {
        this.dir = dir;
        this.created = created;
        this.wasEmpty = wasEmpty;
        this.earlierFiles = earlierFiles;
    }

    static OutputFolder prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ExportException(dir + ": a file stands where the export folder should go");
        }
        boolean created = false;
        boolean empty = true;
        List<String> earlier = List.of();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            } catch (IOException e) {
                throw new ExportException(dir + ": cannot be read (" + e.getMessage() + ")");
            }
            if (!empty) {
                if (!Manifest.isExport(dir)) {
                    throw new ExportException(dir + ": the folder is not empty and holds no earlier export; "
                            + "choose a new or empty folder (nothing was written)");
                }
                earlier = Manifest.listedFiles(dir);
            }
        } else {
            try {
                Files.createDirectories(dir);
                created = true;
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                throw new ExportException(dir + ": cannot create the export folder (" + reason(e) + ")");
            }
        }
        try {
            Path probe = Files.createTempFile(dir, ".twinlab-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ExportException(dir + ": cannot write in the export folder (" + reason(e) + ")");
        }
        return new OutputFolder(dir, created, empty, earlier);
    }

    /** Why a file operation failed, in words (no exception class names). */
    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file is in the way";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? "an input/output error" : e.getMessage();
    }

    Path dir() {
        return dir;
    }

    /** Files an earlier export listed that this one did not write: removed, so the folder holds one export. */
    void removeStale(List<String> written) throws IOException {
        for (String f : earlierFiles) {
            Path p = dir.resolve(f).normalize();
            if (!written.contains(f) && p.startsWith(dir.normalize()) && !f.contains("..")) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** After a failure: removes what this export wrote when the folder was new or empty. */
    void abandon(List<Path> written) {
        if (!created && !wasEmpty) {
            return;
        }
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
        dirs.sort((a, b) -> b.getNameCount() - a.getNameCount());
        for (Path d : dirs) {
            try {
                Files.deleteIfExists(d);
            } catch (IOException ignored) {
                // not empty: something else is there
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
