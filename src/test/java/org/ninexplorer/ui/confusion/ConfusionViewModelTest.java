package org.ninexplorer.ui.confusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.data.ImageSource;
import org.ninexplorer.training.BackendInfo;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.TestPredictions;
import org.ninexplorer.training.TinyNets;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.training.TrainingRequest;
import org.ninexplorer.training.TrainingRun;
import org.ninexplorer.ui.common.TaskExecutor;

class ConfusionViewModelTest {

    private final ConfusionViewModel viewModel = new ConfusionViewModel(TaskExecutor.currentThread(), Runnable::run);
    private final Dataset sample = TinyNets.sample();

    /** The first 40 test images, each predicted as class 1 (or 2 for the Trousers) with the confidence given. */
    private TestPredictions answers(int epoch, float... confidences) {
        ImageSource test = sample.test();
        List<TestPredictions.Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int predicted = test.label(i) == 1 ? 2 : 1;
            predictions.add(new TestPredictions.Prediction(i, test.label(i), predicted, confidences[i % confidences.length]));
        }
        return new TestPredictions(epoch, 10, predictions);
    }

    private void start(Path dir) {
        viewModel.accept(new TrainingEvent.Started(new BackendInfo("CPU", "cpu"), dir.toString(), 1, 3, 10, 320, 40));
    }

    @Test
    void aCellsImagesComeSurestOfTheWrongClassFirstWithTheirLabels(@TempDir Path dir) {
        viewModel.datasetProperty().set(sample);
        start(dir);
        viewModel.accept(new TrainingEvent.Tested(answers(1, 0.4f, 0.9f, 0.6f, 0.75f)));
        int truth = java.util.stream.IntStream.range(0, 40).map(sample.test()::label).filter(l -> l != 1).findFirst()
                .orElseThrow();

        viewModel.selectCell(truth, 1);

        List<ConfusionViewModel.Thumb> images = viewModel.images();
        assertThat(images).isNotEmpty().hasSize(viewModel.matrixProperty().get().count(truth, 1));
        assertThat(images).extracting(t -> Float.parseFloat(t.confidence().replace(" %", "")))
                .isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(images).allSatisfy(t -> {
            assertThat(sample.test().label(t.index())).isEqualTo(truth);
            assertThat(t.truth()).isEqualTo(sample.className(truth));
            assertThat(t.predicted()).isEqualTo(sample.className(1));
        });
        // The worst mistake is ranked in the grid.
        assertThat(viewModel.cells()).filteredOn(c -> c.worstRank() == 1).singleElement()
                .satisfies(c -> assertThat(c.diagonal()).isFalse());

        List<Integer> opened = new ArrayList<>();
        viewModel.setOpenSample(opened::add);
        viewModel.openImage(images.get(0).index());
        assertThat(opened).containsExactly(images.get(0).index());
    }

    @Test
    void theSliderFollowsNewEpochsUnlessAnOlderOneIsChosen(@TempDir Path dir) {
        viewModel.datasetProperty().set(sample);
        start(dir);
        viewModel.accept(new TrainingEvent.Tested(answers(1, 0.5f)));
        viewModel.accept(new TrainingEvent.Tested(answers(2, 0.5f)));
        assertThat(viewModel.epochs()).containsExactly(1, 2);
        assertThat(viewModel.epochProperty().get()).isEqualTo(2);

        viewModel.epochProperty().set(1);
        viewModel.accept(new TrainingEvent.Tested(answers(3, 0.5f)));

        assertThat(viewModel.epochProperty().get()).isEqualTo(1);
        assertThat(viewModel.matrixProperty().get().epoch()).isEqualTo(1);
    }

    @Test
    void aRunWithoutStoredMatricesIsTestedAgainFromItsCheckpoints(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        new TrainingRun(new TrainingRequest(TinyNets.TINY_28, Hyperparameters.defaults().withEpochs(2).withBatchSize(32),
                sample, "sample", run, 320, 100), e -> { }).call();
        Files.delete(run.resolve("confusion.csv"));
        Files.delete(run.resolve("predictions.csv"));
        viewModel.datasetProperty().set(sample);

        viewModel.loadRun(run);

        assertThat(viewModel.epochs()).containsExactly(1, 2);
        assertThat(viewModel.matrixProperty().get().epoch()).isEqualTo(2);
        assertThat(viewModel.matrixProperty().get().total()).isEqualTo(100);
        assertThat(viewModel.messageProperty().get()).isEmpty();
        viewModel.epochProperty().set(1);
        assertThat(viewModel.matrixProperty().get().epoch()).isEqualTo(1);
        viewModel.selectCell(0, 0);
        assertThat(viewModel.images()).allSatisfy(t -> assertThat(sample.test().label(t.index())).isZero());
    }

    @Test
    void aDamagedFileIsSaidInASentence(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("run.json"), "{}");
        Files.writeString(dir.resolve("confusion.csv"), "not a confusion matrix\n");

        viewModel.loadRun(dir);

        assertThat(viewModel.messageProperty().get()).contains("confusion.csv").contains("damaged");
        assertThat(viewModel.matrixProperty().get()).isNull();
    }
}
