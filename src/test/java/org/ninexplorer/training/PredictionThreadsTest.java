package org.ninexplorer.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.model.Presets;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.perf.FastPath;
import org.ninexplorer.training.perf.PredictionThreads;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A big one-sample pass splits over the threads unless a training run of this process holds them; a small one never does. */
class PredictionThreadsTest {

    private static final long D2L = ShapeInference.analyze(Presets.D2L_224).totalMacs();
    private static final long FASHION = ShapeInference.analyze(Presets.FASHION_28).totalMacs();

    @Test
    void d2lSplitsFashionDoesNot() {
        Backends.initialise();
        assertThat(PredictionThreads.forPass(D2L)).isEqualTo(FastPath.threads());
        assertThat(PredictionThreads.forPass(FASHION)).isEqualTo(1);
    }

    @Test
    void aTrainingRunHoldsTheThreadsUntilItEndsHoweverItEnds(@TempDir Path dir) throws Exception {
        Backends.initialise();
        assumeTrue(FastPath.threads() > 1, "one thread only");
        List<Integer> whilePaused = new CopyOnWriteArrayList<>();
        AtomicReference<TrainingRun> run = new AtomicReference<>();
        // Paused, the run waits inside its training loop until told to stop: no race with its end.
        run.set(new TrainingRun(RunFixtures.request(TinyNets.TINY_28, dir.resolve("run"), 1), e -> {
            if (e instanceof TrainingEvent.Iteration) {
                run.get().pause();
            } else if (e instanceof TrainingEvent.Paused) {
                whilePaused.add(PredictionThreads.forPass(D2L));
                run.get().stop();
            }
        }));
        TrainingEvent.Finished finished = run.get().call();

        assertThat(finished.outcome()).isEqualTo(TrainingEvent.Outcome.STOPPED);
        assertThat(whilePaused).containsExactly(1);
        assertThat(PredictionThreads.forPass(D2L)).isEqualTo(FastPath.threads());

        assertThatThrownBy(() -> PredictionThreads.whileTraining(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(PredictionThreads.forPass(D2L)).isEqualTo(FastPath.threads());
    }
}
