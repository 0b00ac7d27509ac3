package org.twinlab.runs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.twinlab.util.IoErrors;

/**
 * One writer per run folder: an operating-system lock on {@code run.lock}, held while a run (or a sweep)
 * writes there. A second process (a second {@code --resume}, or the window and the command line) is
 * refused with a line saying which process holds the run. The OS releases the lock when its holder
 * dies, even by kill -9, so a crashed run never stays locked.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = "run.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock for {@code purpose} ("twinlab train", "the window"), or says who has it. */
    public static RunLock acquire(Path dir, String purpose) {
        Path file = dir.resolve(FILE);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalArgumentException(IoErrors.cannotWrite(dir, e));
        }
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // this process already holds it (the window running it, say)
        } catch (IOException e) {
            close(ch);
            throw new IllegalArgumentException(IoErrors.cannotWrite(dir, e));
        }
        if (l == null) {
            String holder = holder(file);
            close(ch);
            throw new IllegalArgumentException(dir + " is in use by " + holder
                    + "; wait for it to end or stop it, then try again");
        }
        try {
            String who = "process " + ProcessHandle.current().pid() + " (" + purpose + ", since "
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + ")";
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((who + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
        } catch (IOException e) {
            release(l, ch);
            throw new IllegalArgumentException(IoErrors.cannotWrite(dir, e));
        }
        return new RunLock(ch, l);
    }

    private static String holder(Path file) {
        try {
            String s = Files.readString(file).strip();
            return s.isEmpty() ? "another process" : s;
        } catch (IOException e) {
            return "another process";
        }
    }

    @Override
    public void close() {
        release(lock, channel);
    }

    private static void release(FileLock l, FileChannel ch) {
        try {
            l.release();
        } catch (IOException ignored) {
            // the channel's close releases it too
        }
        close(ch);
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing was written through it that could be lost
        }
    }
}
