package org.ninexplorer.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Ctrl+C (SIGINT), SIGTERM and SIGHUP while {@code train} runs. The JVM's own handlers begin to shut down
 * at once, killing the training thread mid-epoch; these instead ask the run to stop after the current
 * iteration, which keeps the model and records the run as stopped. A second signal, or a stop that takes
 * longer than {@link #BOUND_SECONDS}, ends the process at once and says what is kept on disk.
 * A signal the process was started to ignore (nohup, a background job) stays ignored: the JVM then
 * installs no handler for it.
 */
final class StopSignals implements AutoCloseable {

    static final int BOUND_SECONDS = 30;
    private static final Logger LOGGER = LoggerFactory.getLogger(StopSignals.class);
    private static final String[] NAMES = {"INT", "TERM", "HUP"};

    private final Runnable stop;
    private final Supplier<String> kept;
    private final PrintWriter err;
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final AtomicReference<Signal> first = new AtomicReference<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    /**
     * @param stop asks the run to stop after its current iteration
     * @param kept what a run ended at once leaves on disk, as a sentence
     */
    private StopSignals(Runnable stop, Supplier<String> kept, PrintWriter err) {
        this.stop = stop;
        this.kept = kept;
        this.err = err;
    }

    static StopSignals install(Runnable stop, Supplier<String> kept, PrintWriter err) {
        StopSignals signals = new StopSignals(stop, kept, err);
        for (String name : NAMES) {
            try {
                Signal signal = new Signal(name);
                signals.previous.put(signal, Signal.handle(signal, signals::handle));
            } catch (IllegalArgumentException e) {
                LOGGER.debug("SIG{} cannot be handled here", name, e); // Windows has no SIGHUP; -Xrs reserves them
            }
        }
        return signals;
    }

    /** 128 plus the number of the signal that stopped the run, as a shell reports a process ended by it. */
    OptionalInt exitStatus() {
        Signal signal = first.get();
        return signal == null ? OptionalInt.empty() : OptionalInt.of(128 + signal.getNumber());
    }

    private void handle(Signal signal) {
        if (!first.compareAndSet(null, signal)) {
            quit("SIG" + signal.getName() + " again: quitting at once.");
            return;
        }
        stop.run();
        err.println("SIG" + signal.getName() + ": stopping after the current iteration to keep the model "
                + "(Ctrl+C again quits at once).");
        err.flush();
        Thread watchdog = new Thread(() -> {
            try {
                if (!closed.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
                    quit("The run did not stop within " + BOUND_SECONDS + " s: quitting.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void quit(String why) {
        String message = why + " " + kept.get();
        LOGGER.warn(message);
        err.println(message);
        err.flush();
        // halt, not exit: the training thread may hold locks that shutdown would wait for
        Runtime.getRuntime().halt(exitStatus().orElse(1));
    }

    /** The run is over: puts the JVM's handlers back. */
    @Override
    public void close() {
        closed.countDown();
        previous.forEach(Signal::handle);
    }
}
