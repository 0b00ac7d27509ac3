package org.twinlab.export;

/**
 * A problem with an export or its input, said in one line that names the file and what is wrong: a
 * missing file, a checksum that does not match, an unknown architecture, images of another shape.
 * It is an {@link IllegalArgumentException}, so the command line prints it as one line and exits 2.
 */
public final class ExportException extends IllegalArgumentException {
    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
