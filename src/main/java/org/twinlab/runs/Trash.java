package org.twinlab.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The system trash, so a deleted run can be restored from the file manager. On Linux and the BSDs it
 * follows the freedesktop.org Trash specification 1.0 itself: the home trash
 * ({@code $XDG_DATA_HOME/Trash}, by default {@code ~/.local/share/Trash}) for folders on the home's file
 * system, else the trash at the top of the folder's own file system ({@code $topdir/.Trash/$uid} where an
 * administrator made a sticky {@code .Trash}, else {@code $topdir/.Trash-$uid}); a {@code .trashinfo} with
 * the original path and the date is written first, claiming the name, then the folder is renamed into
 * {@code files/}: no copy, so nothing is half-trashed. Elsewhere (Windows, macOS) it asks
 * {@code java.awt.Desktop} to move it to the trash where the platform supports that. Where no trash can take
 * it, {@link #moveToTrash} says so and the caller decides (the window asks before deleting for good).
 */
public final class Trash {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final int STICKY = 01000;
    private final Path homeTrash;

    /** A trash whose home trash is {@code homeTrash} (null: none, only the platform's). */
    public Trash(Path homeTrash) {
        this.homeTrash = homeTrash;
    }

    /** This system's trash: the freedesktop.org home trash on Linux and the BSDs, the platform's elsewhere. */
    public static Trash system() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return new Trash(null);
        }
        String data = System.getenv("XDG_DATA_HOME");
        Path base = data != null && !data.isBlank() && Path.of(data).isAbsolute() ? Path.of(data)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return new Trash(base.resolve("Trash"));
    }

    /**
     * Moves a file or folder to the trash; returns where it went (its new path in a freedesktop.org trash,
     * or the folder itself where the platform took it), or null when no trash can take it here.
     */
    public Path moveToTrash(Path path) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.NoSuchFileException(p.toString());
        }
        if (homeTrash != null) {
            Path trash = trashFor(p);
            if (trash != null) {
                return moveInto(trash, p);
            }
        }
        return platformTrash(p) ? p : null;
    }

    /** The trash for {@code p}: the home trash on the same file system, else one at the top of p's file system. */
    private Path trashFor(Path p) throws IOException {
        FileStore store = Files.getFileStore(p);
        Path home = existingAncestor(homeTrash);
        if (home != null && Files.getFileStore(home).equals(store)) {
            return homeTrash;
        }
        Object uid;
        try {
            uid = Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
        Path top = p;
        while (top.getParent() != null && Files.getFileStore(top.getParent()).equals(store)) {
            top = top.getParent();
        }
        Path admin = top.resolve(".Trash");
        if (Files.isDirectory(admin, LinkOption.NOFOLLOW_LINKS) && sticky(admin)) {
            return admin.resolve(uid.toString());
        }
        return top.resolve(".Trash-" + uid);
    }

    private static boolean sticky(Path dir) {
        try {
            return ((Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS) & STICKY) != 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Path existingAncestor(Path p) {
        for (Path a = p.toAbsolutePath(); a != null; a = a.getParent()) {
            if (Files.isDirectory(a)) {
                return a;
            }
        }
        return null;
    }

    private static Path moveInto(Path trash, Path p) throws IOException {
        Path files = Files.createDirectories(trash.resolve("files"));
        Path info = Files.createDirectories(trash.resolve("info"));
        String base = p.getFileName().toString();
        String text = "[Trash Info]\nPath=" + encode(p) + "\nDeletionDate=" + LocalDateTime.now().format(DATE) + "\n";
        for (int i = 1; ; i++) {
            String name = i == 1 ? base : base + "." + i;
            Path infoFile = info.resolve(name + ".trashinfo");
            try {
                // created exclusively: the name is ours even when another program trashes at the same moment
                Files.writeString(infoFile, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            Path target = files.resolve(name);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(infoFile);
                continue;
            }
            try {
                return Files.move(p, target);
            } catch (IOException e) {
                Files.deleteIfExists(infoFile);
                throw e;
            }
        }
    }

    /** The path as the specification stores it: an absolute path, URL-escaped, slashes kept. */
    static String encode(Path p) {
        StringBuilder out = new StringBuilder();
        for (byte b : p.toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-_.!~*'()".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static boolean platformTrash(Path p) {
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()) {
                java.awt.Desktop d = java.awt.Desktop.getDesktop();
                if (d.isSupported(java.awt.Desktop.Action.MOVE_TO_TRASH)) {
                    return d.moveToTrash(p.toFile());
                }
            }
        } catch (RuntimeException e) {
            // no usable desktop integration: the caller offers a permanent delete instead
        }
        return false;
    }

    /** Deletes a file or folder for good, its contents first; links are removed, never followed. */
    public static void deleteForever(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var all = Files.walk(path)) {
            for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
