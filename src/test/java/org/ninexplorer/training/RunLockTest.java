package org.ninexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock seen from several threads of one process, as the Runs tab and an exercise set-up see a run that has
 * just ended: looking must never make an idle run look busy, nor stop a run from being taken.
 */
class RunLockTest {

    private static final int ROUNDS = 2_000;

    @TempDir
    Path dir;

    @Test
    void probesAtTheSameTimeAllSeeAnIdleRunAsIdle() throws Exception {
        RunLock.acquire(dir).close(); // an ended run: its lock file is there and empty
        AtomicInteger busy = new AtomicInteger();
        race(4, () -> {
            if (RunLock.probe(dir).held()) {
                busy.incrementAndGet();
            }
        });
        assertThat(busy).as("probes that saw the idle run as being trained").hasValue(0);
    }

    @Test
    void takingTheLockWhileOthersLookNeverFailsAndTheyNeverDropIt() throws Exception {
        Files.createDirectories(dir);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        race(3, () -> {
            if (Thread.currentThread().getName().endsWith("-1")) {
                try (RunLock lock = RunLock.acquire(dir)) {
                    RunLock.probe(dir); // a look from the holder's own process...
                    if (!RunLock.probe(dir).held()) { // ...must leave the lock held
                        lost.incrementAndGet();
                    }
                } catch (TrainingException e) {
                    refused.incrementAndGet();
                }
            } else {
                RunLock.probe(dir);
            }
        });
        assertThat(refused).as("acquisitions refused because someone only looked").hasValue(0);
        assertThat(lost).as("locks dropped by a look").hasValue(0);
    }

    /** Runs {@code body} {@value #ROUNDS} times on each of {@code threads} threads, started together. */
    private static void race(int threads, Body body) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                all.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ROUNDS; i++) {
                        body.run();
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Body { void run() throws Exception; }
}
