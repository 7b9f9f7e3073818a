package org.ninexplorer.training;

/** Images per second and time left, from what has been trained and tested so far in this session. */
final class Throughput {

    private final long start = System.nanoTime();
    private final long totalImages;
    private long imagesDone;
    private long trainedInWindow;
    private long windowStart = System.nanoTime();
    private double recentRate = Double.NaN;

    Throughput(long trainImagesPerEpoch, long testImagesPerEpoch, int epochs) {
        this.totalImages = (trainImagesPerEpoch + testImagesPerEpoch) * epochs;
    }

    void trained(int images) {
        imagesDone += images;
        trainedInWindow += images;
        long now = System.nanoTime();
        if (now - windowStart > 1_000_000_000L) {
            recentRate = trainedInWindow / ((now - windowStart) / 1e9);
            trainedInWindow = 0;
            windowStart = now;
        }
    }

    void epochDone(long testImages) {
        imagesDone += testImages;
    }

    /** Training images per second over the last second or so (overall rate until then). */
    double imagesPerSecond() {
        if (!Double.isNaN(recentRate)) {
            return recentRate;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return elapsed > 0 ? imagesDone / elapsed : 0;
    }

    /** Remaining train and test images at the session's average rate so far. */
    double etaSeconds() {
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (imagesDone == 0 || elapsed <= 0) {
            return Double.NaN;
        }
        double rate = imagesDone / elapsed;
        return (totalImages - imagesDone) / rate;
    }
}
