package org.ninexplorer.training;

import java.util.function.LongSupplier;

/**
 * Images per second, time left and epoch durations, on a clock that stops while the run is paused: a pause
 * is not training time. Rates start after the first batch, whose one-off set-up (native kernels, caches)
 * would otherwise make the first estimates many times too slow. Used on the training thread only.
 */
final class Throughput {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final LongSupplier clock;
    private final long totalImages;
    private final long start;
    private long pausedNanos;
    private long pausedAt = -1;
    private long imagesDone;
    private long warmStart = -1;
    private long imagesAtWarmStart;
    private long windowStart;
    private long trainedInWindow;
    private double recentRate = Double.NaN;
    private long epochStart;

    Throughput(long trainImagesPerEpoch, long testImagesPerEpoch, int epochs) {
        this(trainImagesPerEpoch, testImagesPerEpoch, epochs, System::nanoTime);
    }

    Throughput(long trainImagesPerEpoch, long testImagesPerEpoch, int epochs, LongSupplier nanoClock) {
        this.clock = nanoClock;
        this.totalImages = (trainImagesPerEpoch + testImagesPerEpoch) * epochs;
        this.start = nanoClock.getAsLong();
    }

    /** Nanoseconds of training so far, pauses left out. */
    private long active() {
        long now = clock.getAsLong();
        return now - start - pausedNanos - (pausedAt >= 0 ? now - pausedAt : 0);
    }

    void paused() {
        if (pausedAt < 0) {
            pausedAt = clock.getAsLong();
        }
    }

    void resumed() {
        if (pausedAt >= 0) {
            pausedNanos += clock.getAsLong() - pausedAt;
            pausedAt = -1;
        }
    }

    void epochStarted() {
        epochStart = active();
    }

    /** Seconds since {@link #epochStarted()}, without the time paused. */
    double epochSeconds() {
        return (active() - epochStart) / 1e9;
    }

    void trained(int images) {
        imagesDone += images;
        long now = active();
        if (warmStart < 0) {
            warmStart = now;
            windowStart = now;
            imagesAtWarmStart = imagesDone;
            return;
        }
        trainedInWindow += images;
        if (now - windowStart > WINDOW_NANOS) {
            recentRate = trainedInWindow / ((now - windowStart) / 1e9);
            trainedInWindow = 0;
            windowStart = now;
        }
    }

    void epochDone(long testImages) {
        imagesDone += testImages;
    }

    /** Training images per second over the last second or so (the rate since the first batch until then). */
    double imagesPerSecond() {
        return Double.isNaN(recentRate) ? rateSinceWarmStart() : recentRate;
    }

    /** Remaining train and test images at the average rate since the first batch; NaN until there is one. */
    double etaSeconds() {
        double rate = rateSinceWarmStart();
        return rate > 0 ? (totalImages - imagesDone) / rate : Double.NaN;
    }

    private double rateSinceWarmStart() {
        if (warmStart < 0) {
            return Double.NaN;
        }
        double seconds = (active() - warmStart) / 1e9;
        long images = imagesDone - imagesAtWarmStart;
        return images > 0 && seconds > 0 ? images / seconds : Double.NaN;
    }
}
