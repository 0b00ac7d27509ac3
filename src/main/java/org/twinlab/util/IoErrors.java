package org.twinlab.util;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** An I/O failure in plain words ("permission denied", "no space left on device"), without Java's class names. */
public final class IoErrors {
    private IoErrors() {
    }

    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a file stands where a folder should be";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return lower(fs.getReason());
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "input/output error" : lower(m);
    }

    /**
     * Any I/O failure as one line: "PATH: REASON" where the failure names its file, else its own message where that
     * names a path, else the reason alone.
     */
    public static String line(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + describe(e);
        }
        String m = e.getMessage();
        return m != null && m.contains("/") ? m : describe(e);
    }

    /** "cannot write to PATH: REASON": one line for any failed write. */
    public static String cannotWrite(Path path, IOException e) {
        return "cannot write to " + path + ": " + describe(e);
    }

    /**
     * A small text file Twinlab reads whole (settings, a lesson), as text; any failure is one line naming
     * it: "FILE: no such WHAT file", "FILE: not a WHAT file (not text)", "FILE: cannot be read (REASON)".
     */
    public static String readText(Path file, String what) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such " + what + " file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(file + ": not a " + what + " file (not text)");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + describe(e) + ")");
        }
    }

    private static String lower(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }
}
