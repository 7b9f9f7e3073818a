package org.ninexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.data.DataDirectory;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.training.BackendInfo;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.LearningRateSchedule;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.ui.common.TaskExecutor;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.featuremaps.FeatureMapsViewModel;
import org.ninexplorer.ui.featuremaps.MapTiles;

class TrainingViewModelTest {

    @TempDir
    Path dir;

    private final EditorViewModel editor = new EditorViewModel();

    private TrainingViewModel viewModel(TaskExecutor executor) {
        return new TrainingViewModel(editor, executor, new DataDirectory(dir.resolve("data")), dir.resolve("runs"));
    }

    @Test
    void eventsBecomeChartPointsOnlyWhenDrained() {
        TrainingViewModel vm = viewModel(TaskExecutor.currentThread());
        List<TrainingEvent.Epoch> epochs = new ArrayList<>();
        vm.onEpoch(epochs::add);
        vm.receive(new TrainingEvent.Started(new BackendInfo("cpu", "CPU · test"), "run", 1, 2, 1000, 128_000, 100));
        for (int i = 1; i <= 1000; i++) {
            vm.receive(new TrainingEvent.Iteration(1, i, i, 2.3 - i / 1000.0, i / 1000.0, 500, 60));
        }
        assertThat(vm.rawLoss().points()).isEmpty();

        vm.drain();

        assertThat(vm.state()).isEqualTo(TrainingState.RUNNING);
        assertThat(editor.lockedProperty().get()).isTrue();
        assertThat(vm.backendProperty().get()).isEqualTo("CPU · test");
        assertThat(vm.rawLoss().points().size()).isLessThanOrEqualTo(400).isGreaterThan(100);
        assertThat(vm.smoothLoss().points().get(0).getYValue().doubleValue()).isCloseTo(2.299, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(vm.progressProperty().get()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(vm.progressTextProperty().get()).contains("Epoch 1 of 2").contains("500 images/s").contains("1:00 left");

        vm.receive(new TrainingEvent.Epoch(1, 1.5, 0.6, 0.7, 10, 500));
        vm.receive(new TrainingEvent.Finished(TrainingEvent.Outcome.DIVERGED, "Training diverged", 1));
        vm.drain();

        assertThat(epochs).hasSize(1);
        assertThat(vm.testAccuracy().points()).hasSize(1);
        assertThat(vm.epochLoss().points().get(0).getXValue().longValue()).isEqualTo(1000);
        assertThat(vm.state()).isEqualTo(TrainingState.IDLE);
        assertThat(vm.statusProperty().get()).isEqualTo("Training diverged");
        assertThat(vm.statusIsErrorProperty().get()).isTrue();
        assertThat(editor.lockedProperty().get()).isFalse();
        assertThat(vm.rawLoss().points()).as("charts remain after training").isNotEmpty();
    }

    @Test
    void hyperParametersFollowTheRecipeOfTheOpenedNetUntilTheUserChangesThem() {
        TrainingViewModel vm = viewModel(TaskExecutor.currentThread());
        // The editor opens on fashion-28, whose recipe decays the rate and starts from He weights.
        assertThat(vm.scheduleProperty().get()).isEqualTo(LearningRateSchedule.COSINE);
        assertThat(vm.weightInitProperty().get()).isEqualTo(Hyperparameters.WeightInitChoice.HE);
        assertThat(vm.learningRateProperty().get()).isEqualTo(0.002);

        editor.newFromPreset("d2l-224");
        assertThat(vm.scheduleProperty().get()).as("untouched settings follow the net").isEqualTo(LearningRateSchedule.CONSTANT);
        editor.newFromPreset("fashion-28");
        assertThat(vm.batchSizeProperty().get()).isEqualTo(64);

        vm.learningRateProperty().set(0.05);
        editor.newFromPreset("d2l-224");
        assertThat(vm.learningRateProperty().get()).as("a new net keeps the user's settings").isEqualTo(0.05);
        assertThat(vm.scheduleProperty().get()).isEqualTo(LearningRateSchedule.COSINE);

        vm.useRecommendedRecipe();
        assertThat(vm.learningRateProperty().get()).isEqualTo(0.002);
        assertThat(vm.scheduleProperty().get()).as("the reference recipe").isEqualTo(LearningRateSchedule.CONSTANT);
        assertThat(vm.weightInitProperty().get()).isEqualTo(Hyperparameters.WeightInitChoice.XAVIER);
        assertThat(vm.batchSizeProperty().get()).isEqualTo(128);
        assertThat(vm.epochsProperty().get()).isEqualTo(5);
    }

    @Test
    void startIsBlockedWithAReasonWhileTheNetIsImpossible() {
        TrainingViewModel vm = viewModel(TaskExecutor.currentThread());
        assertThat(vm.canStartBinding().get()).isTrue();

        editor.select(1);
        editor.editLayer(MaxPool.class, "kernel", p -> p.withKernel(40));

        assertThat(vm.canStartBinding().get()).isFalse();
        assertThat(vm.startBlockedReasonBinding().get()).startsWith("The network is impossible: Layer 1 (kernel)");
        vm.learningRateProperty().set(0);
        editor.undo();
        assertThat(vm.startBlockedReasonBinding().get()).contains("learning rate");
    }

    @Test
    void shortRunOnTheBundledSampleFillsChartsAndItsSavedModelGivesFeatureMaps() throws Exception {
        TrainingViewModel vm = viewModel(TaskExecutor.currentThread());
        vm.epochsProperty().set(1);
        vm.limitTrainProperty().set(256);
        vm.limitTestProperty().set(100);
        vm.batchSizeProperty().set(64);

        vm.start();   // trains on this thread
        vm.drain();

        assertThat(vm.statusProperty().get()).startsWith("Trained 1 epoch;");
        assertThat(vm.state()).isEqualTo(TrainingState.IDLE);
        assertThat(vm.rawLoss().points()).hasSize(4);
        assertThat(vm.testAccuracy().points()).hasSize(1);
        assertThat(vm.loadedDatasetProperty().get().sample()).isTrue();
        assertThat(vm.featureMapperProperty().get()).isNotNull();
        assertThat(dir.resolve("runs")).isDirectoryContaining(p -> p.getFileName().toString().endsWith("-fashion-28"));

        // The same run, loaded from disk for the feature maps.
        FeatureMapsViewModel maps = new FeatureMapsViewModel(TaskExecutor.currentThread(), Runnable::run);
        maps.datasetProperty().set(vm.loadedDatasetProperty().get());
        maps.sampleIndexProperty().set(3);
        maps.loadRun(onlyRun());

        FeatureMapsViewModel.Result result = maps.resultProperty().get();
        assertThat(result).isNotNull();
        assertThat(maps.sourceProperty().get()).startsWith("run ");
        assertThat(result.truth()).isEqualTo("test image 3: Shirt");
        assertThat(result.maps().blocks()).hasSize(4);
        assertThat(result.maps().blocks().get(0).shape().toString()).isEqualTo("32×28×28");
        var last = result.maps().blocks().get(3);
        assertThat(result.labelsFor(last)).contains("Shirt", "Ankle boot");
        assertThat(MapTiles.render(last, true, result.labelsFor(last))).hasSize(10)
                .extracting(MapTiles.Tile::label).contains("Shirt");
        double sum = 0;
        for (float p : result.maps().probabilities()) {
            sum += p;
        }
        assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-3));
    }

    private Path onlyRun() throws java.io.IOException {
        try (var runs = java.nio.file.Files.list(dir.resolve("runs"))) {
            return runs.findFirst().orElseThrow();
        }
    }

    @Test
    void aMissingDownloadIsOfferedAndRefusalIsReported() {
        TrainingViewModel vm = viewModel(TaskExecutor.currentThread());
        List<String> asked = new ArrayList<>();
        vm.setDownloadConfirmation(message -> asked.add(message) && false);
        vm.datasetProperty().set(DatasetChoice.FASHION_MNIST);

        vm.start();

        assertThat(asked).singleElement().asString().contains("Fashion-MNIST").contains("Download");
        assertThat(vm.state()).isEqualTo(TrainingState.IDLE);
        assertThat(vm.statusIsErrorProperty().get()).isTrue();
    }
}
