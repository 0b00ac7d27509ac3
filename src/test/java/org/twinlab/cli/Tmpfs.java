package org.twinlab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small tmpfs mounted for one case of the fault matrix: a disk that fills up, or one that is read-only.
 * Mounting needs root (CI runs as root); elsewhere the cases that need one are skipped, and say so.
 */
final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** A tmpfs of {@code size} ("2m", "300k") at {@code dir}, unmounted when the case ends. */
    static Tmpfs mount(Fault.Case c, Path dir, String size) throws Exception {
        Files.createDirectories(dir);
        org.twinlab.Tools.require(sh("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()),
                "mounting a tmpfs needs root");
        Tmpfs t = new Tmpfs(dir);
        c.cleanup.add(t);
        return t;
    }

    /** Makes the file system read-only from now on. */
    Tmpfs readOnly() throws Exception {
        if (!sh("mount", "-o", "remount,ro", dir.toString())) {
            throw new IllegalStateException("cannot remount " + dir + " read-only");
        }
        return this;
    }

    /** Fills the disk with a file ({@code filler}) until about {@code bytes} are left free. */
    Tmpfs leave(long bytes) throws IOException {
        long free = Files.getFileStore(dir).getUsableSpace() - bytes;
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler())) {
            for (long n = 0; n + block.length <= free; n += block.length) {
                out.write(block);
            }
        }
        return this;
    }

    /** Makes room again: the filler goes. */
    void makeRoom() throws IOException {
        Files.deleteIfExists(filler());
    }

    Path filler() {
        return dir.resolve("filler");
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() throws Exception {
        sh("umount", "-l", dir.toString());
    }

    private static boolean sh(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
