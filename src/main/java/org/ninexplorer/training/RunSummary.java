package org.ninexplorer.training;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ninexplorer.model.Architecture;

/**
 * One line of the runs library: what a run is and how far it got, read from its folder by {@link RunCatalog}.
 * A damaged run keeps what could be read ({@code architecture} and {@code hyperparameters} may be null, the
 * numbers empty) and says in {@code reason} what is wrong.
 *
 * @param name           the name the user gave it, else the folder's name
 * @param created        when it started (the folder's time when the record has none)
 * @param params         parameters of its net; -1 when unknown
 * @param macs           multiply-accumulates per image of its net; -1 when unknown
 * @param epochsPlanned  the epochs its recipe asks for; 0 when unknown
 * @param memoryBytes    the training memory estimate of its net and recipe; -1 when unknown
 * @param reason         why it ended as it did, or what is damaged; empty when there is nothing to say
 */
public record RunSummary(Path folder, String name, Instant created, Architecture architecture,
                         Hyperparameters hyperparameters, long params, long macs, String dataset, int epochsDone,
                         int epochsPlanned, OptionalDouble bestTestAccuracy, OptionalDouble finalTestAccuracy,
                         OptionalDouble finalTrainAccuracy, double wallSeconds, OptionalDouble secondsPerEpoch,
                         OptionalDouble imagesPerSecond, long memoryBytes, State state,
                         Optional<RunMessage> reason) {

    /** Where a run stands, as the library shows it. */
    public enum State {
        /** Being trained now, by this process or another. */
        RUNNING,
        COMPLETED,
        STOPPED,
        DIVERGED,
        FAILED,
        /** Killed mid-run: its record says running (or its lock names an owner) but no process trains it. */
        INTERRUPTED,
        /** Its files cannot be read as a run; {@link RunSummary#reason()} says which and why. */
        DAMAGED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State of(RunStatus status) {
            return switch (status) {
                case RUNNING -> RUNNING;
                case COMPLETED -> COMPLETED;
                case STOPPED -> STOPPED;
                case DIVERGED -> DIVERGED;
                case FAILED -> FAILED;
            };
        }
    }

    /** Whether training can go on from its last checkpoint: stopped, failed or killed before its last epoch. */
    public boolean resumable() {
        return (state == State.STOPPED || state == State.FAILED || state == State.INTERRUPTED)
                && epochsDone < epochsPlanned;
    }

    /** Whether its net and curves can be shown: everything but a damaged or still-training run. */
    public boolean openable() {
        return state != State.DAMAGED && state != State.RUNNING && architecture != null;
    }

    public String folderName() {
        return folder.getFileName().toString();
    }
}
