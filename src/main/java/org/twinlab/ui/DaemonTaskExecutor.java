package org.twinlab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * The window's {@link TaskExecutor}: a small pool of daemon threads (two: a slow export does not hold up the
 * runs table; more would only compete with training for a laptop's cores), idle threads ending after a minute.
 */
public final class DaemonTaskExecutor implements TaskExecutor {
    private static final int THREADS = 2;
    private final ExecutorService pool;

    public DaemonTaskExecutor() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor p = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "twinlab-task-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        p.allowCoreThreadTimeOut(true);
        pool = p;
    }

    @Override
    public <T> Task<T> submit(String name, Callable<T> work, Consumer<T> done, Consumer<String> failed) {
        Task<T> t = new Task<>() {
            @Override
            protected T call() throws Exception {
                Thread me = Thread.currentThread();
                String was = me.getName();
                me.setName("twinlab-" + name);
                try {
                    return work.call();
                } finally {
                    me.setName(was);
                }
            }
        };
        t.setOnSucceeded(e -> done.accept(t.getValue()));
        t.setOnFailed(e -> failed.accept(Background.message(t.getException())));
        pool.execute(t);
        return t;
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }
}
