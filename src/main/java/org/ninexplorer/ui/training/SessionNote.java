package org.ninexplorer.ui.training;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.ninexplorer.data.Dataset;

/** What a {@link TrainingSession}'s background work reports besides the engine's own events. */
sealed interface SessionNote {

    record DatasetReady(Dataset dataset) implements SessionNote { }

    record Failed(String message) implements SessionNote { }

    record Downloading(long done, long total, String file) implements SessionNote { }

    /** After a run's last event, its folder released, for whoever started it; empty when the run never began. */
    record Ended(Consumer<Optional<Path>> listener, Optional<Path> folder) implements SessionNote { }
}
