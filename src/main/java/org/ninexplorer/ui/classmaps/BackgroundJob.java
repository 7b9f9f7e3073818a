package org.ninexplorer.ui.classmaps;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.ninexplorer.ui.common.Messages;
import org.ninexplorer.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cancellable piece of background work at a time, with its progress. Starting again cancels the
 * previous one; a cancelled or superseded job's result and progress never reach the FX thread.
 * Call {@link #start} and {@link #cancel} on the FX thread.
 */
final class BackgroundJob {

    private static final Logger LOGGER = LoggerFactory.getLogger(BackgroundJob.class);

    /** The work: reports the fraction done, asks whether to stop (and then throws {@link CancellationException}). */
    interface Work<T> {
        T run(DoubleConsumer progress, BooleanSupplier cancelled);
    }

    private final TaskExecutor executor;
    private final Consumer<Runnable> fxThread;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private AtomicBoolean cancelled = new AtomicBoolean();

    BackgroundJob(TaskExecutor executor, Consumer<Runnable> fxThread) {
        this.executor = executor;
        this.fxThread = fxThread;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 … 1 while running. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** @param failed gets the error's message, for a sentence at the user */
    <T> void start(Work<T> work, Consumer<T> done, Consumer<String> failed) {
        cancel();
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        running.set(true);
        progress.set(0);
        executor.execute(() -> {
            try {
                T result = work.run(p -> deliver(stop, () -> progress.set(p)), stop::get);
                deliver(stop, () -> {
                    running.set(false);
                    done.accept(result);
                });
            } catch (CancellationException e) {
                LOGGER.debug("Job cancelled");
            } catch (RuntimeException e) {
                LOGGER.warn("Background job failed", e);
                deliver(stop, () -> {
                    running.set(false);
                    failed.accept(e.getMessage() == null ? e.getClass().getSimpleName() : Messages.current().error(e));
                });
            }
        });
    }

    void cancel() {
        cancelled.set(true);
        running.set(false);
    }

    private void deliver(AtomicBoolean stop, Runnable update) {
        fxThread.accept(() -> {
            if (!stop.get()) {
                update.run();
            }
        });
    }
}
