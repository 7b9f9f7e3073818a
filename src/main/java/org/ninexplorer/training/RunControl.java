package org.ninexplorer.training;

/**
 * A run's pause, resume and stop: asked for from any thread (the window's buttons, Ctrl+C), acted on by the
 * training thread between two iterations, which is the only place a network can be left consistent.
 */
final class RunControl {

    private boolean paused;
    private volatile boolean stopRequested;

    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** Also ends a pause. */
    synchronized void stop() {
        stopRequested = true;
        notifyAll();
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /**
     * Blocks while paused: {@code onPause} runs as a pause begins, {@code onResume} when it ends in a resume
     * rather than a stop. An interrupt counts as a stop. Returns false when the run should stop.
     */
    synchronized boolean awaitIfPaused(Runnable onPause, Runnable onResume) {
        if (paused && !stopRequested) {
            onPause.run();
            while (paused && !stopRequested) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopRequested = true;
                }
            }
            if (!stopRequested) {
                onResume.run();
            }
        }
        return !stopRequested;
    }
}
