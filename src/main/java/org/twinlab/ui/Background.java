package org.twinlab.ui;

/**
 * How a failure of background work ({@link TaskExecutor}) is worded for the window: its one-line message
 * (the core's errors are written to be shown as they are).
 */
final class Background {
    private Background() {
    }

    /**
     * One line in plain words: an I/O failure as "PATH: reason" (Java's own message of some is only the path),
     * otherwise the exception's first line; one without a message is a bug, said as such, not by its class.
     */
    static String message(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        if (e instanceof java.io.UncheckedIOException u) {
            e = u.getCause();
        }
        if (e instanceof java.io.IOException io) {
            return org.twinlab.util.IoErrors.line(io);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "an internal error (please report it)" : m.lines().findFirst().orElse(m);
    }
}
