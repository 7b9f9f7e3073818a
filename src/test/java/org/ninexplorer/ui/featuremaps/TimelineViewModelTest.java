package org.ninexplorer.ui.featuremaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.PinnedSamples;
import org.ninexplorer.training.Timeline;
import org.ninexplorer.training.TinyNets;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.training.TrainingRequest;
import org.ninexplorer.training.TrainingRun;
import org.ninexplorer.ui.common.TaskExecutor;

/** The timeline's slider, samples and pins over real runs' timelines, on the calling thread. */
class TimelineViewModelTest {

    @TempDir
    static Path trained;
    @TempDir
    Path dir;
    private static final Dataset SAMPLE = TinyNets.sample();
    private final PinnedSamples engine = new PinnedSamples();
    private final TimelineViewModel viewModel = new TimelineViewModel(TaskExecutor.currentThread(), Runnable::run, engine);

    private static TrainingRun run(Path folder, int epochs, PinnedSamples pins, java.util.function.Consumer<TrainingEvent> events) {
        return new TrainingRun(new TrainingRequest(TinyNets.TINY_28, Hyperparameters.defaults().withEpochs(epochs)
                .withBatchSize(32), SAMPLE, "sample", folder, 128, 100), events).pinning(pins);
    }

    @BeforeAll
    static void train() throws Exception {
        run(trained.resolve("run"), 2, new PinnedSamples(List.of(3, 7)), e -> { }).call();
    }

    @Test
    void theSliderPicksTheEpochWhoseMapsPredictionAndFiltersAreShown() throws Exception {
        Path run = trained.resolve("run");
        Timeline stored = Timeline.read(run);
        viewModel.datasetProperty().set(SAMPLE);
        viewModel.loadRun(run);

        assertThat(viewModel.epochs()).containsExactly(1, 2);
        assertThat(viewModel.epochProperty().get()).as("the newest first").isEqualTo(2);
        assertThat(viewModel.samples()).containsExactly(3, 7);
        assertThat(viewModel.pinned()).as("a shown run brings its pins").containsExactly(3, 7);
        assertThat(engine.indices()).containsExactly(3, 7);
        assertThat(viewModel.sampleProperty().get()).isEqualTo(3);
        assertShows(stored, 2, 3);
        assertThat(viewModel.resultProperty().get().truth())
                .isEqualTo("test image 3: " + SAMPLE.className(SAMPLE.test().label(3)));
        assertThat(viewModel.messageProperty().get()).isEmpty();
        assertThat(viewModel.problemProperty().get()).isEmpty();

        viewModel.epochProperty().set(1);
        assertShows(stored, 1, 3);
        viewModel.sampleProperty().set(7);
        assertShows(stored, 1, 7);
        viewModel.sharedScaleProperty().set(true);
        assertShows(stored, 1, 7);
    }

    private void assertShows(Timeline stored, int epoch, int index) throws Exception {
        Timeline.Epoch e = stored.epoch(epoch);
        FeatureMapsViewModel.Result shown = viewModel.resultProperty().get();
        Timeline.Sample expected = e.sample(index).orElseThrow();
        assertThat(shown.maps().probabilities()).containsExactly(expected.maps().probabilities());
        for (int b = 0; b < expected.maps().blocks().size(); b++) {
            assertThat(shown.maps().blocks().get(b).values()).containsExactly(expected.maps().blocks().get(b).values());
        }
        assertThat(shown.input().pixels()).containsExactly(expected.input());
        assertThat(shown.trueClass()).isEqualTo(SAMPLE.test().label(index));
        assertThat(viewModel.filters().filtersProperty().get().weights()).containsExactly(e.filters().orElseThrow().weights());
    }

    @Test
    void aRunTrainedHereRecordsThePinsAndTheSliderFollowsTheNewestEpochUnlessAnOlderIsChosen() throws Exception {
        viewModel.togglePin(5);
        viewModel.togglePin(8);
        viewModel.togglePin(8);
        assertThat(engine.indices()).containsExactly(5);
        assertThat(viewModel.messageProperty().get()).contains("test image 5").contains("next run");

        Path folder = dir.resolve("live");
        List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        // The view-model runs on the thread that hands it the events, as it would on the FX thread.
        run(folder, 2, engine, event -> {
            viewModel.accept(event);
            if (event instanceof TrainingEvent.Epoch) {
                seen.add(viewModel.epochProperty().get());
            }
        }).call();
        assertThat(seen).containsExactly(1, 2);
        assertThat(viewModel.epochs()).containsExactly(1, 2);
        assertThat(viewModel.sampleProperty().get()).isEqualTo(5);
        assertThat(viewModel.resultProperty().get()).isNotNull();
        assertThat(Timeline.read(folder).pinned()).containsExactly(5);

        // An older epoch chosen stays chosen when the next epoch's frame arrives.
        viewModel.epochProperty().set(1);
        viewModel.accept(new TrainingEvent.Epoch(2, 1, 0.5, 0.5, 1, 100));
        assertThat(viewModel.epochProperty().get()).isEqualTo(1);
    }

    @Test
    void aDamagedTimelineIsASentenceAndItsIntactEpochsStillShow() throws Exception {
        Path run = dir.resolve("damaged");
        Files.createDirectories(run);
        for (String f : List.of("run.json", Timeline.FILE, PinnedSamples.FILE)) {
            Files.copy(trained.resolve("run").resolve(f), run.resolve(f));
        }
        byte[] whole = Files.readAllBytes(run.resolve(Timeline.FILE));
        Files.write(run.resolve(Timeline.FILE), Arrays.copyOf(whole, whole.length - 50));
        viewModel.loadRun(run);
        assertThat(viewModel.epochs()).containsExactly(1);
        assertThat(viewModel.problemProperty().get()).contains("cut short after epoch 1");
        assertThat(viewModel.resultProperty().get()).isNotNull();

        byte[] garbled = whole.clone();
        for (int i = 100; i < 140; i++) {
            garbled[i] ^= 0x5A;
        }
        Files.write(run.resolve(Timeline.FILE), garbled);
        viewModel.loadRun(run);
        viewModel.epochProperty().set(1);
        assertThat(viewModel.resultProperty().get()).isNull();
        assertThat(viewModel.messageProperty().get()).contains("epoch 1 is damaged");
        viewModel.epochProperty().set(2);
        assertThat(viewModel.resultProperty().get()).isNotNull();

        Files.writeString(run.resolve(Timeline.FILE), "garbage");
        viewModel.loadRun(run);
        assertThat(viewModel.epochs()).isEmpty();
        assertThat(viewModel.resultProperty().get()).isNull();
        assertThat(viewModel.messageProperty().get()).contains("is not a timeline");
    }
}
