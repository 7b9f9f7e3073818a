package org.ninexplorer.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Where view-models run background work: daemon threads in the app, the calling thread in some tests. */
public interface TaskExecutor extends Executor {

    /** A pool of daemon threads, so that a running task never keeps the JVM alive after the window closes. */
    static TaskExecutor daemonPool(String name, int threads) {
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return pool::execute;
    }

    static TaskExecutor currentThread() {
        return Runnable::run;
    }
}
