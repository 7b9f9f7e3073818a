package org.ninexplorer.training;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Hands events to a consumer on its own daemon thread, so a slow consumer never slows training.
 * The queue is unbounded but events are small and consumers drain it continuously. An exception in
 * the consumer is logged and delivery goes on; an {@link Error} (out of memory, stack overflow) is
 * kept for the run to end on ({@link #failure()}), and delivery still goes on, so that the final
 * event gets through.
 */
final class EventDispatcher implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(EventDispatcher.class);
    private static final TrainingEvent POISON = new TrainingEvent.Paused(-1, -1);

    private final LinkedBlockingQueue<TrainingEvent> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile Throwable failure;

    EventDispatcher(Consumer<TrainingEvent> consumer) {
        thread = new Thread(() -> drain(consumer), "training-events");
        thread.setDaemon(true);
        thread.start();
    }

    void publish(TrainingEvent event) {
        queue.add(event);
    }

    private void drain(Consumer<TrainingEvent> consumer) {
        try {
            for (TrainingEvent event = queue.take(); event != POISON; event = queue.take()) {
                try {
                    consumer.accept(event);
                } catch (RuntimeException e) {
                    LOGGER.warn("A training event consumer failed on {}", event, e);
                } catch (Error e) {
                    LOGGER.error("A training event consumer failed on {}", event, e);
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first error the consumer threw, if any. */
    Throwable failure() {
        return failure;
    }

    /** Delivers everything published so far, then stops the thread. */
    @Override
    public void close() {
        queue.add(POISON);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
