package org.twinlab.runs;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.twinlab.train.RunControl;

/**
 * Steers a running sweep from another thread (the window's buttons, the command line's Ctrl+C): pause
 * (the current run pauses at its next step and no new run starts), resume, skip the current run (it
 * stops with its checkpoint and the sweep goes on; a later {@code --resume} finishes it), cancel (the
 * current run stops with its checkpoint and no other starts). {@link #current()} gives the current run's
 * own control, for lambda and the learning rate during the run.
 */
public final class SweepControl {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean paused;
    private boolean cancelled;
    private boolean skip;
    private RunControl current;

    public void pause() {
        lock.lock();
        try {
            paused = true;
            if (current != null) {
                current.pause();
            }
        } finally {
            lock.unlock();
        }
    }

    public void resume() {
        lock.lock();
        try {
            paused = false;
            if (current != null) {
                current.resume();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the current run (it keeps its checkpoint) and goes on with the next. */
    public void skipCurrent() {
        lock.lock();
        try {
            if (current != null) {
                skip = true;
                current.stop();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops the current run (it keeps its checkpoint) and starts no other. */
    public void cancel() {
        lock.lock();
        try {
            cancelled = true;
            if (current != null) {
                current.stop();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    public boolean isCancelled() {
        lock.lock();
        try {
            return cancelled;
        } finally {
            lock.unlock();
        }
    }

    /** The control of the run going now, or null between runs. */
    public RunControl current() {
        lock.lock();
        try {
            return current;
        } finally {
            lock.unlock();
        }
    }

    /** A control for the next run, paused already if the sweep is; null when the sweep is cancelled. */
    RunControl begin() throws InterruptedException {
        lock.lock();
        try {
            while (paused && !cancelled) {
                changed.await();
            }
            if (cancelled) {
                return null;
            }
            skip = false;
            current = new RunControl();
            return current;
        } finally {
            lock.unlock();
        }
    }

    /** The run ended; whether it was skipped by request. */
    boolean end() {
        lock.lock();
        try {
            current = null;
            boolean s = skip;
            skip = false;
            return s;
        } finally {
            lock.unlock();
        }
    }
}
