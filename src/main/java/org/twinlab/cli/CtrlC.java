package org.twinlab.cli;

import java.util.function.Supplier;

/**
 * Ctrl+C (or a plain kill) during long work: a shutdown hook asks the work to stop and waits for it to save
 * what it has (a checkpoint, a summary), then lets the process end.
 */
final class CtrlC {
    /** Asks the work to stop and waits, bounded, until it has. */
    @FunctionalInterface
    interface Stopper {
        void stopAndWait() throws InterruptedException;
    }

    private CtrlC() {
    }

    static <T> T during(Stopper stop, Supplier<T> work) {
        Thread hook = new Thread(() -> {
            try {
                stop.stopAndWait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.get();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // already exiting: the hook is running and has seen the work end
            }
        }
    }
}
