package org.twinlab.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A plain thread that sleeps 2 ms at a time and records how late it wakes up. It does no work, so
 * its lateness is the scheduling delay the machine gives any thread of this process at that moment:
 * the floor under the FX pulse gaps, which tells a gap caused by the window from one the machine
 * caused.
 */
final class WakeupProbe implements AutoCloseable {
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long OVER_NANOS = TimeUnit.MILLISECONDS.toNanos(30);

    private final Thread thread;
    private volatile boolean stop;
    // written by the probe thread only, read after join()
    private long maxLateNanos;
    private long samples;
    private long over30;

    WakeupProbe() {
        thread = new Thread(this::loop, "twinlab-wakeup-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!stop) {
            long before = System.nanoTime();
            LockSupport.parkNanos(PERIOD_NANOS);
            long late = System.nanoTime() - before - PERIOD_NANOS;
            samples++;
            maxLateNanos = Math.max(maxLateNanos, late);
            if (late > OVER_NANOS) {
                over30++;
            }
        }
    }

    /** Stops the probe; its figures are final afterwards. */
    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join();
    }

    double maxLateMillis() {
        return maxLateNanos / 1e6;
    }

    long samples() {
        return samples;
    }

    /** Wake-ups more than 30 ms late. */
    long lateOver30() {
        return over30;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "a thread doing nothing else woke up to %.1f ms late (%d of %d wake-ups over 30 ms late)",
                maxLateMillis(), lateOver30(), samples());
    }
}
