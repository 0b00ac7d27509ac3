package org.twinlab.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Work the FX thread must not do (reading hundreds of run folders, exporting, probing an encoder), on a
 * daemon thread of its own; the outcome comes back on the FX thread. A failure hands over its one-line
 * message (the core's errors are written to be shown as they are).
 */
final class Background {
    private Background() {
    }

    static <T> Task<T> run(String name, Callable<T> work, Consumer<T> done, Consumer<String> failed) {
        Task<T> t = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        t.setOnSucceeded(e -> done.accept(t.getValue()));
        t.setOnFailed(e -> failed.accept(message(t.getException())));
        Thread th = new Thread(t, "twinlab-" + name);
        th.setDaemon(true);
        th.start();
        return t;
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
