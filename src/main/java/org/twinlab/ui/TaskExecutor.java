package org.twinlab.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Where the window's long work goes (reading run folders, opening a dataset, exporting, probing): one
 * executor, injected into the view models, instead of a new thread per call (JabRef's TaskExecutor is
 * the model). The outcome comes back on the FX thread; a failure as its one-line message
 * ({@link Background#message}). Training itself is not submitted here: it has its own thread in
 * {@link TrainingSession}, one training at a time.
 */
public interface TaskExecutor {
    /**
     * Runs {@code work} in the background; {@code done} or {@code failed} is called on the FX thread.
     *
     * @param name a short name for the thread ("runs", "dataset"), for a thread dump
     */
    <T> Task<T> submit(String name, Callable<T> work, Consumer<T> done, Consumer<String> failed);

    /** No more work is taken; work under way finishes (daemon threads: it never holds the JVM open). */
    void shutdown();
}
