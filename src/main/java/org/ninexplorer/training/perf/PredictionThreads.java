package org.ninexplorer.training.perf;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * How many threads one sample's pass through a net runs on. A large pass (d2l-224's 0.8 G multiply-adds) splits
 * over the fast path's threads, 1.8 against 3.3 ms on two cores; a small one (fashion-28's) loses more waking the
 * second thread than it gains, and so does any pass while a training run of this process keeps every thread busy
 * (measurements in docs/performance.md).
 */
public final class PredictionThreads {

    /** Multiply-adds per sample from which a pass splits over the threads. */
    static final long SPLIT_FROM_MACS = 100_000_000L;

    private static final AtomicInteger TRAINING = new AtomicInteger();

    private PredictionThreads() {
    }

    /** Runs {@code work}, a training run, counting it as one that keeps the threads busy until it returns. */
    public static <T> T whileTraining(Supplier<T> work) {
        TRAINING.incrementAndGet();
        try {
            return work.get();
        } finally {
            TRAINING.decrementAndGet();
        }
    }

    /** The threads for a pass of {@code macs} multiply-adds per sample, as things stand now. */
    public static int forPass(long macs) {
        return macs >= SPLIT_FROM_MACS && TRAINING.get() == 0 ? FastPath.threads() : 1;
    }
}
