package org.twinlab.train;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for training work, which should yield to a window's rendering: daemon threads at the lowest
 * Java priority, where the OS honours it (Linux only with {@code -XX:ThreadPriorityPolicy=1}, which
 * prints a warning for non-root users, so the launcher does not pass it: measured on a 2-core Linux
 * VM, nice 4 for the training threads did not shorten the longest FX pulse gap either). The
 * augmentation gets its own pool rather than the common one, which the window and probes also use.
 */
public final class BackgroundThreads {
    private BackgroundThreads() {
    }

    /** A factory for one named background thread (or several, numbered). */
    public static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            int n = count.getAndIncrement();
            return background(new Thread(r), n == 0 ? name : name + "-" + n);
        };
    }

    /**
     * A fork-join pool of background threads: work submitted to it, parallel streams inside that work
     * included, runs at the background priority instead of on the common pool.
     */
    public static ForkJoinPool pool(String name, int parallelism) {
        AtomicInteger count = new AtomicInteger();
        return new ForkJoinPool(parallelism,
                p -> background(ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p), name + "-" + count.getAndIncrement()),
                null, false);
    }

    private static <T extends Thread> T background(T t, String name) {
        t.setName(name);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    }
}
